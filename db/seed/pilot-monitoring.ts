/**
 * Demo monitoring of the pilot projects (issue 16 item 3): monitoring visit reports with agreed
 * actions (some done, some open, one late), a few with photos, and plan adjustments that rest on them, with their
 * audit events. The stored plan (db/seed/pilots.ts) is the plan after these adjustments: each
 * adjustment's "to" is what the project shows now. Dates are relative to `today`; names
 * illustrative.
 */
import { eq } from "drizzle-orm";
import { addDays } from "../../app/domain/dates";
import { minorDigits } from "../../app/domain/pilots/money";
import type { Db } from "../client";
import * as t from "../schema";
import type { PilotPlanChange } from "../schema/pilots";
import { seedVisitPhoto, type DemoScene } from "./visit-photos";

type VisitSeed = {
  /** Days from today. */
  on: number;
  /** The project's local lead wrote it (else the organizer). */
  byLead?: boolean;
  visitors: string;
  findings: string;
  issues: string;
  /** Action, owner, due (days from today), done (days from today) or null. */
  actions: [string, string, number, number | null][];
  /** Photos taken at the visit: what they show (drawn at seed time) and the caption (alt text). */
  photos?: [DemoScene, string][];
};
type AdjustmentSeed = {
  on: number;
  why: string;
  /** `from`/`to` of dates as days from today, of amounts in major units. */
  what: { kind: PilotPlanChange["kind"]; subject: string; from: number | null; to: number | null }[];
  /** Index into the project's visits (as listed above) it rests on. */
  visit?: number;
  note?: string;
};

const MONITORING: Record<string, { visits: VisitSeed[]; adjustments?: AdjustmentSeed[] }> = {
  "Gravity-fed water supply for the upper hamlet": {
    visits: [
      {
        on: -45,
        byLead: true,
        visitors: "Local lead with the village water committee and the district water engineer",
        findings: "The spring intake is protected and the tank walls are up. Pipe trenches are dug for 1.8 km of the 3.4 km route.",
        issues: "The trench crosses a rice field whose owner has not yet agreed; pipe delivery is two weeks late.",
        photos: [["tank", "The new water tank at the spring, walls up, roof on, the first pipe leaving it"]],
        actions: [
          ["Agree the pipe route with the field owner at a village meeting", "Village head", -35, -33],
          ["Ask the supplier for a firm delivery date", "District water engineer", -40, -41],
        ],
      },
      {
        on: -12,
        visitors: "Programme organizer and the Luang Prabang rural development officer",
        findings: "3.1 km of main pipe laid and pressure-tested; the last 300 m wait for fittings. Water committee elected (4 women of 7 members).",
        issues: "Fittings for the last section are out of stock in Luang Prabang.",
        actions: [
          ["Buy the missing fittings in Vientiane and send them by bus", "Programme organizer", -2, null],
          ["Train the water committee on tariff collection", "Water committee chair", 30, null],
        ],
      },
    ],
    adjustments: [
      {
        on: -40,
        why: "The pipe route had to be agreed with a field owner and the pipes arrived late: laying the main pipe takes a month longer than planned.",
        what: [{ kind: "milestone_date", subject: "Main pipe laid (3.4 km)", from: -40, to: -10 }],
        visit: 0,
      },
    ],
  },
  "Chicken vaccination and improved coops": {
    visits: [
      {
        on: -50,
        visitors: "Commune veterinarian and the programme organizer",
        photos: [["coop", "One of the improved chicken coops with a raised floor"]],
        findings: "First vaccination round reached 74 of 80 households; 62 raised coops built.",
        issues: "Six households were away for the harvest; the cold box lost charge on the second day.",
        actions: [
          ["Vaccinate the six missed households", "Village animal health worker", -40, -38],
          ["Buy a second cold box battery", "Programme organizer", -20, null],
        ],
      },
    ],
  },
  "Concrete village road and drainage": {
    visits: [
      {
        on: -35,
        visitors: "Township engineer, village administrator and the programme organizer",
        findings: "Road bed ready for the whole 1.2 km; 420 m concreted. Monsoon flood water stood on the low section for a week.",
        issues: "The side drains on the low section were washed out; the drain size in the design is too small for the flood.",
        photos: [
          ["road", "The concreted section of the village road with its side drains"],
          ["road", ""],
        ],
        actions: [
          ["Redesign the drains of the low section for the flood level", "Township engineer", -10, -12],
          ["Hold work until the water goes down", "Village administrator", -5, null],
        ],
      },
    ],
    adjustments: [
      {
        on: -30,
        why: "The monitoring visit found the drains washed out by the monsoon flood: the concrete work waits for a larger drain design, and the drain repair is budgeted.",
        what: [
          { kind: "milestone_date", subject: "First 600 m concreted", from: -70, to: -40 },
          { kind: "budget_add", subject: "Drain repair", from: null, to: 9_500_000 },
        ],
        visit: 0,
        note: "Township engineer's flood level measurement, 2 pages.",
      },
    ],
  },
};

