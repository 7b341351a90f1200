/**
 * Visa invitation letters (issue 15, item 3): which language a letter is written in besides
 * English, its printed number, and the loose check of a passport number. Pure.
 */
import { documentNumber } from "./certificate-code";

/**
 * The interface locale of each host country's official language, the letter's second language
 * (the first is always English). Sources: each country's constitution or language law.
 * - BN, MY: Malay (ms). PH: Filipino (fil; English is also official there, but the letter is in
 *   English already, so the second language is the national one).
 * - SG: Malay (ms). Singapore has four official languages (English, Malay, Mandarin, Tamil);
 *   its constitution (art. 153A) makes Malay the national language, and the programme reads
 *   Singapore as English or Malay (docs/design.md "Languages"); immigration works in English,
 *   which the letter carries anyway. Mandarin would be a guess at a reader, not the state's language.
 * - CN: zh; JP: ja; KR: ko; KH: km; LA: lo; MM: my; TH: th; VN: vi; ID: id.
 */
export const LETTER_LANGUAGE: Record<string, string> = {
  BN: "ms",
  KH: "km",
  ID: "id",
  LA: "lo",
  MY: "ms",
  MM: "my",
  PH: "fil",
  SG: "ms",
  TH: "th",
  VN: "vi",
  CN: "zh",
  JP: "ja",
  KR: "ko",
};

/** The second language of a letter for `hostCountry`; "en" alone (null) for a country outside the 13. */
export function letterLanguage(hostCountry: string): string | null {
  return LETTER_LANGUAGE[hostCountry] ?? null;
}

/** The printed number: the edition's ordinal, V for visa, a running number: "VLX-10-V0007". */
export function visaLetterNumber(editionOrdinal: number, seq: number): string {
  return documentNumber(editionOrdinal, seq, "V");
}

/**
 * The stored form of a typed passport number, or null when it cannot be one. Formats differ by
 * country (ICAO 9303 allows up to 9 characters in the machine-readable zone, some countries print
 * longer ones), so the check is loose: 6 to 12 Latin letters and digits once spaces and hyphens
 * are dropped, stored upper-case. "k 1234-567" → "K1234567".
 */
export function normalizePassportNumber(input: string): string | null {
  const s = input.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase();
  return /^[A-Z0-9]{6,12}$/.test(s) ? s : null;
}
