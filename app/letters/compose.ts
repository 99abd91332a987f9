// What each letter says, in Swedish, as a list of blocks. The PDF renderer only
// lays these out, so the wording lives in one place and can be read (and
// tested) without a PDF in between.

import { hoursInSentence } from "../units";
import {
  swedishCalendarDate,
  swedishClock,
  swedishDate,
  swedishDateTime,
  swedishTimestamp,
} from "./format";
import type {
  Caseworker,
  DecisionOutcome,
  FeedbackOutcome,
  Letter,
  LetterKind,
  Municipality,
  Recipient,
} from "./types";

export type Run = { text: string; bold?: boolean };

export type TableColumn = { label: string; /** share of the text width */ width: number };
export type TableRow = { cells: string[]; /** small print under the last cell */ note?: string };

export type Block =
  | { type: "heading"; level: 1 | 2; text: string }
  | { type: "paragraph"; runs: Run[] }
  | { type: "list"; items: string[] }
  /** set apart in a box, e.g. what to do when a child is in acute danger */
  | { type: "notice"; heading: string; paragraphs: string[] }
  | { type: "table"; columns: TableColumn[]; rows: TableRow[] };

export type LetterContent = {
  title: string;
  referenceNumber: string;
  /** what the number is called: the receipt carries the report's own number, never the case's */
  referenceLabel: string;
  /** the date line, e.g. "24 november 2026" */
  date: string;
  /** lines of the address block; null for letters that are not posted */
  addressee: string[] | null;
  blocks: Block[];
};

const KIND_TITLES: Record<LetterKind, string> = {
  receipt: "Kvittens på orosanmälan",
  invitation: "Kallelse till samtal",
  decision: "Beslut",
  investigationNotice: "Underrättelse om att utredning inleds",
  feedback: "Återkoppling på orosanmälan",
  caseHistory: "Ärendehistorik",
};

const FILE_PREFIXES: Record<LetterKind, string> = {
  receipt: "kvittens",
  invitation: "kallelse",
  decision: "beslut",
  investigationNotice: "underrattelse-utredning",
  feedback: "aterkoppling",
  caseHistory: "arendehistorik",
};

// Reference numbers are ours ("VRN-2026-00012"), but they end up in a file
// name and in XML metadata, so keep only characters that are safe in both.
function safeReference(referenceNumber: string): string {
  return referenceNumber.replace(/[^A-Za-z0-9._-]/g, "");
}

/** e.g. "Kallelse till samtal – VRN-2026-00012" (also the PDF's title) */
export function letterTitle(letter: Letter): string {
  return `${KIND_TITLES[letter.kind]} – ${safeReference(letter.referenceNumber)}`;
}

/** e.g. "kallelse-VRN-2026-00012.pdf" */
export function letterFileName(letter: Letter): string {
  return `${FILE_PREFIXES[letter.kind]}-${safeReference(letter.referenceNumber)}.pdf`;
}

const p = (...runs: (Run | string)[]): Block => ({
  type: "paragraph",
  runs: runs.map((run) => (typeof run === "string" ? { text: run } : run)),
});
const h1 = (text: string): Block => ({ type: "heading", level: 1, text });
const h2 = (text: string): Block => ({ type: "heading", level: 2, text });
const fact = (label: string, value: string): Block => p({ text: `${label}: `, bold: true }, value);
/** Keeps a phone number or a time on one line. */
const nb = (text: string): string => text.replace(/ /g, "\u00A0");

function addressLines(recipient: Recipient): string[] {
  // A null address means protected personal data: print the name only.
  if (recipient.address === null) return [recipient.name];
  return [recipient.name, ...recipient.address.split("\n").map((line) => line.trim()).filter(Boolean)];
}

function contactLine(letter: { referenceNumber: string }, caseworker: Caseworker): Block {
  return p(
    `Har du frågor är du välkommen att ringa ${caseworker.name} på telefon ${nb(caseworker.phone)}. ` +
      `Ange diarienummer ${letter.referenceNumber} när du kontaktar oss.`,
  );
}

function signature(caseworker: Caseworker, municipality: Municipality): Block[] {
  return [p("Med vänliga hälsningar"), p({ text: caseworker.name, bold: true }, `\nHandläggare, ${municipality.unit}`)];
}

