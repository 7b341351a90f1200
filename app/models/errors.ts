/**
 * Errors the use cases throw; routes turn them into responses (app/utils/http.server.ts).
 * Messages are translation keys (app/locales), never English text, so the UI can speak the
 * user's language.
 */

/** The record is missing or outside the caller's scope: answered 404 so existence does not leak. */
export class NotFoundError extends Error {
  constructor(what = "record") {
    super(`not found: ${what}`);
    this.name = "NotFoundError";
  }
}

/** Bad input: field name → translation keys; answered 400 with every typed value kept. */
export class FieldErrors extends Error {
  constructor(public readonly fields: Record<string, string[]>) {
    super(`invalid fields: ${Object.keys(fields).join(", ")}`);
    this.name = "FieldErrors";
  }
  static one(field: string, key: string) {
    return new FieldErrors({ [field]: [key] });
  }
}

/**
 * A domain rule refused the action (a transition that does not exist, a quota reached, a window
 * closed). `key` is a translation key, `params` its interpolation values. Answered 409.
 */
export class RuleError extends Error {
  constructor(
    public readonly key: string,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(`rule: ${key}`);
    this.name = "RuleError";
  }
}

/**
 * Too many attempts; answered 429 with Retry-After = `retryAfterSeconds`. `key`/`params` are the
 * message shown on the form (default: the login lockout message).
 */
export class RateLimitError extends Error {
  constructor(
    public readonly retryAfterSeconds: number,
    public readonly key = "errors.rateLimited",
    public readonly params: Record<string, string | number> = {},
  ) {
    super("rate limited");
    this.name = "RateLimitError";
  }
}

/** Encodes a translation key with its params as one message string ("key|{json}"), for field and form errors. */
export function messageKey(key: string, params?: Record<string, string | number>) {
  return params && Object.keys(params).length ? `${key}|${JSON.stringify(params)}` : key;
}
