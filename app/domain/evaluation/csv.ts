/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (Excel), and cells that a spreadsheet would
 * run as a formula (starting with = + - @ or a tab) neutralised with a leading apostrophe.
 */
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t]/;

/** A cell made safe for spreadsheets; numbers are written as they are. */
export function safeCell(v: string | number | boolean | null | undefined): string | number {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  const s = typeof v === "boolean" ? (v ? "true" : "false") : v;
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** The whole file: BOM, header row, rows, CRLF line ends. */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return "\uFEFF" + stringify([header.map(safeCell), ...rows.map((r) => r.map(safeCell))], { record_delimiter: "\r\n" });
}