function paragraphsOf(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => p(part));
}

function acuteDanger(municipality: Municipality): Block {
  return {
    type: "notice",
    heading: "Om ett barn är i akut fara",
    paragraphs: [
      "Ring 112 om ett barn är i akut fara.",
      `Under kontorstid når du socialtjänsten via kommunens växel, ${nb(municipality.phone)}. ` +
        "Kvällar, nätter och helger når du socialjouren via 112.",
    ],
  };
}

const DECISION_SENTENCES: Record<DecisionOutcome, (child: string) => string> = {
  noInvestigation: (child) => `Socialtjänsten har beslutat att inte inleda någon utredning om ${child}.`,
  openInvestigation: (child) => `Socialtjänsten har beslutat att inleda en utredning om ${child}.`,
  alreadyInvestigated: (child) =>
    `Det pågår redan en utredning om ${child}. Uppgifterna i anmälan tas med i den utredningen.`,
  transfer: (child) =>
    `Socialtjänsten har beslutat att överlämna ärendet till den kommun som ansvarar för ${child}.`,
};

const FEEDBACK_SENTENCES: Record<FeedbackOutcome, string> = {
  investigationOpened: "En utredning har inletts.",
  notOpened: "Någon utredning har inte inletts.",
  alreadyUnderway: "En utredning pågår redan. Uppgifterna i din anmälan tas med i den.",
  transferred: "Ärendet har lämnats över till en annan kommun, som beslutar om utredning.",
};

