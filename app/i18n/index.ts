import { useRouteLoaderData } from "@remix-run/react";

import { en } from "./en";
import { sv, type MessageKey } from "./sv";

export type { MessageKey };
export type Locale = "sv" | "en";
export const locales: readonly Locale[] = ["sv", "en"];

const catalogues: Record<Locale, Record<MessageKey, string>> = { sv, en };

export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(sv, value);
}

/** Looks up a message; `{name}` placeholders are filled from params. Unknown keys pass through. */
export function translate(
  locale: Locale,
  key: MessageKey | string,
  params?: Record<string, string | number>,
): string {
  const template = isMessageKey(key) ? catalogues[locale][key] : key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

export type Translate = (key: MessageKey | string, params?: Record<string, string | number>) => string;

/** The locale chosen in the root loader (cookie), Swedish by default. */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return data?.locale ?? "sv";
}

/**
 * The municipality's name as its units keep it (root loader: the signed-in person's unit,
 * else the unit that receives public reports); empty when the root loader did not answer.
 */
export function useMunicipality(): string {
  const data = useRouteLoaderData("root") as { municipality?: string } | undefined;
  return data?.municipality ?? "";
}

export function useT(): Translate {
  const locale = useLocale();
  return (key, params) => translate(locale, key, params);
}

const dateFormats: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

// One formatter per locale and style, made on first use: creating an Intl.DateTimeFormat
// costs ~50 µs and native memory that is slow to come back — per date on a page it was
// most of the inbox's server time and made the server's memory climb.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, style: "date" | "dateTime"): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(dateFormats[locale], {
      timeZone: "Europe/Stockholm",
      dateStyle: "medium",
      ...(style === "dateTime" ? { timeStyle: "short" } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** Dates and times are always shown in Swedish time. */
export function formatDateTime(locale: Locale, value: Date | string): string {
  return formatter(locale, "dateTime").format(new Date(value));
}

export function formatDate(locale: Locale, value: Date | string): string {
  const d = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return formatter(locale, "date").format(d);
}
