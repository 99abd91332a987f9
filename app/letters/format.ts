// Swedish dates and times, always in Sweden's time zone whatever the server's.
// Formatters are built once: Intl construction is the expensive part.

const TIME_ZONE = "Europe/Stockholm";

const longDate = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
});

const clock = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
});

const isoLocal = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

// Calendar dates ("YYYY-MM-DD") carry no time zone: format them in UTC so they
// never shift a day.
const calendarDate = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "UTC",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});

export function parseInstant(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Ogiltig tidpunkt: ${iso}`);
  return date;
}

/** "24 november 2026" */
export function swedishDate(iso: string): string {
  return longDate.format(parseInstant(iso));
}

/** "14:05" */
export function swedishTime(iso: string): string {
  return clock.format(parseInstant(iso));
}

/** "24 november 2026 kl. 14:05" */
export function swedishDateTime(iso: string): string {
  return `${swedishDate(iso)} kl. ${swedishTime(iso)}`;
}

/** "2026-11-24 14:05:33" – compact, sortable, for tables */
export function swedishTimestamp(iso: string): string {
  return isoLocal.format(parseInstant(iso));
}

/** "tisdag 1 december 2026" for a calendar date "2026-12-01" */
export function swedishCalendarDate(ymd: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) throw new RangeError(`Ogiltigt datum: ${ymd}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) throw new RangeError(`Ogiltigt datum: ${ymd}`);
  return calendarDate.format(date);
}

/** "kl. 10:00" for "10:00" */
export function swedishClock(hhmm: string): string {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm)) throw new RangeError(`Ogiltig tid: ${hhmm}`);
  return `kl. ${hhmm}`;
}
