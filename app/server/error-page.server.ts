/**
 * The pages the server itself answers with, before or instead of Remix: plain, Swedish,
 * accessible, without scripts (the Content-Security-Policy needs no exception for them).
 * Like every page they link the accessibility statement from their footer, in the app's words;
 * the municipality's name is the database's (the admin keeps it), which these pages do not
 * read — they are also the answer while the database is away — so they leave it out.
 */
import { sv } from "../i18n/sv";

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: "Begäran kunde inte behandlas", text: "Det som skickades gick inte att läsa. Gå tillbaka och försök igen." },
  403: {
    title: "Begäran stoppades",
    text: "Formuläret skickades inte från Värnas egna sidor och har därför inte utförts. Ladda om sidan och försök igen.",
  },
  404: { title: "Sidan finns inte", text: "Sidan finns inte." },
  405: { title: "Begäran kunde inte behandlas", text: "Sidan tar inte emot den sortens begäran." },
  408: { title: "Det tog för lång tid", text: "Begäran tog för lång tid att ta emot. Försök igen." },
  413: {
    title: "För mycket på en gång",
    text: "Det som skickades var för stort. Korta texten eller skicka en mindre fil och försök igen.",
  },
  415: { title: "Formatet stöds inte", text: "Det som skickades var i ett format som Värna inte tar emot." },
  429: { title: "För många försök", text: "Vänta en stund och försök igen. Är ett barn i akut fara, ring 112." },
  500: { title: "Något gick fel", text: "Ett oväntat fel inträffade. Försök igen om en stund." },
  503: {
    title: "Tillfälligt otillgänglig",
    text: "Värna är tillfälligt otillgänglig. Försök igen om en liten stund. Är ett barn i akut fara, ring 112.",
  },
};

/**
 * A route's own page instead of the status's: its title and text, in `lang` (Swedish unless
 * the route read the person's choice), and where to go from it (the start page unless given).
 */
export type ErrorMessage = { title: string; text: string; lang?: "sv" | "en"; link?: { href: string; text: string } };

/** The page for a status; `message`: a route's own instead of the status's. */
export function errorPage(status: number, message?: ErrorMessage): string {
  const m: ErrorMessage = message ?? MESSAGES[status] ?? MESSAGES[status >= 500 ? 500 : 400]!;
  const link = m.link ?? { href: "/", text: "Till startsidan" };
  return `<!DOCTYPE html>
<html lang="${m.lang ?? "sv"}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${m.title} – Värna</title></head>
<body>
<main>
<h1>${m.title}</h1>
<p>${m.text}</p>
<p><a href="${ownPathAttribute(link.href)}">${link.text}</a></p>
</main>
<footer aria-label="${sv["footer.label"]}">
<p>${sv["app.name"]} · ${sv["app.unit"]} · <a href="/tillganglighet">${sv["footer.accessibility"]}</a></p>
</footer>
</body>
</html>
`;
}

/** Headers every such page carries: never cached, never sniffed. */
export const errorPageHeaders = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

/** Only the app's own paths are linked (anything else becomes "/"); `"` and `<` cannot end the attribute. */
function ownPathAttribute(href: string): string {
  return href.startsWith("/") && !href.startsWith("//") ? href.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;") : "/";
}

export function errorResponse(status: number, headers: Record<string, string> = {}, message?: ErrorMessage): Response {
  return new Response(errorPage(status, message), { status, headers: { ...errorPageHeaders, ...headers } });
}
