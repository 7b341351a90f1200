/**
 * A pilot project's plan: dated milestones (reached on a date), budget lines with planned and
 * actual spending per month in the project's currency (integer minor units), and the exchange
 * rates used to convert sums to US dollars for reports. Organizers write; every write is audited.
 */
import { and, desc, eq } from "drizzle-orm";
import { db as defaultDb, immediate, t, type Db } from "../../db.server";
import { todayIn } from "../../domain/dates";
import { parseAmount } from "../../domain/pilots/money";
import { requireOrganizer, type Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, messageKey, NotFoundError } from "../errors";
import { recordPlanChanges, type AdjustmentFields } from "./adjustments.server";

function project(tx: Db, id: number) {
  const row = tx.select().from(t.pilotProjects).where(eq(t.pilotProjects.id, id)).get();
  if (!row) throw new NotFoundError("pilot project");
  return row;
}

/** Reads a typed amount in the project's currency or throws a field error on `field`. */
function amount(field: string, text: string, currency: string): number {
  const r = parseAmount(text, currency);
  if (!r.ok) throw FieldErrors.one(field, messageKey(r.error, { digits: r.digits, currency }));
  return r.minor;
}

/**
 * Organizer: adds a milestone with its planned date; returns its id. Once the plan is agreed this
 * is a plan adjustment: `why` is required (adjustments.server.ts), else a field error and nothing written.
 */
export function addMilestone(actor: Actor, projectId: number, input: { title: string; dueOn: string } & AdjustmentFields): number {
  requireOrganizer(actor);
  return immediate(defaultDb(), (tx) => {
    const p = project(tx, projectId);
    if (p.startsOn && input.dueOn < p.startsOn) throw FieldErrors.one("dueOn", "pilots.errors.beforeStart");
    recordPlanChanges(tx, actor, p, [{ kind: "milestone_add", subject: input.title, from: null, to: input.dueOn }], input);
    const id = tx.insert(t.pilotMilestones).values({ projectId, title: input.title, dueOn: input.dueOn }).returning({ id: t.pilotMilestones.id }).get().id;
    recordAudit(
      actor,
      { entityType: "pilot_project", entityId: projectId, action: "milestone_add", details: { milestoneId: id, title: input.title, dueOn: input.dueOn } },
      tx,
    );
    return id;
  });
}

/** Organizer: records the date a milestone was reached (not after today in the village's zone at `now`). */
export function completeMilestone(actor: Actor, projectId: number, milestoneId: number, doneOn: string, now: Date = new Date()): void {
  requireOrganizer(actor);
  immediate(defaultDb(), (tx) => {
    const p = project(tx, projectId);
    const zone = tx.select({ z: t.pilotVillages.timeZone }).from(t.pilotVillages).where(eq(t.pilotVillages.id, p.villageId)).get()!.z;
    const today = todayIn(zone, now);
    const m = tx
      .select()
      .from(t.pilotMilestones)
      .where(and(eq(t.pilotMilestones.id, milestoneId), eq(t.pilotMilestones.projectId, projectId)))
      .get();
    if (!m) throw new NotFoundError("milestone");
    if (doneOn > today) throw FieldErrors.one("doneOn", "pilots.errors.future");
    if (m.doneOn === doneOn) return;
    tx.update(t.pilotMilestones).set({ doneOn }).where(eq(t.pilotMilestones.id, milestoneId)).run();
    recordAudit(
      actor,
      {
        entityType: "pilot_project",
        entityId: projectId,
        action: "milestone_done",
        fromState: m.doneOn,
        toState: doneOn,
        details: { milestoneId, title: m.title },
      },
      tx,
    );
  });
}

/**
 * Organizer: adds a budget line (month, item, planned amount typed in major units); returns its id.
 * Once the plan is agreed this is a plan adjustment and needs `why` (as addMilestone).
 */
