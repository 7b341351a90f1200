/**
 * Money of pilot budgets: amounts are integers in the currency's minor units; the number of minor
 * digits is Intl's (CLDR) for the ISO 4217 code, the same digits the pages format with (LAK, MMK,
 * VND, IDR, JPY, KRW: 0; KHR, THB, CNY, ...: 2). The currency of a member country comes from
 * countries-list. Conversion to US dollars is for reports only and always carries its rate and
 * the rate's date. Pure: no database.
 */
import { countries as countryInfo } from "countries-list";

/** ISO 4217 code of the member country's currency (e.g. LA → LAK). */
export function currencyOf(countryCode: string): string {
  const info = (countryInfo as Record<string, { currency: string[] }>)[countryCode];
  if (!info?.currency?.length) throw new Error(`no currency for ${countryCode}`);
  return info.currency[0];
}

/** Minor digits of a currency as Intl formats it (0 for LAK, 2 for THB). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The largest amount accepted in major units (a village project budget, with room to spare). */
export const MAX_MAJOR = 1e12;

/**
 * Reads an amount typed in major units ("1,250,000" or "1250.50") into minor units. Group
 * separators (commas, spaces, thin spaces) are allowed; the decimal mark is a point. Returns an
 * error key: `pilots.errors.amount` (not a number or negative), `pilots.errors.amountDigits`
 * (more decimals than the currency has), `pilots.errors.amountTooBig`.
 */
export function parseAmount(text: string, currency: string): { ok: true; minor: number } | { ok: false; error: string; digits: number } {
  const digits = minorDigits(currency);
  const s = text.trim().replace(/[,\s\u00a0\u202f]/g, "");
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, error: "pilots.errors.amount", digits };
  const frac = (m[2] ?? "").replace(/0+$/, "");
  if (frac.length > digits) return { ok: false, error: "pilots.errors.amountDigits", digits };
  if (Number(m[1]) > MAX_MAJOR) return { ok: false, error: "pilots.errors.amountTooBig", digits };
  const minor = Number(m[1]) * 10 ** digits + Number(frac.padEnd(digits, "0") || "0");
  return { ok: true, minor };
}

/** Minor units back to the major-unit text a form shows ("1250.5" for 125050 THB). */
export function minorToInput(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const s = String(minor).padStart(digits + 1, "0");
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`.replace(/\.?0+$/, "");
}

/** Formats minor units in `lng` with the currency's symbol or code. */
export function formatMoney(minor: number, currency: string, lng: string): string {
  return new Intl.NumberFormat(lng, { style: "currency", currency }).format(minor / 10 ** minorDigits(currency));
}

/** True for a positive decimal rate as text ("21450.5"). */
export function isRate(text: string): boolean {
  return /^\d{1,9}(\.\d{1,8})?$/.test(text.trim()) && Number(text) > 0;
}

/** Converts minor units of `currency` to US dollars at `rate` units of the currency per 1 USD. */
export function toUsd(minor: number, currency: string, rate: string): number {
  return minor / 10 ** minorDigits(currency) / Number(rate);
}
