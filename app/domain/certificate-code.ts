/**
 * Verification codes and numbers of certificates (issue 15, item 4).
 *
 * A code is 15 symbols of Crockford's base 32 (0-9 and A-Z without I, L, O, U: 75 bits of
 * entropy, so guessing a valid code is hopeless), printed in groups of five: "7K2QD-9XMEA-4RT0B".
 * Reading is forgiving as Crockford's spec asks: case, spaces and hyphens are ignored, O reads as
 * 0 and I/L as 1. Pure: the caller passes the random bytes (node:crypto in the model).
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 15;

/** A code from `bytes` (at least CODE_LENGTH bytes; each contributes its low 5 bits). */
export function certificateCode(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new Error(`certificateCode needs ${CODE_LENGTH} random bytes`);
  let s = "";
  for (let i = 0; i < CODE_LENGTH; i++) s += ALPHABET[bytes[i] & 31];
  return formatCode(s);
}

/** "7K2QD9XMEA4RT0B" → "7K2QD-9XMEA-4RT0B". */
function formatCode(s: string): string {
  return s.match(/.{1,5}/g)!.join("-");
}

/**
 * The stored form of a typed or scanned code, or null when it cannot be one (wrong length or a
 * symbol outside the alphabet). "7k2qd 9xmea 4rtob" → "7K2QD-9XMEA-4RT0B".
 */
export function normalizeCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (s.length !== CODE_LENGTH || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return formatCode(s);
}

/**
 * The printed number of an issued document: "VLX", the edition's ordinal, then the kind's letter
 * ("" for certificates, "V" for visa letters) and the running number within the edition, at least
 * four digits: "VLX-10-0007", "VLX-10-V0007".
 */
export function documentNumber(editionOrdinal: number, seq: number, kind: "" | "V" = ""): string {
  return `VLX-${editionOrdinal}-${kind}${String(seq).padStart(4, "0")}`;
}

/** A certificate's printed number: the edition's ordinal and a running number, "VLX-10-0007". */
export function certificateNumber(editionOrdinal: number, seq: number): string {
  return documentNumber(editionOrdinal, seq);
}
