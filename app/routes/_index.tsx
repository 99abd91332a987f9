import type { MetaFunction } from "@remix-run/node";
import { Link, useRouteLoaderData } from "@remix-run/react";

import { landingPage, type Role } from "~/auth/roles";
import { useMunicipality, useT } from "~/i18n";
import { AcuteNotice } from "~/ui/acute-notice";

export const meta: MetaFunction = () => [{ title: "Värna – orosanmälningar om barn" }];

export default function Index() {
  const t = useT();
  const municipality = useMunicipality();
  const root = useRouteLoaderData("root") as { user?: { role: Role } | null } | undefined;
  const user = root?.user ?? null;
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p>{t("home.lead", { municipality })}</p>
      <p>
        <Link className="button" to="/anmalan">
          {t("nav.report")}
        </Link>
      </p>
      <AcuteNotice />
      {user ? (
        <p>
          <Link to={landingPage(user.role)}>{t("home.toStart")}</Link>
        </p>
      ) : (
        <p>
          {t("home.staff")} <Link to="/logga-in">{t("nav.signIn")}</Link>
        </p>
      )}
    </>
  );
}
