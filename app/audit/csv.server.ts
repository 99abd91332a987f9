import { stringify } from "csv-stringify/sync";

/**
 * CSV as Swedish spreadsheet programs read it: semicolon-separated, UTF-8 with a byte-order
 * mark (only at the start of a file), CRLF line ends. A cell starting with = + - @ or a tab
 * is prefixed with an apostrophe so a spreadsheet shows it as text instead of running it as
 * a formula (the texts come from the public form).
 */
export function csvLines(rows: unknown[][], { bom = false }: { bom?: boolean } = {}): string {
  return stringify(rows, {
    delimiter: ";",
    record_delimiter: "windows",
    bom,
    cast: {
      string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value),
      boolean: (value) => (value ? "ja" : "nej"),
      date: (value) => value.toISOString(),
    },
  });
}
