// Issue 15, item 6: the organizer's review list sorts by any column (query string) and takes one
// decision on many ticked rows through the single-application use case: refused rows (wrong state,
// no such application, reject without a reason, ended edition) are listed with why, the others
// proceed, each change is audited as a single one is, and a refused row changes nothing.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { addDays, todayIn } from "~/domain/dates";
import { action as listAction, loader as listLoader } from "~/routes/admin.applications._index";
import type { ApplicationStatus } from "../../db/schema/programme";
import { call, cookieFor, createUser } from "../support/factories";

let seq = 500;
function makeEdition(name: string, startOffset = 60) {
  seq += 1;
  const today = todayIn("Asia/Bangkok");
  return db()
    .insert(t.editions)
    .values({
      name,
      ordinal: seq,
      mode: "in_person",
      hostCountries: ["TH"],
      startsOn: addDays(today, startOffset),
      endsOn: addDays(today, startOffset + 7),
      applicationsOpenOn: addDays(today, startOffset - 90),
      applicationsCloseOn: addDays(today, startOffset - 30),
      timeZone: "Asia/Bangkok",
      themes: ["rural_tourism"],
    })
    .returning({ id: t.editions.id })
    .get().id;
}
async function makeApp(editionId: number, status: ApplicationStatus, givenName: string, nationality: string, submittedAt: string) {
  const user = await createUser();
  return db()
    .insert(t.applications)
    .values({ editionId, userId: user.id, status, givenName, searchName: givenName.toLowerCase(), nationality, gender: "female", submittedAt })
    .returning({ id: t.applications.id })
    .get().id;
}
const statusOf = (id: number) => db().select().from(t.applications).where(eq(t.applications.id, id)).get()!.status;
const auditOf = (id: number) =>
  db()
    .select()
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.entityType, "application"), eq(t.auditEvents.entityId, id)))
    .all();

type Outcome = { id: number; ok: boolean; from: string | null; to?: string; error?: string };

describe("review list: sorting", () => {
  it("sorts by any column either way through the query string, ties by name", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const cookie = await cookieFor(org.id);
    const ed = makeEdition("Sort edition");
    await makeApp(ed, "endorsed", "Bopha", "KH", "2030-01-03T00:00:00.000Z");
    await makeApp(ed, "submitted", "Anh", "VN", "2030-01-01T00:00:00.000Z");
    await makeApp(ed, "accepted", "Chai", "TH", "2030-01-02T00:00:00.000Z");
    const names = async (q: string) =>
      ((await (await call(listLoader, `/admin/applications?edition=${ed}${q}`, { cookie })).json()) as { items: { name: string }[] }).items.map((a) => a.name);
    expect(await names("")).toEqual(["Anh", "Bopha", "Chai"]);
    expect(await names("&sort=name&dir=desc")).toEqual(["Chai", "Bopha", "Anh"]);
    expect(await names("&sort=country")).toEqual(["Bopha", "Chai", "Anh"]); // Cambodia, Thailand, Viet Nam
    expect(await names("&sort=status")).toEqual(["Anh", "Bopha", "Chai"]); // submitted, endorsed, accepted
    expect(await names("&sort=submitted&dir=desc")).toEqual(["Bopha", "Chai", "Anh"]);
    expect(await names("&sort=nonsense&dir=sideways")).toEqual(["Anh", "Bopha", "Chai"]);
  });

  it("sorts names as they are shown (the person's own order, by the Latin line where there is one)", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const cookie = await cookieFor(org.id);
    const ed = makeEdition("Name order edition");
    const add = async (v: Partial<typeof t.applications.$inferInsert> & { givenName: string }) => {
      const user = await createUser();
      db()
        .insert(t.applications)
        .values({
          editionId: ed,
          userId: user.id,
          status: "endorsed",
          searchName: v.givenName.toLowerCase(),
          nationality: "TH",
          nameOrder: "given_first",
          ...v,
        })
        .run();
    };
    // Shown "Zaw Aung" (given first): under Z, although the family name starts with A.
    await add({ givenName: "Zaw", familyName: "Aung" });
    // Shown "Nguyễn Thị Ánh" (family first): under N.
    await add({ givenName: "Thị Ánh", familyName: "Nguyễn", nameOrder: "family_first", nationality: "VN" });
    // Thai script, shown with "Malee Boonmee" beneath: under M, not after every Latin name.
    await add({ givenName: "มาลี", familyName: "บุญมี", givenNameLatin: "Malee", familyNameLatin: "Boonmee" });
    // A mononym.
    await add({ givenName: "Bima", nationality: "ID" });
    const rows = async (q: string) =>
      ((await (await call(listLoader, `/admin/applications?edition=${ed}${q}`, { cookie })).json()) as { items: { name: string }[] }).items.map((a) => a.name);
    expect(await rows("&sort=name&dir=asc")).toEqual(["Bima", "มาลี บุญมี", "Nguyễn Thị Ánh", "Zaw Aung"]);
    expect(await rows("&sort=name&dir=desc")).toEqual(["Zaw Aung", "Nguyễn Thị Ánh", "มาลี บุญมี", "Bima"]);
  });

  it("puts rows without a submission date (drafts) last whichever way the date column sorts", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const cookie = await cookieFor(org.id);
    const ed = makeEdition("Draft order edition");
    await makeApp(ed, "submitted", "Early", "KH", "2030-01-01T00:00:00.000Z");
    const draft = await createUser();
    db().insert(t.applications).values({ editionId: ed, userId: draft.id, status: "draft", givenName: "Draft", searchName: "draft", nationality: "LA" }).run();
    await makeApp(ed, "submitted", "Late", "KH", "2030-02-01T00:00:00.000Z");
    const rows = async (q: string) =>
      ((await (await call(listLoader, `/admin/applications?edition=${ed}${q}`, { cookie })).json()) as { items: { name: string }[] }).items.map((a) => a.name);
    expect(await rows("&sort=submitted&dir=asc")).toEqual(["Early", "Late", "Draft"]);
    expect(await rows("&sort=submitted&dir=desc")).toEqual(["Late", "Early", "Draft"]);
  });
});

