/**
 * A participant's itinerary (issue 5): for each of their accepted applications, the visits they
 * hold an accepted placement on (arrival, departure) and the trainings they attend: every
 * edition-wide training of the edition, the trainings of their visits, and the 'enrol' trainings
 * they enrolled in (or wait for). Drafts are not shown. Times are read in the venue's zone; the
 * home zone is the user's own zone, else the default zone of their nationality.
 */
import { and, eq, inArray, ne, or } from "drizzle-orm";
import { db, t, type Db } from "../../db.server";
import { defaultTimeZone } from "../../domain/countries";
import type { Translations } from "../../domain/local-text";
import type { Actor } from "../actor";
import { listTrainingRows, type TrainingListRow } from "./list.server";

export type ItineraryVisit = {
  id: number;
  title: string;
  /** Other languages of the visit's title and notes (English is `title`). */
  translations: Translations<"title" | "notes">;
  arrivalOn: string;
  departureOn: string;
  siteName: string;
  siteNameLatin: string;
  /** The site's translations; only `name` is used here (issue 11). */
  siteTranslations: Translations<"name" | "description" | "accessibility">;
  province: string;
  countryCode: string;
  timeZone: string;
  updatedAt: string;
};

export type ItineraryTraining = TrainingListRow & { enrolment: "enrolled" | "waitlisted" | null; position: number | null };

export type ParticipantPlan = {
  applicationId: number;
  editionId: number;
  editionName: string;
  /** Other languages of the edition's name and description. */
  editionTranslations: Translations<"name" | "description">;
  nationality: string | null;
  visits: ItineraryVisit[];
  trainings: ItineraryTraining[];
  /** 'enrol' trainings the person may still join. */
  open: TrainingListRow[];
};

/** Accepted applications of the user, newest edition first. */
function acceptedApplications(tx: Db, userId: number) {
  return tx
    .select({
      id: t.applications.id,
      editionId: t.applications.editionId,
      editionName: t.editions.name,
      editionTranslations: t.editions.translations,
      nationality: t.applications.nationality,
      startsOn: t.editions.startsOn,
    })
    .from(t.applications)
    .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
    .where(and(eq(t.applications.userId, userId), eq(t.applications.status, "accepted")))
    .all()
    .sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1));
}

/** The columns of an exchange visit joined with its host site, as itineraries and feeds show it. */
export const visitWithSiteColumns = {
  id: t.exchangeVisits.id,
  title: t.exchangeVisits.title,
  translations: t.exchangeVisits.translations,
  arrivalOn: t.exchangeVisits.arrivalOn,
  departureOn: t.exchangeVisits.departureOn,
  siteName: t.hostSites.name,
  siteNameLatin: t.hostSites.nameLatin,
  siteTranslations: t.hostSites.translations,
  province: t.hostSites.province,
  countryCode: t.hostSites.countryCode,
  timeZone: t.hostSites.timeZone,
  updatedAt: t.exchangeVisits.updatedAt,
};

/** The plan of one accepted application: its visits and trainings. */
export function planOf(
  tx: Db,
  app: { id: number; editionId: number; editionName: string; editionTranslations?: Translations<"name" | "description">; nationality: string | null },
): ParticipantPlan {
  const visits: ItineraryVisit[] = tx
    .select(visitWithSiteColumns)
    .from(t.placements)
    .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
    .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
    .where(and(eq(t.placements.applicationId, app.id), eq(t.placements.status, "accepted"), ne(t.exchangeVisits.status, "cancelled")))
    .all()
    .sort((a, b) => (a.arrivalOn < b.arrivalOn ? -1 : 1));
  const visitIds = visits.map((v) => v.id);
  const enrolments = tx
    .select({ trainingId: t.trainingEnrolments.trainingSessionId, status: t.trainingEnrolments.status, position: t.trainingEnrolments.position })
    .from(t.trainingEnrolments)
    .where(and(eq(t.trainingEnrolments.applicationId, app.id), ne(t.trainingEnrolments.status, "cancelled")))
    .all();
  const enrolledIds = enrolments.map((e) => e.trainingId);
  const candidates = tx
    .select({ id: t.trainingSessions.id, audience: t.trainingSessions.audience, visitId: t.trainingSessions.visitId })
    .from(t.trainingSessions)
    .where(
      and(
        eq(t.trainingSessions.editionId, app.editionId),
        ne(t.trainingSessions.status, "draft"),
        or(
          eq(t.trainingSessions.audience, "edition"),
          visitIds.length ? inArray(t.trainingSessions.visitId, visitIds) : undefined,
          enrolledIds.length ? inArray(t.trainingSessions.id, enrolledIds) : undefined,
        ),
      ),
    )
    .all();
  const mine = new Set<number>();
  const open = new Set<number>();
  for (const c of candidates) {
    if (c.audience === "edition" || (c.audience === "visit" && c.visitId !== null && visitIds.includes(c.visitId)) || enrolledIds.includes(c.id))
      mine.add(c.id);
    else if (c.audience === "enrol" && (c.visitId === null || visitIds.includes(c.visitId))) open.add(c.id);
  }
  // 'enrol' trainings of the edition (no visit) the person has not joined are open to them too.
  for (const r of tx
    .select({ id: t.trainingSessions.id })
    .from(t.trainingSessions)
    .where(and(eq(t.trainingSessions.editionId, app.editionId), eq(t.trainingSessions.audience, "enrol"), eq(t.trainingSessions.status, "scheduled")))
    .all())
    if (!mine.has(r.id)) open.add(r.id);
  const rows = listTrainingRows(tx, { ids: [...mine, ...open] });
  const byId = new Map(enrolments.map((e) => [e.trainingId, e]));
  const openRows = rows.filter((r) => open.has(r.id) && r.status === "scheduled" && (r.visitId === null || visitIds.includes(r.visitId)));
  return {
    applicationId: app.id,
    editionId: app.editionId,
    editionName: app.editionName,
    editionTranslations: app.editionTranslations ?? {},
    nationality: app.nationality,
    visits,
    trainings: rows
      .filter((r) => mine.has(r.id))
      .map((r) => {
        const e = byId.get(r.id);
        return { ...r, enrolment: e && e.status !== "cancelled" ? e.status : null, position: e?.position ?? null };
      }),
    open: openRows,
  };
}

/** The signed-in person's itinerary across their accepted applications, and their home zone. */
export function getItinerary(actor: Actor): { homeZone: string | null; plans: ParticipantPlan[] } {
  const tx = db();
  const apps = acceptedApplications(tx, actor.id);
  const plans = apps.map((a) => planOf(tx, a));
  const nationality = apps.find((a) => a.nationality)?.nationality ?? null;
  const homeZone = actor.timeZone || (nationality ? defaultTimeZone(nationality) : null);
  return { homeZone, plans };
}

/** Whether a training belongs to the actor's itinerary or is open to them; with their application. */
export function participantTraining(actor: Actor, trainingId: number) {
  const { plans, homeZone } = getItinerary(actor);
  for (const p of plans) {
    const mine = p.trainings.find((x) => x.id === trainingId);
    if (mine) return { plan: p, training: mine as TrainingListRow, mine: true, homeZone };
    const open = p.open.find((x) => x.id === trainingId);
    if (open) return { plan: p, training: open, mine: false, homeZone };
  }
  return null;
}
