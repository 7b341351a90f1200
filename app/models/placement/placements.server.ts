/**
 * Placements, the organizer's side (issue 4): manual changes (assign, move, unassign, lock,
 * unlock), cancelling a placement with a reason, publishing proposals as offers with a reply-by
 * date, and placing people from the waiting list on freed seats.
 *
 * Every manual change is checked against the hard rules of the placement engine
 * (`hardRuleFailures`: own country, dates inside the availability, a shared or interpreted
 * language) and against the database's seat counts (capacity and per-country cap over the
 * placements that hold a seat: proposed, offered, accepted), in one BEGIN IMMEDIATE transaction
 * with its write. Breaking a hard rule needs a written reason (overrideReason), locks the
 * placement (so a re-run keeps it) and is audited with the rules broken. Capacity and the
 * country cap can never be overridden. Out of scope (not an organizer, unknown id): NotFound.
 */
import { and, asc, eq } from "drizzle-orm";
import { db, immediate, t } from "../../db.server";
import { isIsoDate, todayIn } from "../../domain/dates";
import { pickField, siteNameShown, visitTitleShown } from "../../domain/local-text";
import { hardRuleFailures } from "../../domain/placement";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { auditTrail, recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError, RuleError } from "../errors";
import { loadBoardData, personOf, SEATS, toEngineVisit, toParticipant } from "./instance.server";
import { decide } from "../applications/review.server";
import { checkSeat, loadPlacement, loadVisit, mailParticipant, requirePlacement } from "./checks.server";

export { overrideErrors } from "./checks.server";

export type AssignInput = { applicationId: number; visitId: number; reason?: string | null; lock?: boolean };

/** Organizer: places an accepted participant who holds no seat (status proposed, locked by default). */
export function assignParticipant(actor: Actor, input: AssignInput): number {
  requireOrganizer(actor);
  return immediate(db(), (tx) => {
    const app = Number.isInteger(input.applicationId) ? tx.select().from(t.applications).where(eq(t.applications.id, input.applicationId)).get() : undefined;
    const target = loadVisit(tx, input.visitId);
    if (!app || !target) throw new NotFoundError("placement");
    const failures = checkSeat(tx, app, target, input.reason);
    const override = failures.length > 0;
    const id = tx
      .insert(t.placements)
      .values({
        visitId: target.visit.id,
        applicationId: app.id,
        status: "proposed",
        locked: override || input.lock !== false,
        overrideReason: override ? input.reason!.trim() : null,
        createdBy: actor.id,
      })
      .returning({ id: t.placements.id })
      .get().id;
    recordAudit(
      actor,
      {
        entityType: "placement",
        entityId: id,
        action: override ? "assign_override" : "assign",
        toState: "proposed",
        reason: override ? input.reason!.trim() : input.reason?.trim() || null,
        details: { applicationId: app.id, visitId: target.visit.id, rulesBroken: failures },
      },
      tx,
    );
    return id;
  });
}

/**
 * Organizer: moves a placement to another visit of the edition. A proposal moves in place; an
 * offered or accepted placement is cancelled ("moved") and a new proposal made (a new offer is
 * needed). The new place is locked; a hard rule broken needs a reason, as for assign.
 */
export function movePlacement(actor: Actor, placementId: number, input: { visitId: number; reason?: string | null }): number {
  return immediate(db(), (tx) => {
    const row = requirePlacement(tx, actor, placementId);
    if (!SEATS.includes(row.p.status)) throw new RuleError("placement.errors.notHolding", { status: row.p.status });
    const target = loadVisit(tx, input.visitId);
    if (!target) throw new NotFoundError("visit");
    if (target.visit.id === row.p.visitId) throw new RuleError("placement.errors.sameVisit");
    const failures = checkSeat(tx, row.app, target, input.reason, row.p.id);
    const override = failures.length > 0;
    const reason = input.reason?.trim() || null;
    const at = new Date().toISOString();
    const details = { applicationId: row.app.id, fromVisitId: row.p.visitId, visitId: target.visit.id, rulesBroken: failures };
    if (row.p.status === "proposed") {
      tx.update(t.placements)
        .set({ visitId: target.visit.id, locked: true, overrideReason: override ? reason : null, updatedAt: at })
        .where(eq(t.placements.id, row.p.id))
        .run();
      recordAudit(
        actor,
        {
          entityType: "placement",
          entityId: row.p.id,
          action: override ? "move_override" : "move",
          fromState: "proposed",
          toState: "proposed",
          reason,
          details,
        },
        tx,
      );
      return row.p.id;
    }
    tx.update(t.placements).set({ status: "cancelled", updatedAt: at }).where(eq(t.placements.id, row.p.id)).run();
    recordAudit(
      actor,
      {
        entityType: "placement",
        entityId: row.p.id,
        action: "cancel",
        fromState: row.p.status,
        toState: "cancelled",
        reason: `moved: ${reason ?? ""}`.trim(),
        details,
      },
      tx,
    );
    const id = tx
      .insert(t.placements)
      .values({
        visitId: target.visit.id,
        applicationId: row.app.id,
        status: "proposed",
        locked: true,
        overrideReason: override ? reason : null,
        createdBy: actor.id,
      })
      .returning({ id: t.placements.id })
      .get().id;
    recordAudit(
      actor,
      {
        entityType: "placement",
        entityId: id,
        action: override ? "move_override" : "move",
        toState: "proposed",
        reason,
        details: { ...details, fromPlacementId: row.p.id },
      },
      tx,
    );
    return id;
  });
}

