/**
 * CSV as Swedish spreadsheet programs read it: semicolon-separated, CRLF line ends, quoted
 * when needed (RFC 4180), and no cell a spreadsheet would run as a formula.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(";")}\r\n`;
}

/** A byte-order mark, so spreadsheet programs read the file as UTF-8 (å, ä, ö). */
export const CSV_BOM = "\uFEFF";
