import Personnummer from "personnummer";

export type PersonalNumberResult =
  | {
      ok: true;
      /** Always 12 digits: YYYYMMDDNNNC. */
      normalised: string;
      /** YYYY-MM-DD; for a samordningsnummer the real day (day − 60). */
      birthDate: string;
      /** A samordningsnummer (coordination number), day + 60. */
      coordination: boolean;
    }
  | { ok: false };

const SHAPE = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/;

// Made once: a new Intl.DateTimeFormat costs ~50 µs and native memory each time.
const stockholmDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date of `instant` in Swedish time, as [year, month, day]. */
export function stockholmDate(instant: Date): [number, number, number] {
  const parts = stockholmDay.formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return [part("year"), part("month"), part("day")];
}

/** `today` as YYYY-MM-DD in Swedish time. */
export function stockholmIsoDate(instant: Date): string {
  const [y, m, d] = stockholmDate(instant);
  return `${y}-${pad(m)}-${pad(d)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * Validates a personnummer or samordningsnummer (date and Luhn check digit) given as
 * 10 or 12 digits, with or without '-' / '+'. The `personnummer` package resolves the
 * century of a 10-digit number against the machine's clock, so we resolve it here against
 * `today` (in Swedish time) and hand it a 12-digit number.
 */
export function parsePersonalNumber(input: string, today: Date): PersonalNumberResult {
  const match = SHAPE.exec(input.replace(/\s+/g, ""));
  if (!match) return { ok: false };
  const [, century, yy, mm, dd, sep, tail] = match as unknown as [
    string,
    string | undefined,
    string,
    string,
    string,
    string,
    string
  ];

  const [ty, tm, td] = stockholmDate(today);
  const month = Number(mm);
  const rawDay = Number(dd);
  const day = rawDay > 60 ? rawDay - 60 : rawDay;

  let year: number;
  if (century !== undefined) {
    year = Number(century + yy);
  } else {
    // The latest year ending in `yy` that is not after today…
    year = ty - ((((ty - Number(yy)) % 100) + 100) % 100);
    // …and one century earlier if the birthday would still be ahead this year.
    if (year === ty && (month > tm || (month === tm && day > td))) year -= 100;
    // '+' marks someone who has turned 100.
    if (sep === "+") year -= 100;
  }

  const normalised = `${pad(year, 4)}${mm}${dd}${tail}`;
  let parsed: Personnummer;
  try {
    parsed = Personnummer.parse(normalised, {
      allowCoordinationNumber: true,
      allowInterimNumber: false,
    });
  } catch {
    return { ok: false };
  }

  const coordination = parsed.isCoordinationNumber();
  const birthDay = coordination ? rawDay - 60 : rawDay;
  const birthDate = `${pad(year, 4)}-${mm}-${pad(birthDay)}`;
  if (birthDate > `${pad(ty, 4)}-${pad(tm)}-${pad(td)}`) return { ok: false };

  return { ok: true, normalised, birthDate, coordination };
}
