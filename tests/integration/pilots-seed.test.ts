/**
 * The demo pilots (issue 16, item 6): six pilot villages, two each in Laos, Cambodia and
 * Myanmar, coordinates inside their countries, projects in every status with an audit trail that
 * follows the life cycle, a late milestone, budgets in the country's currency, rates for reports,
 * and projects linked to alumni's action plans (proposed by an organizer and by the alumnus).
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { canMovePilot } from "~/domain/pilots/lifecycle";
import { insideCountry } from "~/domain/pilots/geo.server";
import { currencyOf } from "~/domain/pilots/money.server";
import { loadActor } from "~/models/accounts/accounts.server";
import { listPilots } from "~/models/pilots.server";
import { documentsDir } from "~/models/documents.server";
import { PILOT_VISIT_OWNER } from "~/domain/document-kinds";
import { PILOT_STATUSES } from "../../db/schema/pilots";
import { seedDemoIfEmpty } from "../../db/seed";

beforeAll(async () => {
  await seedDemoIfEmpty(db());
});

describe("demo pilots", () => {
  it("six villages, two each in LA, KH, MM, inside their countries", () => {
    const vs = db().select().from(t.pilotVillages).all();
    expect(vs.map((v) => v.countryCode).sort()).toEqual(["KH", "KH", "LA", "LA", "MM", "MM"]);
    for (const v of vs) expect(insideCountry(v.countryCode, Number(v.latitude), Number(v.longitude)), v.nameLatin).toBe(true);
  });

  it("projects in every status, each status path audited step by step, amounts in the country's currency", () => {
    const ps = db().select().from(t.pilotProjects).all();
    const vs = new Map(
      db()
        .select()
        .from(t.pilotVillages)
        .all()
        .map((v) => [v.id, v]),
    );
    expect(new Set(ps.map((p) => p.status))).toEqual(new Set(PILOT_STATUSES));
    const events = db()
      .select()
      .from(t.auditEvents)
      .all()
      .filter((e) => e.entityType === "pilot_project");
    for (const p of ps) {
      expect(p.currency).toBe(currencyOf(vs.get(p.villageId)!.countryCode));
      const steps = events.filter((e) => e.entityId === p.id && e.action === "status").sort((a, b) => a.at.localeCompare(b.at));
      let cur = "proposed";
      for (const s of steps) {
        expect(s.fromState).toBe(cur);
        expect(canMovePilot(s.fromState as never, s.toState as never)).toBe(true);
        cur = s.toState!;
      }
      expect(cur).toBe(p.status);
    }
    for (const l of db().select().from(t.pilotBudgetLines).all()) expect(Number.isInteger(l.plannedMinor)).toBe(true);
    expect(
      db()
        .select()
        .from(t.pilotExchangeRates)
        .all()
        .map((r) => r.currency)
        .sort(),
    ).toEqual(["KHR", "LAK", "MMK"]);
  });

  it("alumni lead projects from their action plans; the organizer's overview shows late milestones", () => {
    const linked = db()
      .select()
      .from(t.pilotProjects)
      .all()
      .filter((p) => p.actionPlanItemId);
    expect(linked.length).toBeGreaterThanOrEqual(3);
    expect(linked.every((p) => p.localLeadUserId)).toBe(true);
    expect(linked.some((p) => p.proposedByUserId === p.localLeadUserId)).toBe(true);
    const organizer = loadActor(
      db()
        .select()
        .from(t.roleGrants)
        .all()
        .find((g) => g.role === "organizer")!.userId,
    )!;
    const rows = listPilots(organizer, { country: null, component: null, status: null });
    expect(rows.length).toBe(6);
    expect(rows.flatMap((r) => r.projects).some((p) => p.milestones.late > 0)).toBe(true);
    const stages = new Set(
      db()
        .select()
        .from(t.pilotIndicatorValues)
        .all()
        .map((v) => v.stage),
    );
    expect(stages).toEqual(new Set(["baseline", "periodic", "final", "ex_post"]));
  });

  it("demo monitoring: visits with agreed actions (one written by an alumnus lead) and plan adjustments resting on a visit", () => {
    const visits = db().select().from(t.pilotMonitoringVisits).all();
    expect(visits.length).toBeGreaterThanOrEqual(3);
    const actions = db().select().from(t.pilotVisitActions).all();
    expect(actions.some((a) => a.doneOn) && actions.some((a) => !a.doneOn)).toBe(true);
    const leads = new Set(
      db()
        .select()
        .from(t.pilotProjects)
        .all()
        .map((p) => p.localLeadUserId),
    );
    expect(visits.some((v) => leads.has(v.authorUserId))).toBe(true);
    // At least two visits carry a photo: real PNG files in the documents folder, with alt text or none.
    const photos = db().select().from(t.documents).where(eq(t.documents.ownerType, PILOT_VISIT_OWNER)).all();
    expect(new Set(photos.map((p) => p.ownerId)).size).toBeGreaterThanOrEqual(2);
    expect(photos.every((p) => visits.some((v) => v.id === p.ownerId) && p.contentType === "image/png")).toBe(true);
    for (const p of photos) expect(fs.readFileSync(path.join(documentsDir(), p.storageKey)).subarray(1, 4).toString()).toBe("PNG");
    expect(photos.some((p) => p.caption) && photos.some((p) => !p.caption)).toBe(true);
    const adjustments = db().select().from(t.pilotPlanAdjustments).all();
    expect(adjustments.length).toBeGreaterThanOrEqual(2);
    expect(adjustments.every((a) => a.why && a.evidence.visitIds.every((id) => visits.some((v) => v.id === id && v.projectId === a.projectId)))).toBe(true);
    // Each adjustment's "to" of a milestone date is the plan as stored.
    const ms = db().select().from(t.pilotMilestones).all();
    for (const a of adjustments)
      for (const c of a.what.filter((x) => x.kind === "milestone_date"))
        expect(ms.find((m) => m.projectId === a.projectId && m.title === c.subject)?.dueOn).toBe(c.to);
  });
});
