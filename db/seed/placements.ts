/**
 * Demo placements of the in-person (Yunnan) edition: the placement engine (optimal mode) run on
 * the accepted participants, saved with a realistic mix of states so the organizer's board, the
 * host's "who is coming" and a participant's offer page all have something to show:
 * - most placements offered (reply-by 10 days from today, site time), several accepted, two
 *   declined (their seats free again, so the board suggests waitlisted applicants), two still
 *   proposed;
 * - one locked placement with an override reason: a Chinese co-learner (her endorsed application
 *   accepted by an organizer, audited) placed in the host country, the own-country rule overridden;
 * - the demo applicant sari.id@vlx.demo holds an offer to accept or decline.
 * Deterministic: the engine is deterministic and the mix follows the application ids.
 * Exported for other seeds (training, attendance, evaluation) that want accepted placements.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { addDays } from "../../app/domain/dates";
import { solvePlacement } from "../../app/domain/placement";
import { buildInstance } from "../../app/models/placement/board.server";
import type { Db } from "../client";
import * as t from "../schema";

export const DEMO_OFFER_EMAIL = "sari.id@vlx.demo";

export type SeededPlacements = { offered: number; accepted: number; declined: number; proposed: number; override: number | null };

export function seedPlacements(tx: Db, editionId: number, today: string, organizerId: number, now: Date = new Date()): SeededPlacements {
  const iso = (daysAgo: number, hour: number) => new Date(now.getTime() - daysAgo * 86_400_000 - hour * 3_600_000).toISOString();
  const audit = (
    entityId: number,
    action: string,
    fromState: string | null,
    toState: string,
    at: string,
    actorUserId: number | null,
    extra: { reason?: string; details?: Record<string, unknown> } = {},
  ) =>
    tx
      .insert(t.auditEvents)
      .values({ at, actorUserId, entityType: "placement", entityId, action, fromState, toState, reason: extra.reason ?? null, details: extra.details ?? null })
      .run();

  const { instance } = buildInstance(editionId, { acceptUnranked: true }, tx);
  const visits = tx.select().from(t.exchangeVisits).where(eq(t.exchangeVisits.editionId, editionId)).all();
  const byTitle = (word: string) => visits.find((v) => v.title.includes(word)) ?? visits[0];

  // The demo applicant gets the tea cooperative (her themes: cooperatives, rural tourism).
  const sari = tx
    .select({ id: t.applications.id, userId: t.applications.userId })
    .from(t.applications)
    .innerJoin(t.users, eq(t.users.id, t.applications.userId))
    .where(and(eq(t.users.email, DEMO_OFFER_EMAIL), eq(t.applications.editionId, editionId)))
    .get();
  if (sari && visits.length) instance.locked = { ...instance.locked, [String(sari.id)]: String(byTitle("Tea").id) };
  const result = solvePlacement(instance, { mode: "optimal", explain: false });

  const placed = Object.entries(result.assignment)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([pid, vid]) => ({ applicationId: Number(pid), visitId: Number(vid) }))
    .sort((a, b) => a.applicationId - b.applicationId);
  const userOf = new Map(
    tx
      .select({ id: t.applications.id, userId: t.applications.userId })
      .from(t.applications)
      .where(eq(t.applications.editionId, editionId))
      .all()
      .map((a) => [a.id, a.userId]),
  );

  const out: SeededPlacements = { offered: 0, accepted: 0, declined: 0, proposed: 0, override: null };
  const replyBy = addDays(today, 10);
  const others = placed.filter((p) => p.applicationId !== sari?.id);
  // Every 4th (from the 2nd) accepted, two declined, the last two still proposed; the rest offered.
  const statusOf = (i: number): "accepted" | "declined" | "proposed" | "offered" => {
    if (i >= others.length - 2) return "proposed";
    if (i === 2 || i === 9) return "declined";
    if (i % 4 === 1) return "accepted";
    return "offered";
  };
  const rows = [
    ...others.map((p, i) => ({ ...p, status: statusOf(i) })),
    ...(sari ? placed.filter((p) => p.applicationId === sari.id).map((p) => ({ ...p, status: "offered" as const })) : []),
  ];
  for (const r of rows) {
    const sent = r.status !== "proposed";
    const id = tx
      .insert(t.placements)
      .values({
        visitId: r.visitId,
        applicationId: r.applicationId,
        status: r.status,
        replyBy: sent ? replyBy : null,
        offeredAt: sent ? iso(4, 2) : null,
        respondedAt: r.status === "accepted" || r.status === "declined" ? iso(2, (r.applicationId % 5) + 1) : null,
        createdBy: organizerId,
        createdAt: iso(5, 3),
        updatedAt: iso(2, 0),
      })
      .returning({ id: t.placements.id })
      .get().id;
    audit(id, "propose", null, "proposed", iso(5, 3), organizerId, { details: { mode: "optimal" } });
    if (sent) audit(id, "offer", "proposed", "offered", iso(4, 2), organizerId, { details: { replyBy } });
    if (r.status === "accepted" || r.status === "declined") {
      const reason = r.status === "declined" ? "Harvest season at home: I cannot leave the village that week." : undefined;
      audit(id, r.status === "accepted" ? "accept" : "decline", "offered", r.status, iso(2, (r.applicationId % 5) + 1), userOf.get(r.applicationId) ?? null, {
        reason,
      });
    }
    out[r.status] += 1;
  }

  // A Chinese co-learner (the edition's description: Chinese leaders join as co-learners): an
  // organizer accepts her endorsed application and places her by hand in the host country, the
  // own-country rule overridden with a written reason; the placement is locked and audited.
  const declinedVisit = rows.find((r) => r.status === "declined")?.visitId;
  const cn = tx
    .select({ id: t.applications.id })
    .from(t.applications)
    .where(and(eq(t.applications.editionId, editionId), inArray(t.applications.status, ["endorsed", "accepted"]), eq(t.applications.nationality, "CN")))
    .orderBy(t.applications.id)
    .get();
  if (cn && declinedVisit) {
    const app = tx.select().from(t.applications).where(eq(t.applications.id, cn.id)).get()!;
    if (app.status === "endorsed") {
      const last = tx
        .select({ at: t.auditEvents.at })
        .from(t.auditEvents)
        .where(and(eq(t.auditEvents.entityType, "application"), eq(t.auditEvents.entityId, cn.id)))
        .orderBy(desc(t.auditEvents.id))
        .get();
      const from = last ? Date.parse(last.at) : now.getTime() - 3 * 86_400_000;
      const at = new Date(from + Math.max(60_000, Math.floor((now.getTime() - 3_600_000 - from) / 2))).toISOString();
      tx.update(t.applications).set({ status: "accepted", statusReason: null, updatedAt: at }).where(eq(t.applications.id, cn.id)).run();
      tx.insert(t.auditEvents)
        .values({ at, actorUserId: organizerId, entityType: "application", entityId: cn.id, action: "accept", fromState: "endorsed", toState: "accepted" })
        .run();
    }
    const reason = "Co-learner from the host country: joins the group as a peer facilitator for the host families (agreed with the county).";
    const id = tx
      .insert(t.placements)
      .values({
        visitId: declinedVisit,
        applicationId: cn.id,
        status: "proposed",
        locked: true,
        overrideReason: reason,
        createdBy: organizerId,
        createdAt: iso(1, 4),
        updatedAt: iso(1, 4),
      })
      .returning({ id: t.placements.id })
      .get().id;
    audit(id, "assign_override", null, "proposed", iso(1, 4), organizerId, {
      reason,
      details: { applicationId: cn.id, visitId: declinedVisit, rulesBroken: [{ code: "own_country", country: "CN" }] },
    });
    out.override = id;
  }
  return out;
}
