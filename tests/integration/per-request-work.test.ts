// Issue 13, item 2 (fast pages): work a page repeated on every request is done once, without
// changing any answer: statements compiled once per connection, one session/actor/language lookup
// per GET request, Intl formatters shared.
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { db, t } from "~/db.server";
import { formatDate, todayIn } from "~/domain/dates";
import { dateTimeFormat } from "~/domain/intl";
import { getLocale } from "~/i18n.server";
import { getActor, getSavedLocale } from "~/session.server";
import { memoForRequest, runWithRequestMemo } from "~/utils/request-memo.server";
import { cookieFor, createUser } from "../support/factories";

describe("statements kept per connection", () => {
  it("hands out the compiled statement again for the same SQL", () => {
    const raw = db().$client;
    const a = raw.prepare("select id from users where id = ?");
    expect(raw.prepare("select id from users where id = ?")).toBe(a);
    expect(raw.prepare("select id from users where id = ? ")).not.toBe(a);
  });

  it("gives plain rows after drizzle used the same statement in raw (array) mode", async () => {
    const u = await createUser({ email: "stmt-raw@example.org" });
    const text = 'select "id", "email" from "users" where "id" = ?';
    expect(db().$client.prepare(text).raw().get(u.id)).toEqual([u.id, "stmt-raw@example.org"]);
    expect(db().$client.prepare(text).get(u.id)).toEqual({ id: u.id, email: "stmt-raw@example.org" });
    // drizzle's own mapped selects keep working on the shared statement
    expect(
      db()
        .select({ id: t.users.id })
        .from(t.users)
        .where(sql`${t.users.id} = ${u.id}`)
        .get(),
    ).toEqual({ id: u.id });
  });

  it("compiles a fresh statement while the cached one is iterating", async () => {
    await createUser({ email: "stmt-iter-1@example.org" });
    await createUser({ email: "stmt-iter-2@example.org" });
    const raw = db().$client;
    const text = "select email from users where email like 'stmt-iter-%' order by email";
    const seen: string[] = [];
    for (const row of raw.prepare(text).iterate() as Iterable<{ email: string }>) {
      // the same SQL inside the loop: the busy statement is not handed out again
      seen.push(row.email, ...(raw.prepare(text).all() as { email: string }[]).map((r) => r.email));
    }
    expect(seen).toEqual([
      "stmt-iter-1@example.org",
      "stmt-iter-1@example.org",
      "stmt-iter-2@example.org",
      "stmt-iter-2@example.org",
      "stmt-iter-1@example.org",
      "stmt-iter-2@example.org",
    ]);
  });
});

describe("one lookup per GET request", () => {
  const request = (cookie: string) => new Request("http://localhost/me", { headers: { Cookie: cookie, "Accept-Language": "th" } });

  it("memoises within a request only, and not at all outside one", () => {
    let runs = 0;
    const count = () => ++runs;
    expect([memoForRequest("k", count), memoForRequest("k", count)]).toEqual([1, 2]);
    runWithRequestMemo(() => expect([memoForRequest("k", count), memoForRequest("k", count)]).toEqual([3, 3]));
    runWithRequestMemo(() => expect(memoForRequest("k", count)).toBe(4));
  });

  it("reads the session and the person once however many loaders ask, with the same answers", async () => {
    const u = await createUser({ email: "memo-actor@example.org" });
    db()
      .update(t.users)
      .set({ locale: "vi" })
      .where(sql`${t.users.id} = ${u.id}`)
      .run();
    const cookie = await cookieFor(u.id);
    const raw = db().$client;
    const prepare = raw.prepare;
    const compiled: string[] = [];
    let calls = 0;
    raw.prepare = ((s: string) => {
      calls++;
      compiled.push(s);
      return prepare.call(raw, s);
    }) as typeof raw.prepare;
    try {
      const outside = [await getActor(request(cookie)), await getLocale(request(cookie)), await getSavedLocale(request(cookie))];
      const before = calls;
      const inside = await runWithRequestMemo(async () => {
        const r = [await getActor(request(cookie)), await getLocale(request(cookie)), await getSavedLocale(request(cookie))];
        await getActor(request(cookie));
        await getLocale(request(cookie));
        return r;
      });
      expect(inside).toEqual(outside);
      expect((outside[0] as { email: string } | null)?.email).toBe("memo-actor@example.org");
      expect(outside[1]).toBe("vi"); // the saved language outranks Accept-Language
      // inside: session, user, grants, saved locale: each once (drizzle's prepared queries
      // compiled earlier do not call prepare again)
      expect(calls - before).toBeLessThanOrEqual(4);
    } finally {
      raw.prepare = prepare;
    }
  });

  it("sees a revoked session at the next request", async () => {
    const u = await createUser({ email: "memo-revoked@example.org" });
    const cookie = await cookieFor(u.id);
    expect(await runWithRequestMemo(() => getActor(request(cookie)))).not.toBeNull();
    db()
      .update(t.loginSessions)
      .set({ revokedAt: new Date().toISOString() })
      .where(sql`${t.loginSessions.userId} = ${u.id}`)
      .run();
    expect(await runWithRequestMemo(() => getActor(request(cookie)))).toBeNull();
  });
});

describe("Intl formatters made once", () => {
  it("shares one formatter per locale and options, with the same output", () => {
    expect(dateTimeFormat("th", { dateStyle: "medium", timeZone: "UTC" })).toBe(dateTimeFormat("th", { dateStyle: "medium", timeZone: "UTC" }));
    expect(dateTimeFormat("th", { dateStyle: "long", timeZone: "UTC" })).not.toBe(dateTimeFormat("th", { dateStyle: "medium", timeZone: "UTC" }));
    expect(formatDate("2027-03-10", "en")).toBe("Mar 10, 2027");
    expect(formatDate("2027-03-10", "th")).toBe(
      new Intl.DateTimeFormat("th", { calendar: "gregory", dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(2027, 2, 10)),
    );
    const now = new Date("2027-03-09T18:00:00Z");
    expect([todayIn("Asia/Yangon", now), todayIn("UTC", now), todayIn("Asia/Yangon", now)]).toEqual(["2027-03-10", "2027-03-09", "2027-03-10"]);
    expect(() => todayIn("Not/AZone", now)).toThrow(RangeError);
  });
});
