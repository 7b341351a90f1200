// The demo's recurring series (issue 15, item 8): a daily morning briefing across the Hebian
// visit, one session per day sharing a series, each passing the same conflict checks as a save.
import { eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { utcToLocal } from "~/domain/training";
import * as editRoute from "~/routes/admin.trainings.$trainingId";
import { seedDemoIfEmpty } from "../../db/seed";
import { call, cookieFor, createUser } from "../support/factories";

let cookie: string;

beforeAll(async () => {
  await seedDemoIfEmpty(db());
  cookie = await cookieFor((await createUser({ roles: [{ role: "organizer" }], name: "Series checker" })).id);
});

describe("demo recurring series", () => {
  it("has one briefing per morning of the visit from the day after arrival, inside the visit", () => {
    const rows = db().select().from(t.trainingSessions).where(isNotNull(t.trainingSessions.seriesId)).orderBy(t.trainingSessions.startsAt).all();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1);
    const visit = db().select().from(t.exchangeVisits).where(eq(t.exchangeVisits.id, rows[0]!.visitId!)).get()!;
    expect(db().select().from(t.trainingSeries).where(eq(t.trainingSeries.id, rows[0]!.seriesId!)).get()!.rule).toContain("FREQ=DAILY");
    // 07:30 in Shanghai is the evening before in UTC: the venue-local day counts.
    const days = rows.map((r) => utcToLocal(r.startsAt, r.timeZone).date);
    expect(rows.every((r) => utcToLocal(r.startsAt, r.timeZone).time === "07:30")).toBe(true);
    expect(new Set(days).size).toBe(rows.length);
    expect(days[0]! > visit.arrivalOn && days.at(-1)! <= visit.departureOn).toBe(true);
  });

  it("each occurrence saves again unchanged: no venue, trainer, interpreter or participant booked twice", async () => {
    const rows = db().select().from(t.trainingSessions).where(isNotNull(t.trainingSessions.seriesId)).all();
    for (const r of rows) {
      const page = await call(editRoute.loader, `/admin/trainings/${r.id}`, { cookie, params: { trainingId: String(r.id) } });
      const d = await page.json();
      expect(d.series.total).toBe(rows.length);
      const form = { ...d.values, intent: "save", confirmWarnings: "on" } as Record<string, string | string[]>;
      for (const [k, v] of Object.entries(form)) if (v === null || (typeof v === "object" && !Array.isArray(v))) delete form[k];
      const res = await call(editRoute.action, `/admin/trainings/${r.id}`, { cookie, params: { trainingId: String(r.id) }, form });
      expect(res.status, res.status === 400 ? JSON.stringify(await res.json()) : "").toBe(302);
    }
  });
});
