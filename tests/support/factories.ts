/**
 * Integration-test helpers: real records in the test's SQLite file (tests/support/setup-db.ts),
 * a real login session cookie, and direct calls of route loaders and actions.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { db, t } from "~/db.server";
import { hashPassword, loadActor } from "~/models/accounts/accounts.server";
import type { Actor } from "~/models/actor";
import { userNameColumns } from "~/domain/names";
import { localToUtc } from "~/domain/training";
import { sessionStorage } from "~/session.server";
import type { Role } from "../../db/schema/accounts";

let counter = 0;
let cachedHash: string | undefined;
export const TEST_PASSWORD = "correct horse battery";

/** Creates a user (password TEST_PASSWORD) with the given roles; returns its Actor. */
export async function createUser(
  opts: { email?: string; name?: string; roles?: { role: Role; countryCode?: string }[]; locale?: string } = {},
): Promise<Actor> {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  counter += 1;
  const email = (opts.email ?? `user${counter}-${Date.now()}@example.org`).toLowerCase();
  const id = db()
    .insert(t.users)
    .values({ email, passwordHash: cachedHash, ...userNameColumns(opts.name ?? `User ${counter}`), locale: opts.locale ?? "en" })
    .returning({ id: t.users.id })
    .get().id;
  for (const r of opts.roles ?? []) {
    db()
      .insert(t.roleGrants)
      .values({ userId: id, role: r.role, countryCode: r.countryCode ?? null })
      .run();
  }
  return loadActor(id)!;
}

type TrainingValues = typeof t.trainingSessions.$inferInsert;

/**
 * Inserts a training session of edition `editionId` and returns its row. `over` sets any column;
 * the defaults make a held workshop for the whole edition on 2031-07-06 from 02:00 to 04:00 UTC
 * (09:00-11:00 in Asia/Bangkok). Units as stored: `startsAt` and `endsAt` are UTC instants
 * ("...Z" ISO strings), `timeZone` is the IANA zone of the venue's wall clock; to give the times
 * as local wall times, spread localSlot(...) into `over`.
 */
export function makeTraining(editionId: number, over: Partial<TrainingValues> = {}) {
  counter += 1;
  return db()
    .insert(t.trainingSessions)
    .values({
      editionId,
      title: `Session ${counter}`,
      type: "workshop",
      startsAt: "2031-07-06T02:00:00.000Z",
      endsAt: "2031-07-06T04:00:00.000Z",
      timeZone: "Asia/Bangkok",
      audience: "edition",
      status: "held",
      ...over,
    })
    .returning()
    .get();
}

/**
 * The time columns of a session starting on local `date` ("YYYY-MM-DD") at local `time` ("HH:mm")
 * in `zone` (IANA) and lasting `minutes` minutes: startsAt and endsAt as UTC instants, converted
 * as the training form does (localToUtc), and the zone itself.
 */
export function localSlot(date: string, time: string, minutes: number, zone: string): Pick<TrainingValues, "startsAt" | "endsAt" | "timeZone"> {
  const startsAt = localToUtc(date, time, zone);
  return { startsAt, endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(), timeZone: zone };
}

/** A Cookie header for a fresh login session of `userId`. */
export async function cookieFor(userId: number): Promise<string> {
  const s = await sessionStorage().getSession();
  s.set("userId", userId);
  const setCookie = await sessionStorage().commitSession(s);
  return setCookie.split(";")[0];
}

type Args = { params?: Record<string, string>; cookie?: string; form?: Record<string, string | string[]>; context?: Record<string, unknown> };

/** Builds the arguments Remix passes to a loader or action. */
export function requestArgs(url: string, { params = {}, cookie, form, context = {} }: Args = {}) {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  let body: URLSearchParams | undefined;
  if (form) {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  const request = new Request(new URL(url, "http://localhost"), { method: form ? "POST" : "GET", headers, body });
  return { request, params, context: { clientIp: "127.0.0.1", ...context } };
}

/** Calls a loader or action and returns the Response, whether it was returned or thrown. */
export async function call(fn: (args: LoaderFunctionArgs) => unknown, url: string, args: Args = {}): Promise<Response> {
  try {
    const r = await fn(requestArgs(url, args));
    if (r instanceof Response) return r;
    return new Response(JSON.stringify(r ?? null), { status: 200, headers: { "Content-Type": "application/json" } });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}
