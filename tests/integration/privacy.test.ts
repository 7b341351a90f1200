import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { action as eraseOwn } from "~/routes/me_.data";
import { loader as exportOwn } from "~/routes/me_.data[.]json";
import { action as reviewAction } from "~/routes/admin.applications.$id";
import { call, cookieFor, createUser } from "../support/factories";

async function applicant(dietary: string) {
  const u = await createUser();
  const e = db()
    .insert(t.editions)
    .values({
      name: "E",
      ordinal: 1,
      mode: "online",
      hostCountries: ["TH"],
      startsOn: "2027-01-10",
      endsOn: "2027-01-12",
      applicationsOpenOn: "2026-01-01",
      applicationsCloseOn: "2027-01-01",
      timeZone: "Asia/Bangkok",
      themes: ["health"],
    })
    .returning()
    .get();
  const a = db()
    .insert(t.applications)
    .values({
      editionId: e.id,
      userId: u.id,
      givenName: "ສົມພອນ",
      nationality: "LA",
      dietaryNeeds: dietary,
      accessibilityNeeds: "wheelchair",
      sensitiveConsentAt: "2026-11-01T00:00:00.000Z",
      phone: "+8562055512345",
    })
    .returning()
    .get();
  return { u, a };
}

describe("personal data", () => {
  it("exports everything about the person, without the password hash, and nothing of others", async () => {
    const { u, a } = await applicant("halal");
    const other = await applicant("vegetarian");
    const res = await call(exportOwn, "/me/data.json", { cookie: await cookieFor(u.id) });
    expect(res.headers.get("Content-Disposition")).toMatch(/attachment/);
    const body = await res.json();
    expect(body.account.email).toBe(u.email);
    expect(JSON.stringify(body)).not.toContain("argon2");
    expect(body.applications.map((x: { id: number }) => x.id)).toEqual([a.id]);
    expect(body.applications[0].givenName).toBe("ສົມພອນ");
    expect(JSON.stringify(body)).not.toContain(other.u.email);
  });

  it("a person erases their health data only after confirming, and it is audited", async () => {
    const { u, a } = await applicant("halal");
    const cookie = await cookieFor(u.id);
    const unconfirmed = await call(eraseOwn, "/me/data", { cookie, form: {} });
    expect(unconfirmed.status).toBe(400);
    expect(db().select().from(t.applications).where(eq(t.applications.id, a.id)).get()!.dietaryNeeds).toBe("halal");
    const done = await call(eraseOwn, "/me/data", { cookie, form: { confirm: "yes" } });
    expect(done.status).toBe(302);
    const after = db().select().from(t.applications).where(eq(t.applications.id, a.id)).get()!;
    expect(after).toMatchObject({ dietaryNeeds: "", accessibilityNeeds: "", sensitiveConsentAt: null, phone: "+8562055512345" });
    const events = db().select().from(t.auditEvents).where(eq(t.auditEvents.entityId, a.id)).all();
    expect(events.map((e) => e.action)).toContain("erase_sensitive");
    expect(JSON.stringify(events)).not.toContain("halal");
  });

  it("an organizer erases a person's health data; anyone else gets 404 and nothing changes", async () => {
    const { a } = await applicant("no pork");
    const stranger = await createUser();
    const refused = await call(reviewAction, "/", { cookie: await cookieFor(stranger.id), params: { id: String(a.id) }, form: { intent: "erase_sensitive" } });
    expect(refused.status).toBe(404);
    expect(db().select().from(t.applications).where(eq(t.applications.id, a.id)).get()!.dietaryNeeds).toBe("no pork");
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const ok = await call(reviewAction, "/", { cookie: await cookieFor(org.id), params: { id: String(a.id) }, form: { intent: "erase_sensitive" } });
    expect(ok.status).toBe(302);
    expect(db().select().from(t.applications).where(eq(t.applications.id, a.id)).get()!.dietaryNeeds).toBe("");
  });
});