export function addBudgetLine(actor: Actor, projectId: number, input: { period: string; item: string; planned: string } & AdjustmentFields): number {
  requireOrganizer(actor);
  return immediate(defaultDb(), (tx) => {
    const p = project(tx, projectId);
    const plannedMinor = amount("planned", input.planned, p.currency);
    const dup = tx
      .select({ id: t.pilotBudgetLines.id })
      .from(t.pilotBudgetLines)
      .where(and(eq(t.pilotBudgetLines.projectId, projectId), eq(t.pilotBudgetLines.period, input.period), eq(t.pilotBudgetLines.item, input.item)))
      .get();
    if (dup) throw FieldErrors.one("item", "pilots.errors.lineExists");
    recordPlanChanges(tx, actor, p, [{ kind: "budget_add", subject: `${input.period} · ${input.item}`, from: null, to: String(plannedMinor) }], input);
    const id = tx
      .insert(t.pilotBudgetLines)
      .values({ projectId, period: input.period, item: input.item, plannedMinor })
      .returning({ id: t.pilotBudgetLines.id })
      .get().id;
    recordAudit(
      actor,
      {
        entityType: "pilot_project",
        entityId: projectId,
        action: "budget_add",
        details: { lineId: id, period: input.period, item: input.item, plannedMinor, currency: p.currency },
      },
      tx,
    );
    return id;
  });
}

/** Organizer: records (or corrects) the actual spending of a budget line. */
export function recordActual(actor: Actor, projectId: number, lineId: number, actual: string): void {
  requireOrganizer(actor);
  immediate(defaultDb(), (tx) => {
    const p = project(tx, projectId);
    const line = tx
      .select()
      .from(t.pilotBudgetLines)
      .where(and(eq(t.pilotBudgetLines.id, lineId), eq(t.pilotBudgetLines.projectId, projectId)))
      .get();
    if (!line) throw new NotFoundError("budget line");
    const actualMinor = amount("actual", actual, p.currency);
    if (line.actualMinor === actualMinor) return;
    tx.update(t.pilotBudgetLines).set({ actualMinor }).where(eq(t.pilotBudgetLines.id, lineId)).run();
    recordAudit(
      actor,
      {
        entityType: "pilot_project",
        entityId: projectId,
        action: "budget_actual",
        fromState: line.actualMinor === null ? null : String(line.actualMinor),
        toState: String(actualMinor),
        details: { lineId, period: line.period, item: line.item, currency: p.currency },
      },
      tx,
    );
  });
}

/** Organizer: stores the rate of the project's currency per US dollar on a date (one per date; a second one replaces it). */
export function setExchangeRate(actor: Actor, projectId: number, input: { rate: string; rateOn: string; source?: string }): void {
  requireOrganizer(actor);
  immediate(defaultDb(), (tx) => {
    const p = project(tx, projectId);
    const rate = String(Number(input.rate.trim()));
    const id = tx
      .insert(t.pilotExchangeRates)
      .values({ currency: p.currency, rate, rateOn: input.rateOn, source: input.source ?? "", createdBy: actor.id })
      .onConflictDoUpdate({
        target: [t.pilotExchangeRates.currency, t.pilotExchangeRates.rateOn],
        set: { rate, source: input.source ?? "", createdBy: actor.id },
      })
      .returning({ id: t.pilotExchangeRates.id })
      .get().id;
    recordAudit(
      actor,
      { entityType: "pilot_exchange_rate", entityId: id, action: "set", toState: rate, details: { currency: p.currency, rateOn: input.rateOn } },
      tx,
    );
  });
}

/** The latest stored rate of `currency` (units per 1 USD) with its date, or null. */
export function latestRate(currency: string, tx: Db = defaultDb()) {
  return (
    tx.select().from(t.pilotExchangeRates).where(eq(t.pilotExchangeRates.currency, currency)).orderBy(desc(t.pilotExchangeRates.rateOn)).limit(1).get() ?? null
  );
}
