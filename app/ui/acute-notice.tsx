import { useRouteLoaderData } from "@remix-run/react";

import { translate, useLocale, type Locale } from "../i18n";
import { hoursInSentence } from "../units";
import { PhoneLink } from "./phone-link";

/** The receiving unit's phone and hours, as the admin keeps them at /admin/enheter (root loader). */
export type AcuteContact = { phone: string | null; officeHours: string | null };

type Props = {
  /** Also say when reports are read (the form itself). */
  withReadingHours?: boolean;
};

/**
 * Where to turn when a child is in acute danger: 112, socialjouren outside office hours, and
 * the unit's own phone and hours — the signed-in person's unit, else the one that receives
 * the public form's reports — never a number written into the code.
 */
export function AcuteNotice(props: Props) {
  const locale = useLocale();
  const root = useRouteLoaderData("root") as { contact?: AcuteContact } | undefined;
  return <AcuteNoticeContent locale={locale} contact={root?.contact ?? null} {...props} />;
}

/** The notice itself (one a page: its heading's id names the section). */
export function AcuteNoticeContent({ locale, contact, withReadingHours = false }: Props & { locale: Locale; contact: AcuteContact | null }) {
  const t = (key: string, params?: Record<string, string>) => translate(locale, key, params);
  const hours = contact?.officeHours?.trim() ? hoursInSentence(contact.officeHours) : null;
  const phone = contact?.phone?.trim() || null;
  return (
    <section className="notice" aria-labelledby="acute-title">
      <h2 id="acute-title">{t("acute.title")}</h2>
      <p>
        {hours ? withHours(locale, hours, (officeHours) => t("acute.text", { officeHours })) : t("acute.textWithoutHours")}
        {phone ? (
          <>
            {" "}
            {t("acute.phone")} <PhoneLink phone={phone} />.
          </>
        ) : null}
      </p>
      {withReadingHours ? (
        <p>{hours ? withHours(locale, hours, (officeHours) => t("intake.officeHours", { officeHours })) : t("intake.officeHoursWithoutHours")}</p>
      ) : null}
    </section>
  );
}

/**
 * A sentence holding the unit's office hours. The admin writes them in Swedish, so in another
 * language the hours are marked as Swedish (WCAG 3.1.2), for a screen reader to say them so.
 */
function withHours(locale: Locale, hours: string, sentence: (officeHours: string) => string) {
  if (locale === "sv") return sentence(hours);
  const [before, after] = sentence("\u0000").split("\u0000");
  return (
    <>
      {before}
      <span lang="sv">{hours}</span>
      {after}
    </>
  );
}
