/**
 * Capability URLs: links whose last path segment is the credential (password reset, account
 * claim, role invitation, survey, calendar feed). Whoever reads one can use it, so they are
 * masked wherever people other than the recipient could read them: the request log
 * (server/redact.ts) and the organizers' outbox page (issue 13, findings 4 and 5).
 */
const SECRET_SEGMENT = /\/(claim|reset|invite|i|feeds|feed|s)\/[^/\s?#"'<>]+/g;

/** `text` with the secret segment of every capability path replaced by `mask`. */
export function maskSecretLinks(text: string, mask = ":token"): string {
  return text.replace(SECRET_SEGMENT, (_m, kind: string) => `/${kind}/${mask}`);
}

/** The mask the outbox shows in place of a secret. */
export const OUTBOX_MASK = "••••••";
