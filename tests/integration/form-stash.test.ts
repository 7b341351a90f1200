/**
 * Issue 12 item 2 (second half): a POST that arrives after the login session expired does not
 * drop the answers: the person is sent to log in, and the page they return to has the answers
 * back (saved as the draft). Only the same browser and person get them, once.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { addDays, todayIn } from "~/domain/dates";
import * as applyRoute from "~/routes/apply.$editionId";
import { call, cookieFor, createUser } from "../support/factories";

const today = todayIn("Asia/Bangkok");
let editionId: number;
let userId: number;
let otherId: number;

const typed = {
  intent: "submit",
  givenName: "Somchai",
  familyName: "Jaidee",
  nationality: "TH",
  village: "Ban Nong Bua",
  motivation: "อยากเรียนรู้เรื่องการท่องเที่ยวชุมชน (typed before the session ran out)",
};

beforeAll(async () => {
  editionId = db()
    .insert(t.editions)
    .values({
      name: "Stash edition",
      ordinal: 12,
      mode: "in_person",
      hostCountries: ["TH"],
      startsOn: addDays(today, 60),
      endsOn: addDays(today, 67),
      applicationsOpenOn: addDays(today, -5),
      applicationsCloseOn: addDays(today, 20),
      timeZone: "Asia/Bangkok",
      themes: ["rural_tourism"],
    })
    .returning({ id: t.editions.id })
    .get().id;
  userId = (await createUser({ name: "Somchai", email: "somchai.stash@example.org" })).id;
  otherId = (await createUser({ name: "Other", email: "other.stash@example.org" })).id;
});

/** An expired login session of `uid`: the cookie still names it, the database says it ended. */
async function expiredCookie(uid: number) {
  const cookie = await cookieFor(uid);
  db().update(t.loginSessions).set({ expiresAt: "2000-01-01T00:00:00.000Z" }).where(eq(t.loginSessions.userId, uid)).run();
  return cookie;
}

async function postExpired(uid: number) {
  const res = await call(applyRoute.action, `/apply/${editionId}`, { cookie: await expiredCookie(uid), params: { editionId: String(editionId) }, form: typed });
  expect(res.status).toBe(302);
  const location = res.headers.get("Location")!;
  expect(location).toMatch(/^\/login\?redirectTo=/);
  const back = decodeURIComponent(/redirectTo=([^&]+)/.exec(location)![1]!);
  const stash = (res.headers.get("Set-Cookie") ?? "").split(";")[0]!;
  expect(stash).toMatch(/^vlx_restore=/);
  return { back, stash };
}

describe("a form posted after the session expired", () => {
  it("comes back, saved as the draft, after logging in again", async () => {
    const { back, stash } = await postExpired(userId);
    expect(back).toMatch(new RegExp(`^/apply/${editionId}\\?restore=`));
    const fresh = await cookieFor(userId);
    const res = await call(applyRoute.loader, back, { cookie: `${fresh}; ${stash}`, params: { editionId: String(editionId) } });
    expect(res.status).toBe(200);
    const data = (await res.json()) as { restored?: boolean; defaultValue: Record<string, unknown> };
    expect(data.restored).toBe(true);
    expect(data.defaultValue.motivation).toBe(typed.motivation);
    const row = db()
      .select()
      .from(t.applications)
      .where(and(eq(t.applications.userId, userId), eq(t.applications.editionId, editionId)))
      .get()!;
    expect(row.status).toBe("draft");
    expect(row.motivation).toBe(typed.motivation);
    // Taken once: nothing is kept any more.
    expect(db().select().from(t.formStashes).all()).toHaveLength(0);
  });

  it("is not given to another person, nor without the browser's cookie", async () => {
    const { back, stash } = await postExpired(otherId);
    const someoneElse = await cookieFor(userId);
    const a = (await (await call(applyRoute.loader, back, { cookie: `${someoneElse}; ${stash}`, params: { editionId: String(editionId) } })).json()) as {
      restored?: boolean;
    };
    expect(a.restored).toBeUndefined();
    const owner = await cookieFor(otherId);
    const b = (await (await call(applyRoute.loader, back, { cookie: owner, params: { editionId: String(editionId) } })).json()) as { restored?: boolean };
    expect(b.restored).toBeUndefined();
    const c = (await (await call(applyRoute.loader, back, { cookie: `${owner}; ${stash}`, params: { editionId: String(editionId) } })).json()) as {
      restored?: boolean;
    };
    expect(c.restored).toBe(true);
  });

  it("never keeps a password", async () => {
    const res = await call(applyRoute.action, `/apply/${editionId}`, {
      cookie: await expiredCookie(userId),
      params: { editionId: String(editionId) },
      form: { ...typed, password: "secret-pass-123" },
    });
    expect(res.status).toBe(302);
    const rows = db().select().from(t.formStashes).all();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.data).not.toContain("secret-pass-123");
  });
});
