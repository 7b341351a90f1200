/**
 * Self check-in codes (issue 6): a 6-digit code per training session that changes every minute,
 * derived like a TOTP (RFC 6238 over RFC 4226's dynamic truncation) from an HMAC-SHA256 of
 * (session id, time window) keyed by a server secret. A code is accepted during its own window
 * and the next one, so a code read just before it rotates still works. Pure functions (no I/O).
 */
import crypto from "node:crypto";

export const WINDOW_SECONDS = 60;
export const CODE_DIGITS = 6;

/** The time window (minutes since the epoch) of `now`. */
export function windowAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / WINDOW_SECONDS);
}

/** The code of session `subjectId` in window `window`, e.g. "042917". */
export function checkInCode(key: Buffer | string, subjectId: number, window: number): string {
  const mac = crypto.createHmac("sha256", key).update(`training:${subjectId}:${window}`).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(bin % 10 ** CODE_DIGITS).padStart(CODE_DIGITS, "0");
}

/** Whether `code` is the session's code of window `window` or of the one before (constant time). */
export function verifyCheckInCode(key: Buffer | string, subjectId: number, code: string, window: number): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  let ok = false;
  for (const w of [window, window - 1]) {
    const expected = Buffer.from(checkInCode(key, subjectId, w));
    if (crypto.timingSafeEqual(expected, Buffer.from(code))) ok = true;
  }
  return ok;
}
