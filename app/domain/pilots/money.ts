/**
 * Money of pilot budgets. Pure: no database, no data tables (safe in the browser).
 *
 * Storage: amounts are integers in the currency's minor units with Intl's (CLDR) digits for the
 * ISO 4217 code (`minorDigits`: LAK, MMK, VND, IDR, JPY, KRW 0; KHR, THB, CNY, ... 2), so
 * 1 THB = 100 and 1 KHR = 100 (sen).
 *
 * Display and entry: `displayDigits`, the digits a currency is written with in practice. Intl
 * follows CLDR, which already gives LAK and MMK no decimals (ISO 4217 lists 2 for both, but their
 * subunits, att and pya, are out of use), while KHR keeps ISO's 2 although the riel's subunit (sen)
 * has not circulated since the 1970s: the National Bank of Cambodia's exchange rates, prices and
 * banknotes (from 100 riel) are whole riel. So VLX writes and accepts KHR, LAK and MMK in whole
 * units (WHOLE_UNIT_CURRENCIES) and every other currency with Intl's digits. Stored riel stay in
 * sen (no data migration); a whole-riel entry is stored ×100.
 *
 * The currency of a member country is looked up on the server (./money.server.ts, from
 * countries-list); conversion to US dollars is for reports only and always carries its rate and
 * the rate's date.
 */

/** Currencies written without decimals in practice although Intl may give them some (see above). */
export const WHOLE_UNIT_CURRENCIES: readonly string[] = ["KHR", "LAK", "MMK"];

/** Minor digits of the stored amounts: Intl's (CLDR) for the ISO 4217 code (0 for LAK, 2 for THB and KHR). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Digits an amount is shown and typed with: 0 for KHR, LAK and MMK, else `minorDigits` (2 for THB). */
export function displayDigits(currency: string): number {
  return WHOLE_UNIT_CURRENCIES.includes(currency) ? 0 : minorDigits(currency);
}

/** The largest amount accepted in major units (a village project budget, with room to spare). */
export const MAX_MAJOR = 1e12;

/**
 * Reads an amount typed in major units ("1,250,000" or "1250.50") into minor units. Group
 * separators (commas, spaces, thin spaces) are allowed; the decimal mark is a point; at most
 * `displayDigits` decimals (whole riel, kip and kyat). Returns an error key:
 * `pilots.errors.amount` (not a number or negative), `pilots.errors.amountWhole` (a fraction of a
 * currency written whole: kip, riel, kyat, dong...), `pilots.errors.amountDigits` (more decimals
 * than the currency is written with; `digits` says how many), `pilots.errors.amountTooBig`.
 */
export function parseAmount(text: string, currency: string): { ok: true; minor: number } | { ok: false; error: string; digits: number } {
  const stored = minorDigits(currency);
  const digits = displayDigits(currency);
  const s = text.trim().replace(/[,\s\u00a0\u202f]/g, "");
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, error: "pilots.errors.amount", digits };
  const frac = (m[2] ?? "").replace(/0+$/, "");
  if (frac.length > digits) return { ok: false, error: digits === 0 ? "pilots.errors.amountWhole" : "pilots.errors.amountDigits", digits };
  if (Number(m[1]) > MAX_MAJOR) return { ok: false, error: "pilots.errors.amountTooBig", digits };
  const minor = Number(m[1]) * 10 ** stored + Number(frac.padEnd(stored, "0") || "0");
  return { ok: true, minor };
}

/** Minor units back to the major-unit text a form shows ("1250.5" for 125050 THB). */
export function minorToInput(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const s = String(minor).padStart(digits + 1, "0");
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`.replace(/\.?0+$/, "");
}

/**
 * Formats minor units in `lng` with the currency's symbol or code and `displayDigits` decimals
 * (riel, kip and kyat whole, rounded half away from zero as Intl does; baht with 2).
 */
export function formatMoney(minor: number, currency: string, lng: string): string {
  const digits = displayDigits(currency);
  return new Intl.NumberFormat(lng, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    minor / 10 ** minorDigits(currency),
  );
}

/** True for a positive decimal rate as text ("21450.5"). */
export function isRate(text: string): boolean {
  return /^\d{1,9}(\.\d{1,8})?$/.test(text.trim()) && Number(text) > 0;
}

/** Converts minor units of `currency` to US dollars at `rate` units of the currency per 1 USD. */
export function toUsd(minor: number, currency: string, rate: string): number {
  return minor / 10 ** minorDigits(currency) / Number(rate);
}
