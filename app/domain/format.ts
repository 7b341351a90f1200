/**
 * Numbers, percentages and lists for display, always through Intl in the page's language (never a
 * hand-built "82 %": the sign, its spacing and the digits differ by language, e.g. "82 %" in
 * Vietnamese, "82%" in English, "၈၂%" in Burmese). Pure; server and browser.
 */
import { listFormat } from "./intl";

const cache = new Map<string, Intl.NumberFormat>();
function nf(lng: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lng}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(lng, opts)));
  return f;
}

/** A number with at most `digits` fraction digits; "–" for null. */
export function formatNumber(x: number | null | undefined, lng: string, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return nf(lng, { maximumFractionDigits: digits }).format(x);
}

/** A percentage given on the 0–100 scale (82 → "82%" / "82 %"); "–" for null. */
export function formatPercent(x: number | null | undefined, lng: string, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return nf(lng, { style: "percent", maximumFractionDigits: digits }).format(x / 100);
}

/** A range of percentages on the 0–100 scale (20, 39 → "20–39%"). */
export function formatPercentRange(from: number, to: number, lng: string): string {
  return nf(lng, { style: "percent", maximumFractionDigits: 0 }).formatRange(from / 100, to / 100);
}

/** A signed change (+3.5 / −2), for before/after tables; "–" for null. */
export function formatChange(x: number | null | undefined, lng: string, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return nf(lng, { maximumFractionDigits: digits, signDisplay: "exceptZero" }).format(x);
}

/** A list joined the language's way ("a, b and c", "a、b和c"). */
export function formatList(items: string[], lng: string, type: "conjunction" | "disjunction" | "unit" = "conjunction"): string {
  return listFormat(lng, { style: "long", type }).format(items);
}

/** A file size in bytes as the language writes it: kilobytes below 1 MB ("84 kB"), else megabytes with one decimal ("2.4 MB"). */
export function formatFileSize(bytes: number, lng: string): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) return nf(lng, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(bytes / MB);
  return nf(lng, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)));
}