function body(letter: Letter, municipality: Municipality): { addressee: string[] | null; blocks: Block[] } {
  const kommun = municipality.name;
  switch (letter.kind) {
    case "receipt": {
      // The reporter may be a private person: no child, no details of the report.
      return {
        addressee: null,
        blocks: [
          h1(KIND_TITLES.receipt),
          p(letter.reporterName ? `Hej ${letter.reporterName}!` : "Hej!"),
          p(`Tack för att du har gjort en orosanmälan. Socialtjänsten i ${kommun} har tagit emot den.`),
          fact("Anmälningsnummer", letter.referenceNumber),
          fact("Mottagen", swedishDateTime(letter.receivedAt)),
          p("Ange anmälningsnumret om du kontaktar oss om anmälan."),
          h2("Vad händer nu?"),
          p(
            // Promise only what the unit does: reports are read in office hours.
            // A unit without saved hours promises none it may not keep.
            `Vi läser anmälan ${municipality.officeHours ? hoursInSentence(municipality.officeHours) : "under kontorstid"} och bedömer då genast ` +
              "om barnet behöver skydd. Inom 14 dagar beslutar vi om en utredning ska inledas.",
          ),
          p(
            "Socialtjänstens arbete omfattas av sekretess. Vi kan därför inte berätta vad som händer i ärendet. " +
              "Har du gjort anmälan i din yrkesroll och är anmälningsskyldig får du veta om en utredning " +
              "har inletts, inte har inletts eller redan pågår.",
          ),
          acuteDanger(municipality),
        ],
      };
    }
    case "invitation": {
      const { caseworker } = letter;
      const details = [
        fact("Dag", swedishCalendarDate(letter.date)),
        fact("Tid", nb(swedishClock(letter.time))),
        fact("Plats", letter.place),
        fact("Handläggare", `${caseworker.name}, telefon ${nb(caseworker.phone)}`),
      ];
      const interpreter = letter.interpreterLanguage
        ? [p(`Behöver du tolk till ${letter.interpreterLanguage} eller ett annat språk? Säg till när du ringer, så bokar vi en tolk utan kostnad för dig.`)]
        : [p("Behöver du tolk? Säg till när du ringer, så bokar vi en tolk utan kostnad för dig.")];
      const intro =
        letter.recipientRole === "child"
          ? [
              p(
                `Vi på socialtjänsten i ${kommun} vill gärna träffa dig och prata om hur du har det, ` +
                  "hemma, i skolan och på fritiden. Du bestämmer själv vad du vill berätta.",
              ),
            ]
          : [
              p(
                `Socialtjänsten i ${kommun} har fått uppgifter som gör att vi vill träffa dig för ett samtal ` +
                  `om ${letter.childName}. Vi vill höra hur ${letter.childName} har det och om ni i familjen ` +
                  "behöver stöd.",
              ),
            ];
      return {
        addressee: addressLines(letter.recipient),
        blocks: [
          h1(KIND_TITLES.invitation),
          p(`Hej ${letter.recipient.name}!`),
          ...intro,
          ...details,
          p(
            `Om tiden inte passar, ring ${caseworker.name} på telefon ${nb(caseworker.phone)} så bokar vi en ny tid. ` +
              "Du får gärna ta med dig någon du har förtroende för.",
          ),
          ...interpreter,
          p(`Ange diarienummer ${letter.referenceNumber} när du kontaktar oss.`),
          ...signature(caseworker, municipality),
        ],
      };
    }
    case "decision": {
      const { caseworker } = letter;
      // One form of address throughout: the letter speaks to its one reader as "du".
      const toChild = letter.recipientRole === "child";
      const support: Block[] =
        letter.support.length > 0
          ? [
              h2("Stöd som vi erbjuder"),
              p(toChild ? "Socialtjänsten erbjuder dig följande stöd:" : "Socialtjänsten erbjuder dig och ditt barn följande stöd:"),
              { type: "list", items: letter.support },
              p(
                `Stödet är frivilligt. ${toChild ? "Du har rätt att själv säga ja eller nej. " : ""}` +
                  `Vill du ta emot stödet, ring ${caseworker.name} på telefon ${nb(caseworker.phone)}.`,
              ),
            ]
          : [];
      const appeal =
        letter.outcome === "noInvestigation" || letter.outcome === "openInvestigation"
          ? `Beslutet att ${letter.outcome === "noInvestigation" ? "inte inleda" : "inleda"} en utredning går inte att överklaga.`
          : "Vill du överklaga beslutet ska överklagandet ha kommit in till oss inom tre veckor från den dag du fick del av " +
            "beslutet. Vi skickar det vidare till förvaltningsrätten. Handläggaren hjälper dig gärna.";
      return {
        addressee: addressLines(letter.recipient),
        blocks: [
          h1(KIND_TITLES.decision),
          ...(toChild ? [p(`Hej ${letter.recipient.name}!`)] : []),
          fact("Gäller", letter.childName),
          fact("Beslutsdatum", swedishDate(letter.decidedAt)),
          p({ text: DECISION_SENTENCES[letter.outcome](toChild ? "dig" : letter.childName), bold: true }),
          h2("Skäl för beslutet"),
          ...paragraphsOf(letter.reasoning),
          ...support,
          h2("Att läsa handlingarna"),
          p(
            "Du har rätt att ta del av det som har skrivits i ärendet (partsinsyn). " +
              `Ring ${caseworker.name} så ordnar vi det.`,
          ),
          h2("Frågor och överklagande"),
          contactLine(letter, caseworker),
          p(appeal),
          p(`Beslutet har fattats av ${letter.approvedBy}.`),
        ],
      };
    }
    case "investigationNotice": {
      const { caseworker, childName } = letter;
      return {
        addressee: addressLines(letter.recipient),
        blocks: [
          h1(KIND_TITLES.investigationNotice),
          fact("Gäller", childName),
          p(
            `Socialtjänsten i ${kommun} har den ${swedishDate(letter.openedAt)} beslutat att inleda ` +
              `en utredning om ${childName}.`,
          ),
          h2("Vad innebär en utredning?"),
          p(
            `I utredningen tar vi reda på hur ${childName} har det och om ${childName} behöver stöd eller skydd. ` +
              "Vi vill göra utredningen tillsammans med er. Vi pratar med er vårdnadshavare och med barnet, " +
              "och vi kan behöva hämta in uppgifter från till exempel förskola, skola eller hälso- och sjukvård. " +
              "Vi berättar för er vilka vi kontaktar.",
          ),
          p(
            "Utredningen ska vara klar inom fyra månader. Ni har rätt att ta del av det som kommer fram " +
              "och att lämna synpunkter innan beslut fattas.",
          ),
          h2("Kontakt"),
          fact("Handläggare", `${caseworker.name}, telefon ${nb(caseworker.phone)}`),
          p(`${caseworker.name} kontaktar er för att boka ett första samtal.`),
          contactLine(letter, caseworker),
        ],
      };
    }
    case "feedback": {
      // To a mandated reporter: the outcome, and nothing about the child or the case.
      return {
        addressee: [letter.recipient.name, letter.recipient.organisation],
        blocks: [
          h1(KIND_TITLES.feedback),
          p(`Hej ${letter.recipient.name}!`),
          p(
            (letter.reportReceivedAt
              ? `Du gjorde den ${swedishDate(letter.reportReceivedAt)} en orosanmälan till socialtjänsten i ${kommun}. `
              : `Du har gjort en orosanmälan till socialtjänsten i ${kommun}. `) +
              "Som anmälningsskyldig har du rätt att få veta om en utredning har inletts, inte har inletts eller redan pågår.",
          ),
          ...(letter.reportReceivedAt ? [fact("Anmälan mottagen", swedishDateTime(letter.reportReceivedAt))] : []),
          fact("Diarienummer", letter.referenceNumber),
          fact("Besked", FEEDBACK_SENTENCES[letter.outcome]),
          fact("Beslutsdatum", swedishDate(letter.decidedAt)),
          p(
            "Socialtjänstens arbete omfattas av sekretess. Vi kan därför inte lämna några andra uppgifter " +
              "om barnet eller ärendet.",
          ),
          p("Blir du på nytt orolig för barnet ska du göra en ny anmälan. Är ett barn i akut fara, ring 112."),
        ],
      };
    }
    case "caseHistory": {
      const events: Block[] =
        letter.events.length > 0
          ? [
              {
                type: "table",
                columns: [
                  { label: "Nr", width: 0.08 },
                  { label: "Tidpunkt", width: 0.15 },
                  { label: "Händelse", width: 0.18 },
                  { label: "Utförd av", width: 0.17 },
                  { label: "Beskrivning", width: 0.42 },
                ],
                rows: letter.events.map((event) => ({
                  cells: [String(event.seq), swedishTimestamp(event.at), event.type, event.actorName, event.summary],
                  note: `Kontrollsumma: ${event.hash}`,
                })),
              },
            ]
          : [p("Ärendet har inga registrerade händelser.")];
      return {
        addressee: null,
        blocks: [
          h1(KIND_TITLES.caseHistory),
          fact("Diarienummer", letter.referenceNumber),
          fact("Exporterad", swedishDateTime(letter.exportedAt)),
          fact("Exporterad av", letter.exportedBy),
          fact("Antal händelser", String(letter.events.length)),
          p(
            "Handlingen innehåller uppgifter som kan omfattas av sekretess enligt 26 kap. 1 § " +
              "offentlighets- och sekretesslagen (2009:400).",
          ),
          p(
            "Varje händelse har en kontrollsumma som bygger på den föregående händelsens. " +
              "Med kontrollsummorna går det att upptäcka om historiken har ändrats i efterhand.",
          ),
          ...events,
        ],
      };
    }
  }
}

