/**
 * Personal check-in tokens (issue 14 item 5): what a participant's QR code carries, and the short
 * code typed in where there is no camera. Pure functions (no I/O); the key is derived from the
 * server secret by the caller (models/tracking/checkin-tokens.server.ts).
 *
 * Token shape: `VLX1.<applicationId>.<serial>.<mac>`, where `mac` is the first 16 bytes of
 * HMAC-SHA256(key, "checkin:<applicationId>:<serial>") in base64url (22 characters). The serial is
 * the participant's token version in the database: revoking bumps it, so an older token verifies
 * but no longer matches (the caller refuses it). Short code: 8 characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L, U), shown as "ABCD-EFGH"; typed in any case, with or without spaces
 * or the dash.
 */
import crypto from "node:crypto";

const PREFIX = "VLX1";
/** Crockford-like alphabet without 0 O 1 I L U: nothing a person reads wrongly off a badge. */
export const SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const SHORT_CODE_LENGTH = 8;

function mac(key: Buffer | string, applicationId: number, serial: number): string {
  return crypto.createHmac("sha256", key).update(`checkin:${applicationId}:${serial}`).digest().subarray(0, 16).toString("base64url");
}

/** The signed token of application `applicationId` at version `serial` (both positive integers). */
export function signCheckInToken(key: Buffer | string, applicationId: number, serial: number): string {
  return `${PREFIX}.${applicationId}.${serial}.${mac(key, applicationId, serial)}`;
}

/** Whether `input` looks like a signed token (rather than a short code). */
export function looksLikeToken(input: string): boolean {
  return input.trim().toUpperCase().startsWith(`${PREFIX}.`);
}

/**
 * Verifies a token: `{ applicationId, serial }` when its signature is good, `null` when it is
 * malformed or forged (constant-time comparison). Whether the serial is still current is the
 * caller's check (revocation lives in the database).
 */
export function verifyCheckInToken(key: Buffer | string, input: string): { applicationId: number; serial: number } | null {
  const m = /^VLX1\.([1-9]\d{0,9})\.([1-9]\d{0,9})\.([A-Za-z0-9_-]{22})$/.exec(input.trim());
  if (!m) return null;
  const applicationId = Number(m[1]);
  const serial = Number(m[2]);
  const expected = Buffer.from(mac(key, applicationId, serial));
  const given = Buffer.from(m[3]);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? { applicationId, serial } : null;
}

/** A new random short code (8 characters of SHORT_CODE_ALPHABET, no dash), from `random` bytes. */
export function newShortCode(random: (n: number) => Buffer = crypto.randomBytes): string {
  const bytes = random(SHORT_CODE_LENGTH * 2);
  let out = "";
  // 30 symbols: reject bytes ≥ 240 so each symbol is equally likely.
  for (const b of bytes) {
    if (b < 240) out += SHORT_CODE_ALPHABET[b % SHORT_CODE_ALPHABET.length];
    if (out.length === SHORT_CODE_LENGTH) return out;
  }
  return out + newShortCode(random).slice(out.length);
}

/** The code as typed, normalised (upper case, spaces and dashes dropped), or null when it cannot be a short code. */
export function normalizeShortCode(input: string): string | null {
  const clean = input.toUpperCase().replace(/[\s-]/g, "");
  return clean.length === SHORT_CODE_LENGTH && [...clean].every((c) => SHORT_CODE_ALPHABET.includes(c)) ? clean : null;
}

/** The code as shown on a badge: "ABCD-EFGH". */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
