/**
 * CSV cell rules for files opened in spreadsheets (docs/design.md "Text"): a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel, LibreOffice and Google
 * Sheets (CSV injection), so it gets an apostrophe in front. The rule is reversible: a cell that
 * already starts with apostrophes followed by such a character gets one more, so
 * `restoreCell(neutraliseCell(s)) === s` for every string. Pure functions, no I/O.
 */

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The cell as written to a CSV file: formula-looking text prefixed with an apostrophe. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Inverse of neutraliseCell (for tests and re-imports of our own exports). */
export function restoreCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** A header name as a key: "Given name (Latin)" → "given_name_latin". */
export function headerKey(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_+|_+$/g, "");
}

/** UTF-8 byte order mark: Excel reads a CSV file as UTF-8 only when it starts with one. */
export const BOM = "\uFEFF";
