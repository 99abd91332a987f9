/**
 * The accessibility statement (tillgänglighetsredogörelse) required by the Swedish law on
 * accessible digital public services (2018:1937), in the structure DIGG recommends. Long prose,
 * so it lives here per language rather than as catalogue keys. Say only what is tested.
 */
import type { Locale } from "../i18n";
import { PhoneLink } from "../ui/phone-link";
import { hoursInSentence } from "../units";
import type { UnitContact } from "../units.server";

const STATEMENT_DATE = "2026-11-25";
const DIGG_FORM = "https://www.digg.se/tdosanmalan";

/** Who stands behind the service and how to reach them: the municipality as its units keep it (admin). */
type Props = { contact: UnitContact };

/** "Lysekils kommun, Socialtjänsten, 453 80 Lysekil": the postal address on one line. */
function postal(contact: UnitContact): string {
  return [contact.municipality, "Socialtjänsten", ...(contact.address ?? "").split("\n")].map((l) => l.trim()).filter(Boolean).join(", ");
}

function Swedish({ contact }: Props) {
  return (
    <>
      <h1>Tillgänglighetsredogörelse för Värna</h1>
      <p>
        {contact.municipality} står bakom Värna, tjänsten där du gör en orosanmälan om ett barn och där socialtjänsten handlägger
        anmälan. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur Värna uppfyller lagen
        (2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan rapportera
        problem så att vi kan åtgärda dem.
      </p>
      <h2>Hur tillgänglig är tjänsten?</h2>
      <p>
        Vi bedömer att Värna är <strong>delvis förenlig</strong> med WCAG 2.1 på nivå AA. Sidorna kontrolleras automatiskt,
        men en manuell granskning med skärmläsare och förstoring har ännu inte gjorts av en oberoende part.
      </p>
      <h2>Så här har vi testat</h2>
      <ul>
        <li>
          Varje sida som de automatiska testerna besöker kontrolleras med verktyget axe-core mot reglerna för WCAG 2.1 nivå A
          och AA, i webbläsaren Chromium. Ett fel stoppar leveransen.
        </li>
        <li>Anmälningsformuläret testas med JavaScript avstängt: det går att fylla i och skicka som ett vanligt formulär.</li>
        <li>
          Ärendelistan och skrivbordet testas i fönsterbredden 1280 och 390 pixlar (en mobiltelefon): ingen sida ska behöva
          rullas i sidled.
        </li>
        <li>Brev (kvittens, kallelse, beslut) skapas som PDF/A med inbäddade typsnitt och taggad struktur.</li>
        <li>Diagrammen i statistiken har alltid en tabell bredvid sig med samma siffror.</li>
      </ul>
      <h2>Kända brister</h2>
      <ul>
        <li>PDF-breven har inte granskats manuellt med skärmläsare.</li>
        <li>Tjänsten har inte testats med användare som använder skärmläsare, förstoring eller taligenkänning.</li>
      </ul>
      <h2>Rapportera ett problem</h2>
      <p>
        Om du stöter på hinder, eller behöver innehåll i ett annat format, kontakta oss:{" "}
        {contact.phone ? (
          <>
            ring kommunens växel på <PhoneLink phone={contact.phone} />
            {contact.officeHours ? ` (${hoursInSentence(contact.officeHours)})` : ""} och be att få tala med
            socialtjänsten, Barn och unga, eller{" "}
          </>
        ) : null}
        skriv till {postal(contact)}. Berätta vilken sida det gäller och vad som inte fungerade. Skriv inga uppgifter om ett barn i ett meddelande om tillgänglighet.
      </p>
      <p>
        <strong>Är ett barn i akut fara? Ring 112.</strong>
      </p>
      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen. Om du inte är nöjd med hur vi
        hanterar dina synpunkter kan du <a href={DIGG_FORM}>anmäla det till Digg</a>.
      </p>
      <p className="muted">Redogörelsen uppdaterades {STATEMENT_DATE}.</p>
    </>
  );
}

function English({ contact }: Props) {
  return (
    <>
      <h1>Accessibility statement for Värna</h1>
      <p>
        {contact.municipality} is responsible for Värna, the service where you report a concern about a child and where the
        social services handle the report. We want as many people as possible to be able to use it. This statement
        describes how Värna meets the Swedish law on accessible digital public services (2018:1937), the shortcomings we
        know of, and how to report a problem so that we can fix it.
      </p>
      <h2>How accessible is the service?</h2>
      <p>
        We consider Värna <strong>partially compliant</strong> with WCAG 2.1 level AA. The pages are checked automatically,
        but no independent manual review with screen readers and magnification has been made yet.
      </p>
      <h2>How we test</h2>
      <ul>
        <li>
          Every page the automated tests visit is checked with axe-core against the WCAG 2.1 level A and AA rules, in the
          Chromium browser. A failure stops the release.
        </li>
        <li>The report form is tested with JavaScript turned off: it can be filled in and sent as a plain form.</li>
        <li>
          The case list and the desk are tested at window widths of 1280 and 390 pixels (a phone): no page should need
          sideways scrolling.
        </li>
        <li>Letters (receipt, invitation, decision) are PDF/A with embedded fonts and tagged structure.</li>
        <li>Every chart in the statistics has a table with the same figures beside it.</li>
      </ul>
      <h2>Known shortcomings</h2>
      <ul>
        <li>The PDF letters have not been reviewed manually with a screen reader.</li>
        <li>The service has not been tested with users of screen readers, magnification or speech recognition.</li>
      </ul>
      <h2>Report a problem</h2>
      <p>
        If something stands in your way, or you need content in another format, contact us:{" "}
        {contact.phone ? (
          <>
            call the municipality&apos;s switchboard on <PhoneLink phone={contact.phone} />
            {contact.officeHours ? (
              <>
                {" "}
                (<span lang="sv">{contact.officeHours}</span>)
              </>
            ) : null}{" "}
            and ask for the social services, Children and young people, or{" "}
          </>
        ) : null}
        write to {postal(contact)}. Say which page it concerns and what did not work. Do not include details about a child in a message about accessibility.
      </p>
      <p>
        <strong>Is a child in acute danger? Call 112.</strong>
      </p>
      <h2>Enforcement</h2>
      <p>
        The Agency for Digital Government (Digg) supervises the law. If you are not satisfied with how we handle your
        comments, you can <a href={DIGG_FORM}>report it to Digg</a> (in Swedish).
      </p>
      <p className="muted">This statement was last updated on {STATEMENT_DATE}.</p>
    </>
  );
}

export function AccessibilityStatement({ locale, contact }: { locale: Locale; contact: UnitContact }) {
  return locale === "en" ? <English contact={contact} /> : <Swedish contact={contact} />;
}
