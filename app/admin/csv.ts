/**
 * CSV for the merchant's records (RFC 4180), safe to open in a spreadsheet:
 * - a cell holding a comma, a double quote, CR or LF is quoted, its quotes doubled;
 * - a text cell a spreadsheet would read as a formula (starting with =, +, -, @, a tab or CR, or their
 *   full-width forms, even after leading spaces) gets a leading apostrophe, so it shows as text and runs nothing;
 * - records end with CRLF; a file starts with the UTF-8 byte order mark, so Excel reads it as UTF-8.
 */

export const CSV_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

const FORMULA_START = /^[\s\u00a0]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: numbers as they are, text neutralised and quoted when needed; null and undefined are empty. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A download's name with only safe characters: `withdrawals-2026-11-01-2026-11-30.csv`. */
export function csvFilename(base: string, ...parts: string[]): string {
  return `${[base, ...parts].join("-").replace(/[^A-Za-z0-9._-]/g, "_")}.csv`;
}