/** Organizer: removes a proposal that was never sent (an offered or accepted one is cancelled instead). */
export function unassignPlacement(actor: Actor, placementId: number): number {
  return immediate(db(), (tx) => {
    const row = requirePlacement(tx, actor, placementId);
    if (row.p.status !== "proposed") throw new RuleError("placement.errors.onlyProposed");
    tx.delete(t.placements).where(eq(t.placements.id, row.p.id)).run();
    recordAudit(
      actor,
      {
        entityType: "placement",
        entityId: row.p.id,
        action: "unassign",
        fromState: "proposed",
        details: { applicationId: row.app.id, visitId: row.p.visitId },
      },
      tx,
    );
    return row.visit.editionId;
  });
}

/** Organizer: locks (a re-run keeps it) or unlocks a placement that holds a seat. */
export function setPlacementLock(actor: Actor, placementId: number, locked: boolean): void {
  immediate(db(), (tx) => {
    const row = requirePlacement(tx, actor, placementId);
    if (!SEATS.includes(row.p.status)) throw new RuleError("placement.errors.notHolding", { status: row.p.status });
    if (row.p.locked === locked) return;
    tx.update(t.placements).set({ locked, updatedAt: new Date().toISOString() }).where(eq(t.placements.id, row.p.id)).run();
    recordAudit(actor, { entityType: "placement", entityId: row.p.id, action: locked ? "lock" : "unlock", fromState: row.p.status, toState: row.p.status }, tx);
  });
}

/** Organizer: cancels a placement in any state but cancelled, with a reason; the seat is free again. Mails the participant if they had an offer. */
export async function cancelPlacement(actor: Actor, placementId: number, reason: string | null | undefined): Promise<void> {
  if (!reason?.trim()) {
    requirePlacement(db(), actor, placementId);
    throw FieldErrors.one("reason", "errors.required");
  }
  const row = immediate(db(), (tx) => {
    const r = requirePlacement(tx, actor, placementId);
    if (r.p.status === "cancelled") throw new RuleError("placement.errors.alreadyCancelled");
    tx.update(t.placements).set({ status: "cancelled", updatedAt: new Date().toISOString() }).where(eq(t.placements.id, r.p.id)).run();
    recordAudit(actor, { entityType: "placement", entityId: r.p.id, action: "cancel", fromState: r.p.status, toState: "cancelled", reason: reason.trim() }, tx);
    return r;
  });
  if (row.p.status === "offered" || row.p.status === "accepted") {
    await mailParticipant(row, "cancelled", { reason: reason.trim() });
  }
}

/**
 * Organizer: sends the edition's proposals as offers (proposed -> offered) with a reply-by date
 * (`YYYY-MM-DD`, read in each visit site's zone): not in the past there, and before the visit's
 * arrival. Re-checks every visit's seats and country caps first; mails each participant in
 * their language. Returns how many offers were sent.
 */
