/**
 * Masks the secret part of capability URLs before a path is logged: reset, claim and invite
 * links, survey links (/s/), and calendar feeds (/feeds/<token>.ics). Anyone reading the log
 * could otherwise use them.
 */
export function redactPath(p: string): string {
  return p.replace(/\/(claim|reset|invite|i|feeds|feed|s)\/[^/]+/g, "/$1/:token");
}