// Free text comes from forms: drop control characters the font cannot draw
// (they would print as empty boxes), keep line breaks, and compose "a" + "◌̈"
// into "ä" (macOS and some phones send the decomposed form), so the same words
// always give the same glyphs.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
const clean = (text: string): string => text.replace(CONTROL, (c) => (c === "\t" ? " " : "")).normalize("NFC");

function cleanBlock(block: Block): Block {
  switch (block.type) {
    case "heading":
      return { ...block, text: clean(block.text) };
    case "paragraph":
      return { ...block, runs: block.runs.map((run) => ({ ...run, text: clean(run.text) })) };
    case "list":
      return { ...block, items: block.items.map(clean) };
    case "notice":
      return { ...block, heading: clean(block.heading), paragraphs: block.paragraphs.map(clean) };
    case "table":
      return {
        ...block,
        rows: block.rows.map((row) => ({
          cells: row.cells.map(clean),
          ...(row.note === undefined ? {} : { note: clean(row.note) }),
        })),
      };
  }
}

export function composeLetter(letter: Letter, municipality: Municipality): LetterContent {
  const { addressee, blocks } = body(letter, municipality);
  return {
    title: letterTitle(letter),
    referenceNumber: clean(letter.referenceNumber),
    referenceLabel: letter.kind === "receipt" ? "Anmälningsnummer" : "Diarienummer",
    date: swedishDate(letter.createdAt),
    addressee: addressee && addressee.map(clean),
    blocks: blocks.map(cleanBlock),
  };
}
