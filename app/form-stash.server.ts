/**
 * Answers posted after the login session expired are not dropped (issue 12 item 2): the form is
 * kept in form_stashes for at most STASH_MINUTES, the person is sent to log in with a redirectTo
 * that carries the stash's random id (`?restore=<id>`), and the page they come back to takes the
 * answers back (once: the row is deleted when taken, and expired rows are deleted whenever a new
 * one is written). The id is also set in an httpOnly cookie of the same browser, and the stash
 * names the expired session's user when the database still knows it: only that browser, and that
 * person, can take it back. Passwords, CSRF fields and files are never kept.
 */
import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { and, eq, lt } from "drizzle-orm";
import { db, t } from "./db.server";
import { getEnv } from "./env.server";

export const STASH_MINUTES = 30;
const SKIP = /pass(word)?|csrf|token|^intent$/i;

function stashCookie() {
  const env = getEnv();
  return createCookie("vlx_restore", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    maxAge: STASH_MINUTES * 60,
    secrets: [env.sessionSecret],
  });
}

/**
 * When `request` is a form POST without a valid login: keeps its text fields and returns the
 * redirect to the login page (with the stash id in redirectTo, and the browser cookie), else
 * null. `ownerUserId`: the user of the expired session, when known.
 */
export async function stashAndLogin(request: Request, ownerUserId: number | null, now = new Date()): Promise<Response | null> {
  if (request.method !== "POST") return null;
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded") && !type.includes("multipart/form-data")) return null;
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return null;
  }
  const pairs: [string, string][] = [];
  for (const [k, v] of form) if (typeof v === "string" && !SKIP.test(k)) pairs.push([k, v]);
  if (!pairs.length) return null;
  const url = new URL(request.url);
  const id = crypto.randomBytes(18).toString("base64url");
  const d = db();
  d.delete(t.formStashes).where(lt(t.formStashes.expiresAt, now.toISOString())).run();
  d.insert(t.formStashes)
    .values({
      id,
      path: url.pathname,
      ownerUserId,
      data: JSON.stringify(pairs),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + STASH_MINUTES * 60_000).toISOString(),
    })
    .run();
  const back = new URLSearchParams(url.search);
  back.set("restore", id);
  return redirect(`/login?redirectTo=${encodeURIComponent(`${url.pathname}?${back}`)}&expired=1`, {
    headers: { "Set-Cookie": await stashCookie().serialize(id) },
  });
}

/**
 * The answers kept for this page and person (`?restore=<id>` in the URL, the same id in the
 * browser's cookie, the same path, not expired, and the owner when one is named), deleted as they
 * are taken; with the Set-Cookie header that clears the browser's cookie. Null otherwise.
 */
export async function takeStash(request: Request, userId: number, now = new Date()): Promise<{ form: FormData; clearCookie: string } | null> {
  const url = new URL(request.url);
  const id = url.searchParams.get("restore");
  if (!id) return null;
  const cookieId = await stashCookie().parse(request.headers.get("Cookie"));
  if (cookieId !== id) return null;
  const d = db();
  const row = d
    .select()
    .from(t.formStashes)
    .where(and(eq(t.formStashes.id, id), eq(t.formStashes.path, url.pathname)))
    .get();
  if (!row) return null;
  if (row.expiresAt < now.toISOString() || (row.ownerUserId !== null && row.ownerUserId !== userId)) {
    if (row.expiresAt < now.toISOString()) d.delete(t.formStashes).where(eq(t.formStashes.id, id)).run();
    return null;
  }
  d.delete(t.formStashes).where(eq(t.formStashes.id, id)).run();
  const form = new FormData();
  for (const [k, v] of JSON.parse(row.data) as [string, string][]) form.append(k, v);
  return { form, clearCookie: await stashCookie().serialize("", { maxAge: 0 }) };
}
