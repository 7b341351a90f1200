/**
 * Login sessions: a signed cookie (httpOnly, SameSite=Lax, Secure under https) that holds only a
 * random id; the data lives in the login_sessions table so sessions can be revoked (log out
 * everywhere, password reset). Sessions last 30 days.
 */
import crypto from "node:crypto";
import { createCookie, createSessionStorage, redirect } from "@remix-run/node";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db, preparedQuery, t } from "./db.server";
import { getEnv } from "./env.server";
import { stashAndLogin } from "./form-stash.server";
import type { Actor } from "./models/actor";
import { loadActor } from "./models/accounts/accounts.server";
import { memoForRequest } from "./utils/request-memo.server";

const MAX_AGE_S = 30 * 24 * 3600;

let storage: ReturnType<typeof makeStorage> | undefined;

// Statements compiled once per connection (issue 13, item 2): every page reads its session.
const liveSession = preparedQuery((d) =>
  d
    .select({ data: t.loginSessions.data })
    .from(t.loginSessions)
    .where(and(eq(t.loginSessions.id, sql.placeholder("id")), isNull(t.loginSessions.revokedAt), gt(t.loginSessions.expiresAt, sql.placeholder("now"))))
    .prepare(),
);
const savedLocale = preparedQuery((d) =>
  d
    .select({ locale: t.users.locale })
    .from(t.users)
    .where(eq(t.users.id, sql.placeholder("id")))
    .prepare(),
);

function makeStorage() {
  const env = getEnv();
  const cookie = createCookie("vlx_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    maxAge: MAX_AGE_S,
    secrets: [env.sessionSecret],
  });
  return createSessionStorage({
    cookie,
    async createData(data, expires) {
      const id = crypto.randomBytes(24).toString("base64url");
      db()
        .insert(t.loginSessions)
        .values({
          id,
          userId: (data.userId as number | undefined) ?? null,
          data: JSON.stringify(data),
          expiresAt: (expires ?? new Date(Date.now() + MAX_AGE_S * 1000)).toISOString(),
        })
        .run();
      return id;
    },
    async readData(id) {
      const row = liveSession().get({ id, now: new Date().toISOString() });
      return row ? JSON.parse(row.data) : null;
    },
    async updateData(id, data, expires) {
      db()
        .update(t.loginSessions)
        .set({
          data: JSON.stringify(data),
          userId: (data.userId as number | undefined) ?? null,
          ...(expires ? { expiresAt: expires.toISOString() } : {}),
        })
        .where(eq(t.loginSessions.id, id))
        .run();
    },
    async deleteData(id) {
      db().delete(t.loginSessions).where(eq(t.loginSessions.id, id)).run();
    },
  });
}

export function sessionStorage() {
  return (storage ??= makeStorage());
}

export async function getSession(request: Request) {
  return sessionStorage().getSession(request.headers.get("Cookie"));
}

/**
 * The user id of the request's live session, or null. Verified (signature, not revoked, not
 * expired) once per GET request (utils/request-memo.server.ts), however many loaders ask.
 */
function sessionUserId(request: Request): Promise<number | null> {
  const cookie = request.headers.get("Cookie");
  if (!cookie?.includes("vlx_session=")) return Promise.resolve(null);
  return memoForRequest(`session-user:${cookie}`, async () => {
    const userId: unknown = (await sessionStorage().getSession(cookie)).get("userId");
    return typeof userId === "number" ? userId : null;
  });
}

/** The signed-in actor, or null. Loaded once per GET request. */
export async function getActor(request: Request): Promise<Actor | null> {
  const userId = await sessionUserId(request);
  if (userId === null) return null;
  return memoForRequest(`actor:${userId}`, () => loadActor(userId));
}

/**
 * The signed-in person's saved interface language (users.locale), or null when nobody is signed
 * in. One indexed lookup; used by every page to choose its language.
 */
export async function getSavedLocale(request: Request): Promise<string | null> {
  const userId = await sessionUserId(request);
  if (userId === null) return null;
  return memoForRequest(`saved-locale:${userId}`, () => savedLocale().get({ id: userId })?.locale ?? null);
}

/** The signed-in actor; otherwise redirects to /login and back here afterwards. */
export async function requireActor(request: Request): Promise<Actor> {
  const actor = await getActor(request);
  if (!actor) {
    // A form posted after the login expired is kept, so the answers come back after logging in
    // again (issue 12 item 2); the expired session, if the database still has it, names its owner.
    const session = await getSession(request);
    const owner = session.id
      ? (db().select({ userId: t.loginSessions.userId }).from(t.loginSessions).where(eq(t.loginSessions.id, session.id)).get()?.userId ?? null)
      : null;
    const stashed = await stashAndLogin(request, owner);
    if (stashed) throw stashed;
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return actor;
}

/**
 * Starts a fresh session for `userId` (a new id, so a pre-login id cannot be fixed on the
 * victim) and returns the Set-Cookie header.
 */
export async function createUserSession(request: Request, userId: number): Promise<string> {
  const old = await getSession(request);
  const lng = old.get("lng");
  if (old.id) await sessionStorage().destroySession(old);
  const session = await sessionStorage().getSession();
  session.set("userId", userId);
  if (lng) session.set("lng", lng);
  return sessionStorage().commitSession(session);
}

export async function destroyUserSession(request: Request): Promise<string> {
  return sessionStorage().destroySession(await getSession(request));
}

/** Revokes every session of a user (after a password reset). */
export function revokeAllSessions(userId: number) {
  db()
    .update(t.loginSessions)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(t.loginSessions.userId, userId), isNull(t.loginSessions.revokedAt)))
    .run();
}