/** Seeds the demo monitoring visits and plan adjustments of the projects `seedPilots` created. */
export function seedPilotMonitoring(tx: Db, today: string, organizerId: number): void {
  const stamp = (days: number, hour: number) => `${addDays(today, days)}T${String(hour).padStart(2, "0")}:00:00.000Z`;
  for (const [title, m] of Object.entries(MONITORING)) {
    const p = tx.select().from(t.pilotProjects).where(eq(t.pilotProjects.title, title)).get();
    if (!p) continue;
    const audit = (at: string, actor: number, action: string, details: Record<string, unknown>, reason: string | null = null) =>
      tx.insert(t.auditEvents).values({ at, actorUserId: actor, entityType: "pilot_project", entityId: p.id, action, reason, details }).run();
    const visitIds = m.visits.map((v) => {
      const author = v.byLead && p.localLeadUserId ? p.localLeadUserId : organizerId;
      const id = tx
        .insert(t.pilotMonitoringVisits)
        .values({
          projectId: p.id,
          visitedOn: addDays(today, v.on),
          visitors: v.visitors,
          findings: v.findings,
          issues: v.issues,
          authorUserId: author,
          createdAt: stamp(v.on + 1, 9),
          updatedAt: stamp(v.on + 1, 9),
        })
        .returning({ id: t.pilotMonitoringVisits.id })
        .get().id;
      v.actions.forEach(([action, owner, due, done], position) => {
        tx.insert(t.pilotVisitActions)
          .values({ visitId: id, position, action, owner, dueOn: addDays(today, due), doneOn: done === null ? null : addDays(today, done) })
          .run();
      });
      audit(stamp(v.on + 1, 9), author, "visit_add", { visitId: id, visitedOn: addDays(today, v.on), actions: v.actions.length });
      for (const [scene, caption] of v.photos ?? []) seedVisitPhoto(tx, id, scene, caption, author);
      return id;
    });
    const unit = 10 ** minorDigits(p.currency);
    for (const a of m.adjustments ?? []) {
      const side = (kind: PilotPlanChange["kind"], x: number | null) =>
        x === null ? null : kind === "budget_add" || kind === "budget_planned" ? String(x * unit) : addDays(today, x);
      const what: PilotPlanChange[] = a.what.map((c) => ({ kind: c.kind, subject: c.subject, from: side(c.kind, c.from), to: side(c.kind, c.to) }));
      const id = tx
        .insert(t.pilotPlanAdjustments)
        .values({
          projectId: p.id,
          what,
          why: a.why,
          evidence: { visitIds: a.visit === undefined ? [] : [visitIds[a.visit]], indicatorValueIds: [], note: a.note ?? "" },
          createdBy: organizerId,
          createdAt: stamp(a.on, 10),
        })
        .returning({ id: t.pilotPlanAdjustments.id })
        .get().id;
      audit(stamp(a.on, 10), organizerId, "plan_adjustment", { adjustmentId: id, kinds: what.map((c) => c.kind) }, a.why);
    }
  }
}
