import { maskSecretLinks } from "../app/utils/secret-links";

/**
 * Masks the secret part of capability URLs before a path is logged: reset, claim and invite
 * links, survey links (/s/), and calendar feeds (/feeds/<token>.ics). Anyone reading the log
 * could otherwise use them.
 */
export function redactPath(p: string): string {
  return maskSecretLinks(p, ":token");
}
