// Issue 12, item 11: the organizer's application page speaks to the organizer about erasing health
// data, and offers no Waitlist/Reject on an accepted participant of an edition that has ended.
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { addDays, todayIn } from "~/domain/dates";
import { action as decideAction, loader as reviewLoader } from "~/routes/admin.applications.$id";
import type { ApplicationStatus } from "../../db/schema/programme";
import { call, cookieFor, createUser } from "../support/factories";

let seq = 100;
function makeEdition(startOffset: number, endOffset: number) {
  seq += 1;
  const today = todayIn("Asia/Bangkok");
  return db()
    .insert(t.editions)
    .values({
      name: `Edition ${seq}`,
      ordinal: seq,
      mode: "in_person",
      hostCountries: ["TH"],
      startsOn: addDays(today, startOffset),
      endsOn: addDays(today, endOffset),
      applicationsOpenOn: addDays(today, startOffset - 90),
      applicationsCloseOn: addDays(today, startOffset - 30),
      timeZone: "Asia/Bangkok",
      themes: ["rural_tourism"],
    })
    .returning({ id: t.editions.id })
    .get().id;
}
async function makeApp(editionId: number, status: ApplicationStatus) {
  const user = await createUser();
  return db()
    .insert(t.applications)
    .values({
      editionId,
      userId: user.id,
      status,
      givenName: "Sari",
      familyName: "",
      givenNameLatin: "",
      familyNameLatin: "",
      nameOrder: "given_first",
      searchName: "sari",
      gender: "female",
      nationality: "ID",
      themes: ["rural_tourism"],
      village: "Desa",
      province: "Bali",
      position: "Head",
      submittedAt: new Date().toISOString(),
    })
    .returning({ id: t.applications.id })
    .get().id;
}

describe("decisions on an ended edition", () => {
  it("offers no decision on an accepted participant once the edition has ended, and refuses a posted one", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const cookie = await cookieFor(org.id);
    const past = makeEdition(-60, -53);
    const id = await makeApp(past, "accepted");
    const page = await (await call(reviewLoader, `/admin/applications/${id}`, { params: { id: String(id) }, cookie })).json();
    expect(page.actions).toEqual([]);
    expect(page.editionEnded).toBe(true);
    const r = await call(decideAction, `/admin/applications/${id}`, {
      params: { id: String(id) },
      cookie,
      form: { intent: "reject", reason: "late change" },
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(db().select().from(t.applications).where(eq(t.applications.id, id)).get()!.status).toBe("accepted");
  });

  it("still offers Waitlist and Reject on an accepted participant of a running or future edition", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const future = makeEdition(40, 47);
    const id = await makeApp(future, "accepted");
    const page = await (await call(reviewLoader, `/admin/applications/${id}`, { params: { id: String(id) }, cookie: await cookieFor(org.id) })).json();
    expect(page.actions).toEqual(expect.arrayContaining(["waitlist", "reject"]));
  });
});

describe("erasing health data on the organizer's page", () => {
  it("uses a text written to the organizer (about 'this person'), not the applicant's 'your needs'", () => {
    const src = fs.readFileSync("app/routes/admin.applications.$id.tsx", "utf8");
    expect(src).toContain('t("privacy.organizerEraseText")');
    expect(src).not.toContain('t("privacy.eraseText")');
    const en = JSON.parse(fs.readFileSync("app/locales/en/privacy.json", "utf8")).privacy.organizerEraseText as string;
    expect(en).toMatch(/this person/);
    expect(en).not.toMatch(/\byour\b/i);
  });
});