describe("review list: bulk decisions", () => {
  it("accepts the rows it may, lists each refusal with why, and audits each change", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const cookie = await cookieFor(org.id);
    const ed = makeEdition("Bulk edition");
    const past = makeEdition("Ended edition", -60);
    const a1 = await makeApp(ed, "endorsed", "Dara", "KH", "2030-01-01T00:00:00.000Z");
    const a2 = await makeApp(ed, "waitlisted", "Ei", "MM", "2030-01-01T00:00:00.000Z");
    const wrong = await makeApp(ed, "submitted", "Fah", "TH", "2030-01-01T00:00:00.000Z");
    const ended = await makeApp(past, "accepted", "Gita", "ID", "2030-01-01T00:00:00.000Z");
    const r = await call(listAction, "/admin/applications", {
      cookie,
      form: { ids: [String(a1), String(wrong), "999999", String(a2), String(ended)], intent: "waitlist", reason: "" },
    });
    // a2 is already waitlisted: waitlist → waitlist is not a transition.
    expect(r.status).toBe(200);
    const body = (await r.json()) as { results: Outcome[] };
    expect(body.results.map((o) => [o.id, o.ok, o.ok ? o.to : o.error])).toEqual([
      [a1, true, "waitlisted"],
      // The refusal names why: the focal point has not endorsed it yet; the other already has that decision.
      [wrong, false, expect.stringMatching(/^errors\.awaitsEndorsement/)],
      [999999, false, "review.bulk.notFound"],
      [a2, false, expect.stringMatching(/^errors\.alreadyDecided/)],
      [ended, false, "errors.editionEndedDecision"],
    ]);
    expect([statusOf(a1), statusOf(wrong), statusOf(a2), statusOf(ended)]).toEqual(["waitlisted", "submitted", "waitlisted", "accepted"]);
    const trail = auditOf(a1);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: "waitlist", fromState: "endorsed", toState: "waitlisted", actorUserId: org.id });
    expect(auditOf(wrong)).toHaveLength(0);
    expect(auditOf(ended)).toHaveLength(0);
  });

  it("rejects with one reason for every row; without a reason refuses every row, writes nothing, and answers 400", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const cookie = await cookieFor(org.id);
    const ed = makeEdition("Reject edition");
    const a = await makeApp(ed, "endorsed", "Hana", "JP", "2030-01-01T00:00:00.000Z");
    const b = await makeApp(ed, "waitlisted", "Intan", "MY", "2030-01-01T00:00:00.000Z");
    const none = await call(listAction, "/admin/applications", { cookie, form: { ids: [String(a), String(b)], intent: "reject", reason: "  " } });
    expect(none.status).toBe(400);
    const nb = (await none.json()) as { results: Outcome[]; errors: Record<string, string[]>; ids: number[] };
    expect(nb.errors.reason).toEqual(["apply.errors.reasonRequired"]);
    expect(nb.results.map((o) => o.error)).toEqual(["apply.errors.reasonRequired", "apply.errors.reasonRequired"]);
    expect(nb.ids).toEqual([a, b]); // the ticks are kept
    expect([statusOf(a), statusOf(b)]).toEqual(["endorsed", "waitlisted"]);
    expect([...auditOf(a), ...auditOf(b)]).toHaveLength(0);

    const ok = await call(listAction, "/admin/applications", { cookie, form: { ids: [String(a), String(b)], intent: "reject", reason: "Quota reached" } });
    expect(ok.status).toBe(200);
    expect([statusOf(a), statusOf(b)]).toEqual(["rejected", "rejected"]);
    expect([...auditOf(a), ...auditOf(b)].map((e) => e.reason)).toEqual(["Quota reached", "Quota reached"]);
  });

  it("refuses an empty selection or a missing decision with 400, and is 404 for anyone but an organizer", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const ed = makeEdition("Scope edition");
    const a = await makeApp(ed, "endorsed", "Jin", "KR", "2030-01-01T00:00:00.000Z");
    const cookie = await cookieFor(org.id);
    const empty = await call(listAction, "/admin/applications", { cookie, form: { intent: "accept" } });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: Record<string, string[]> }).errors.ids).toEqual(["review.bulk.noneSelected"]);
    const noIntent = await call(listAction, "/admin/applications", { cookie, form: { ids: [String(a)], intent: "" } });
    expect(noIntent.status).toBe(400);
    expect(((await noIntent.json()) as { errors: Record<string, string[]> }).errors.intent).toEqual(["review.bulk.chooseDecision"]);
    const noField = await call(listAction, "/admin/applications", { cookie, form: { ids: [String(a)] } });
    expect(((await noField.json()) as { errors: Record<string, string[]> }).errors.intent).toEqual(["review.bulk.chooseDecision"]);

    const focal = await createUser({ roles: [{ role: "focal_point", countryCode: "KR" }] });
    const r = await call(listAction, "/admin/applications", { cookie: await cookieFor(focal.id), form: { ids: [String(a)], intent: "accept" } });
    expect(r.status).toBe(404);
    expect(statusOf(a)).toBe("endorsed");
    expect(auditOf(a)).toHaveLength(0);
  });
});
