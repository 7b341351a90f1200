/**
 * The thin glue every route uses: parse a form with its zod schema (conform), call a use case,
 * and turn the use case's errors into the right answer: FieldErrors → 400 with errors next to
 * the fields and every typed value kept; RuleError → 409 with a form-level message;
 * RateLimitError → 429; NotFoundError → 404 (thrown, so the error page shows); anything
 * unparseable → 400. Nothing is written when an error is returned.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type TypedResponse } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import type { z } from "zod";
import { normalizeForm } from "./text-input.server";
import { FieldErrors, messageKey, NotFoundError, RateLimitError, RuleError } from "~/models/errors";

/** conform's parser for actions that parse by hand; from here a route's import stays on the server. */
export { parseWithZod };

export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/** A route param that must be a positive integer id; anything else is NotFoundError(`what`) (404 through `guard`). */
export function idParam(raw: string | undefined, what: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new NotFoundError(what);
  return id;
}

export function badRequest(message = "Bad request"): never {
  throw new Response(message, { status: 400 });
}

/**
 * Reads the body as form data; a body that is not a form answers 400. Every text value comes back
 * in Unicode NFC, Zawgyi-encoded Burmese converted to Unicode (utils/text-input.server.ts), so
 * names and free text are stored one way whatever keyboard typed them.
 */
export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    badRequest("Expected a form submission");
  }
  return normalizeForm(form);
}

export { messageKey } from "~/models/errors";

export type FormReply = SubmissionResult<string[]>;

/**
 * Validates `formData` with `schema` and runs `handle` on the parsed value. Returns the conform
 * reply (with status 400/409/429) on failure; returns whatever `handle` returns on success
 * (usually a redirect). Re-throws NotFoundError as a 404 response.
 */
export async function handleForm<S extends z.ZodTypeAny, R>(
  formData: FormData,
  schema: S,
  handle: (value: z.output<S>) => Promise<R> | R,
): Promise<R | TypedResponse<FormReply>> {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return json(submission.reply(), { status: 400 });
  }
  try {
    return await handle(submission.value);
  } catch (e) {
    if (e instanceof FieldErrors) {
      const formErrors = e.fields[""] ?? [];
      const fieldErrors = Object.fromEntries(Object.entries(e.fields).filter(([k]) => k !== ""));
      return json(submission.reply({ formErrors, fieldErrors }), { status: 400 });
    }
    if (e instanceof RuleError) {
      return json(submission.reply({ formErrors: [messageKey(e.key, e.params)] }), { status: 409 });
    }
    if (e instanceof RateLimitError) {
      return json(submission.reply({ formErrors: [messageKey(e.key, e.params)] }), {
        status: 429,
        headers: { "Retry-After": String(e.retryAfterSeconds) },
      });
    }
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

/** Runs a loader/action body, turning NotFoundError into 404 and RuleError into 409. */
export async function guard<R>(fn: () => Promise<R> | R): Promise<R> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof RuleError) throw json({ error: messageKey(e.key, e.params) }, { status: 409 });
    throw e;
  }
}

/** The client address for rate limiting: Express's req.ip passed through the load context (server.ts). */
export function clientAddress(context: unknown): string {
  return (context as { clientIp?: string } | undefined)?.clientIp || "local";
}

const REDIRECT_BASE = "http://vlx.invalid";

/**
 * A same-origin path to return to (after login, after a language switch), or `fallback` for
 * anything else (issue 13, open redirect). Refused: non-strings, empty or over 2,000 characters,
 * anything with a control character (tab, newline: browsers strip them, so `/\t/evil.example` is
 * `//evil.example`, and a newline in a Location header is a 500) or a backslash (browsers read it
 * as `/`), anything not starting with exactly one `/`, and anything that after WHATWG URL parsing
 * against a placeholder origin lands on another origin. Returns the parsed path + query + hash,
 * which URL serialisation percent-encodes to plain ASCII (safe in a header).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2000) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}