export async function publishOffers(actor: Actor, editionId: number, replyBy: string, now: Date = new Date()): Promise<number> {
  requireOrganizer(actor);
  if (!isIsoDate(replyBy)) throw FieldErrors.one("replyBy", "errors.date");
  const sent = immediate(db(), (tx) => {
    const data = loadBoardData(editionId, tx);
    const visits = new Map(data.visits.map((v) => [v.visit.id, v]));
    const proposed = data.placements.filter(({ p, appStatus }) => p.status === "proposed" && appStatus === "accepted");
    if (!proposed.length) throw new RuleError("placement.errors.nothingToPublish");
    for (const { p } of proposed) {
      const v = visits.get(p.visitId)!;
      if (replyBy < todayIn(v.site.timeZone, now)) throw FieldErrors.one("replyBy", "placement.errors.replyByPast");
      if (replyBy >= v.visit.arrivalOn) throw FieldErrors.one("replyBy", `placement.errors.replyByAfterArrival|${JSON.stringify({ date: v.visit.arrivalOn })}`);
    }
    for (const v of data.visits) {
      const held = data.placements.filter(({ p }) => p.visitId === v.visit.id && SEATS.includes(p.status));
      if (held.length > v.visit.capacity) throw new RuleError("placement.errors.visitOver", { visit: v.visit.title || `#${v.visit.id}` });
      const per = new Map<string, number>();
      for (const h of held) per.set(h.nationality ?? "", (per.get(h.nationality ?? "") ?? 0) + 1);
      if ([...per.values()].some((n) => n > v.visit.perCountryCap))
        throw new RuleError("placement.errors.visitOver", { visit: v.visit.title || `#${v.visit.id}` });
    }
    const at = now.toISOString();
    for (const { p } of proposed) {
      tx.update(t.placements)
        .set({ status: "offered", replyBy, offeredAt: at, updatedAt: at })
        .where(and(eq(t.placements.id, p.id), eq(t.placements.status, "proposed")))
        .run();
      recordAudit(actor, { entityType: "placement", entityId: p.id, action: "offer", fromState: "proposed", toState: "offered", details: { replyBy } }, tx);
    }
    return proposed.map(({ p }) => p.id);
  });
  for (const id of sent) {
    const row = loadPlacement(db(), id);
    if (row) await mailParticipant(row, "offer");
  }
  return sent.length;
}

/**
 * Organizer: accepts a waitlisted application (the review decision, app/models/applications/review.server.ts
 * `decide`, audited and mailed there) and places it at `visitId` (as `assignParticipant`). The
 * seat is checked before the decision, so a full visit refuses without accepting anyone.
 */
export async function acceptFromWaitlist(actor: Actor, applicationId: number, visitId: number): Promise<number> {
  requireOrganizer(actor);
  const app = Number.isInteger(applicationId) ? db().select().from(t.applications).where(eq(t.applications.id, applicationId)).get() : undefined;
  const target = loadVisit(db(), visitId);
  if (!app || !target || target.visit.editionId !== app.editionId) throw new NotFoundError("application");
  if (app.status !== "waitlisted") throw new RuleError("placement.errors.notWaitlisted");
  checkSeat(db(), { ...app, status: "accepted" }, target, null);
  await decide(actor, applicationId, "accept");
  return assignParticipant(actor, { applicationId, visitId, lock: true });
}

/**
 * Organizer: one placement with its participant, visit, the rules it breaks, the visits it could
 * move to (titles for a reader of `lng`), and its audit trail.
 */
export function getPlacementForOrganizer(actor: Actor, placementId: number, lng = "en") {
  const row = requirePlacement(db(), actor, placementId);
  const participant = toParticipant(row.app);
  const visits = db()
    .select({ visit: t.exchangeVisits, site: t.hostSites })
    .from(t.exchangeVisits)
    .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
    .where(and(eq(t.exchangeVisits.editionId, row.visit.editionId), eq(t.exchangeVisits.status, "planned")))
    .orderBy(asc(t.exchangeVisits.arrivalOn), asc(t.exchangeVisits.id))
    .all();
  return {
    placement: row.p,
    app: row.app,
    person: personOf(row.app),
    visit: row.visit,
    site: row.site,
    rulesBroken: participant ? hardRuleFailures(participant, toEngineVisit(row.visit, row.site.countryCode)) : [],
    moveTargets: visits
      .filter((v) => v.visit.id !== row.visit.id)
      .map((v) => ({
        id: v.visit.id,
        title: pickField(v.visit.title, v.visit.translations, "title", lng).text,
        siteName: siteNameShown(v.site, lng).text,
        /** The language of the name shown for the visit (its title, else its site's name). */
        lang: visitTitleShown(v.visit.title, v.visit.translations, siteNameShown(v.site, lng), lng).lang,
        countryCode: v.site.countryCode,
        arrivalOn: v.visit.arrivalOn,
        departureOn: v.visit.departureOn,
        rulesBroken: participant ? hardRuleFailures(participant, toEngineVisit(v.visit, v.site.countryCode)).map((r) => r.code) : [],
      })),
    trail: auditTrail("placement", row.p.id),
  };
}
