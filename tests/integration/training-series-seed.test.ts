// The demo's recurring series (issue 15, item 8): a daily morning briefing across the Hebian
// visit, one session per day sharing a series, each passing the same conflict checks as a save.
import { and, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { utcToLocal } from "~/domain/training";
import * as editRoute from "~/routes/admin.trainings.$trainingId";
import * as itineraryRoute from "~/routes/me_.itinerary";
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

  it("a participant placed on the visit sees each briefing in their itinerary, saying it repeats", async () => {
    const briefing = db().select().from(t.trainingSessions).where(isNotNull(t.trainingSessions.seriesId)).get()!;
    // The demo places people by the engine only on demand: place an accepted participant here.
    const app = db()
      .select({ id: t.applications.id, userId: t.applications.userId })
      .from(t.applications)
      .where(and(eq(t.applications.editionId, briefing.editionId), eq(t.applications.status, "accepted"), isNotNull(t.applications.userId)))
      .get()!;
    if (
      !db()
        .select()
        .from(t.placements)
        .where(and(eq(t.placements.applicationId, app.id), eq(t.placements.status, "accepted")))
        .get()
    )
      db().insert(t.placements).values({ visitId: briefing.visitId!, applicationId: app.id, status: "accepted" }).run();
    const placed = { userId: app.userId };
    const res = await call(itineraryRoute.loader, "/me/itinerary", { cookie: await cookieFor(placed!.userId!) });
    const d = (await res.json()) as { plans: { days: { entries: { kind: string; id?: number; series?: string | null }[] }[] }[] };
    const entries = d.plans.flatMap((p) => p.days.flatMap((day) => day.entries)).filter((e) => e.kind === "training");
    const series = entries.filter((e) => e.series);
    expect(series.length).toBeGreaterThanOrEqual(3);
    // In the person's own saved language: one text for the whole series.
    expect(new Set(series.map((e) => e.series)).size).toBe(1);
    expect(entries.some((e) => e.series === null)).toBe(true);
  });
});
