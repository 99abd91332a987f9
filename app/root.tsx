import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";

import { pageAccess } from "./auth/roles";
import { loadRoot } from "./root.server";
import stylesHref from "./styles/app.css";
import printStylesHref from "./styles/print.css";
import { translate, type Locale } from "./i18n";
import { useNonce } from "./ui/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "stylesheet", href: printStylesHref, media: "print" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return loadRoot(request);
}

type RootData = Awaited<ReturnType<typeof loader>>;

/** What an error page says (its message, and its title), by the answer's status. */
function errorText(error: unknown): { message: string; title: string } {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 404) return { message: "error.notFound", title: "error.notFound.title" };
  if (status === 403) return { message: "error.forbidden", title: "error.forbidden.title" };
  if (status >= 400 && status < 500) return { message: "error.badRequest", title: "error.badRequest.title" };
  return { message: "error.generic", title: "error.title" };
}

/**
 * Pages name themselves (each route's `meta`); an error page, rendered by the boundary below
 * instead of its route, is named here by what went wrong.
 */
export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error) return [];
  return [{ title: `${translate(data?.locale ?? "sv", errorText(error).title)} – Värna` }];
};

function Document({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header({ data }: { data: RootData | undefined }) {
  const locale = data?.locale ?? "sv";
  const t = (k: string, p?: Record<string, string>) => translate(locale, k, p);
  const user = data?.user;
  const location = useLocation();
  // Someone who must first choose their own password is sent back to Mitt konto from every
  // other page, so the menu offers none of them until they have.
  const can = (roles: readonly string[]) => !!user && !user.mustChoosePassword && roles.includes(user.role);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="brand">
        <Link to="/">{t("app.name")}</Link>
        <span className="brand-unit">{data?.municipality ? `${data.municipality} · ${t("app.unit")}` : t("app.unit")}</span>
      </div>
      <nav aria-label={t("nav.main")}>
        <ul>
          <li>
            <Link to="/anmalan">{t("nav.report")}</Link>
          </li>
          {can(pageAccess.desk) ? (
            <li>
              <Link to="/skrivbord">{t("nav.desk")}</Link>
            </li>
          ) : null}
          {can(pageAccess.cases) ? (
            <li>
              <Link to="/arenden">{t("nav.cases")}</Link>
            </li>
          ) : null}
          {can(pageAccess.myReports) ? (
            <li>
              <Link to="/mina-anmalningar">{t("nav.myReports")}</Link>
            </li>
          ) : null}
          {can(pageAccess.audit) ? (
            <li>
              <Link to="/granskning">{t("nav.audit")}</Link>
            </li>
          ) : null}
          {can(pageAccess.statistics) ? (
            <li>
              <Link to="/statistik">{t("nav.statistics")}</Link>
            </li>
          ) : null}
          {can(pageAccess.admin) ? (
            <li>
              <Link to="/admin">{t("nav.admin")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="session">
        <Form method="post" action="/sprak" className="inline-form">
          <input type="hidden" name="lang" value={locale === "sv" ? "en" : "sv"} />
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          <button type="submit" className="link-button" lang={locale === "sv" ? "en" : "sv"}>
            {t("nav.language")}
          </button>
        </Form>
        {user ? (
          <>
            <span>
              {t("nav.signedInAs", { name: user.name })} ({t(`role.${user.role}`)})
            </span>
            <Link to="/konto">{t("nav.account")}</Link>
            <Form method="post" action="/logga-ut" className="inline-form">
              <button type="submit" className="link-button">
                {t("nav.signOut")}
              </button>
            </Form>
          </>
        ) : data ? (
          <Link to="/logga-in">{t("nav.signIn")}</Link>
        ) : null}
      </div>
    </header>
  );
}

/** Every page links the accessibility statement (required of public-sector services). */
function Footer({ locale, municipality }: { locale: Locale; municipality: string | undefined }) {
  return (
    <footer className="site-footer" aria-label={translate(locale, "footer.label")}>
      <span>{municipality ? translate(locale, "footer.text", { municipality }) : translate(locale, "app.name")}</span>
      <Link to="/tillganglighet">{translate(locale, "footer.accessibility")}</Link>
    </footer>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  return (
    <Document locale={data.locale}>
      <Header data={data} />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer locale={data.locale} municipality={data.municipality} />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? "sv";
  const { message } = errorText(error);
  return (
    <Document locale={locale}>
      <Header data={data} />
      <main id="main" tabIndex={-1}>
        <h1>{translate(locale, "error.title")}</h1>
        <p role="alert">{translate(locale, message)}</p>
        <p>
          <Link to="/">{translate(locale, "error.backHome")}</Link>
        </p>
      </main>
      <Footer locale={locale} municipality={data?.municipality} />
    </Document>
  );
}
