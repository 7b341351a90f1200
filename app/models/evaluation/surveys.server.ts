/**
 * The surveys an edition runs (one per stage; follow-ups at months set per edition) and the
 * participants they ask: the edition's accepted applications, each with their stay (the accepted
 * placements' visit dates in the host site's zone, or the edition's dates and zone when online).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { db as defaultDb, immediate, preparedQuery, t, type Db } from "../../db.server";
import type { SurveyStage } from "../../../db/schema/evaluation";
import { stageWindow, windowState, type StageWindow } from "../../domain/evaluation/timing";
import { todayIn } from "../../domain/dates";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { NotFoundError } from "../errors";
import { currentTemplate } from "./templates.server";

export type EditionSurvey = typeof t.editionSurveys.$inferSelect;

export type Stay = {
  applicationId: number;
  userId: number;
  editionId: number;
  email: string;
  locale: string;
  name: string;
  country: string;
  gender: string;
  role: string;
  hostSiteId: number | null;
  hostSite: string;
  arrivalOn: string;
  departureOn: string;
  timeZone: string;
};

/** The edition's participants with their stay, in application order. */
export function editionStays(editionId: number, tx: Db = defaultDb()): Stay[] {
  return loadStays(editionId, tx);
}

/**
 * One accepted application's stay, as `editionStays(editionId).find(s => s.applicationId ===
 * applicationId)` gives it, without loading everyone else (a participant's own pages ask this on
 * every view). Undefined when the application is not an accepted one of the edition.
 */
export function applicationStay(editionId: number, applicationId: number, tx: Db = defaultDb()): Stay | undefined {
  const ed = editionById(tx).get({ id: editionId });
  if (!ed) throw new NotFoundError("edition");
  const people = onePerson(tx).all({ editionId, applicationId });
  const visits = oneStaysVisits(tx).all({ editionId, applicationId });
  return toStays(ed, people, visits)[0];
}

// The same queries as loadStays narrowed to one application, compiled once per connection.
const editionById = preparedQuery((d) =>
  d
    .select()
    .from(t.editions)
    .where(eq(t.editions.id, sql.placeholder("id")))
    .prepare(),
);
const onePerson = preparedQuery((d) =>
  d
    .select({ a: t.applications, u: t.users })
    .from(t.applications)
    .innerJoin(t.users, eq(t.users.id, t.applications.userId))
    .where(
      and(
        eq(t.applications.editionId, sql.placeholder("editionId")),
        eq(t.applications.status, "accepted"),
        eq(t.applications.id, sql.placeholder("applicationId")),
      ),
    )
    .orderBy(asc(t.applications.id))
    .prepare(),
);
const oneStaysVisits = preparedQuery((d) =>
  d
    .select({ applicationId: t.placements.applicationId, v: t.exchangeVisits, s: t.hostSites })
    .from(t.placements)
    .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
    .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
    .where(
      and(
        eq(t.exchangeVisits.editionId, sql.placeholder("editionId")),
        eq(t.placements.status, "accepted"),
        eq(t.placements.applicationId, sql.placeholder("applicationId")),
      ),
    )
    .orderBy(asc(t.exchangeVisits.arrivalOn))
    .prepare(),
);

type StayPerson = { a: typeof t.applications.$inferSelect; u: typeof t.users.$inferSelect };
type StayVisit = { applicationId: number; v: typeof t.exchangeVisits.$inferSelect; s: typeof t.hostSites.$inferSelect };

function loadStays(editionId: number, tx: Db): Stay[] {
  const ed = tx.select().from(t.editions).where(eq(t.editions.id, editionId)).get();
  if (!ed) throw new NotFoundError("edition");
  const people = tx
    .select({ a: t.applications, u: t.users })
    .from(t.applications)
    .innerJoin(t.users, eq(t.users.id, t.applications.userId))
    .where(and(eq(t.applications.editionId, editionId), eq(t.applications.status, "accepted")))
    .orderBy(asc(t.applications.id))
    .all();
  const visits = tx
    .select({ applicationId: t.placements.applicationId, v: t.exchangeVisits, s: t.hostSites })
    .from(t.placements)
    .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
    .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
    .where(and(eq(t.exchangeVisits.editionId, editionId), eq(t.placements.status, "accepted")))
    .orderBy(asc(t.exchangeVisits.arrivalOn))
    .all();
  return toStays(ed, people, visits);
}

function toStays(ed: typeof t.editions.$inferSelect, people: StayPerson[], visits: StayVisit[]): Stay[] {
  const editionId = ed.id;
  return people.map(({ a, u }) => {
    const mine = visits.filter((v) => v.applicationId === a.id);
    const first = mine[0];
    return {
      applicationId: a.id,
      userId: u.id,
      editionId,
      email: u.email,
      locale: u.locale,
      name: u.displayName,
      country: a.nationality ?? "",
      gender: a.gender ?? "undisclosed",
      role: a.positionKind ?? "other",
      hostSiteId: first?.s.id ?? null,
      hostSite: first ? first.s.nameLatin || first.s.name : "",
      arrivalOn: first?.v.arrivalOn ?? ed.startsOn,
      departureOn: mine.length
        ? mine
            .map((m) => m.v.departureOn)
            .sort()
            .at(-1)!
        : ed.endsOn,
      timeZone: first?.s.timeZone ?? ed.timeZone,
    };
  });
}

const surveysOfEdition = preparedQuery((d) =>
  d
    .select()
    .from(t.editionSurveys)
    .where(eq(t.editionSurveys.editionId, sql.placeholder("editionId")))
    .orderBy(asc(t.editionSurveys.id))
    .prepare(),
);

export function listEditionSurveys(editionId: number, tx: Db = defaultDb()): EditionSurvey[] {
  return surveysOfEdition(tx)
    .all({ editionId })
    .sort((a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] || a.monthsAfter - b.monthsAfter);
}

export const STAGE_ORDER: Record<SurveyStage, number> = { baseline: 0, pulse: 1, end_of_visit: 2, follow_up: 3 };

export function getEditionSurvey(id: number, tx: Db = defaultDb()): EditionSurvey {
  const s = tx.select().from(t.editionSurveys).where(eq(t.editionSurveys.id, id)).get();
  if (!s) throw new NotFoundError("survey");
  return s;
}

/** The window and state of a survey for one stay on the stay's local date at `now`. */
export function surveyTiming(s: Pick<EditionSurvey, "stage" | "monthsAfter">, stay: Pick<Stay, "arrivalOn" | "departureOn" | "timeZone">, now: Date) {
  const today = todayIn(stay.timeZone, now);
  const window: StageWindow = stageWindow(s.stage, stay, s.monthsAfter);
  return { today, window, state: windowState(window, today) };
}

export type SetupInput = { followUpMonths: number[]; families: Record<SurveyStage, string> };

/**
 * Organizer: sets the edition's surveys: one per stage (with the given template family) and one
 * follow-up per month count. Adds the missing ones; existing surveys (maybe answered) stay.
 */
export function setupEvaluation(actor: Actor, editionId: number, input: SetupInput, tx0?: Db): number {
  requireOrganizer(actor);
  const run = (tx: Db) => {
    if (!tx.select().from(t.editions).where(eq(t.editions.id, editionId)).get()) throw new NotFoundError("edition");
    const existing = listEditionSurveys(editionId, tx);
    const want: { stage: SurveyStage; monthsAfter: number }[] = [
      { stage: "baseline", monthsAfter: 0 },
      { stage: "pulse", monthsAfter: 0 },
      { stage: "end_of_visit", monthsAfter: 0 },
      ...input.followUpMonths.map((m) => ({ stage: "follow_up" as const, monthsAfter: m })),
    ];
    let added = 0;
    for (const w of want) {
      if (existing.some((e) => e.stage === w.stage && e.monthsAfter === w.monthsAfter)) continue;
      const family = input.families[w.stage];
      const tpl = currentTemplate(family, tx);
      if (tpl.stage !== w.stage) throw new NotFoundError("template");
      tx.insert(t.editionSurveys).values({ editionId, stage: w.stage, monthsAfter: w.monthsAfter, templateFamily: family }).run();
      added++;
    }
    recordAudit(
      actor,
      { entityType: "edition", entityId: editionId, action: "evaluation_setup", details: { followUpMonths: input.followUpMonths, added } },
      tx,
    );
    return added;
  };
  return tx0 ? run(tx0) : immediate(defaultDb(), run);
}

/** The accepted application of `actor` in the edition of survey `surveyId`; NotFoundError otherwise. */
export function participantFor(actor: Pick<Actor, "id">, surveyId: number, tx: Db = defaultDb()) {
  const s = getEditionSurvey(surveyId, tx);
  const app = tx
    .select()
    .from(t.applications)
    .where(and(eq(t.applications.editionId, s.editionId), eq(t.applications.userId, actor.id), eq(t.applications.status, "accepted")))
    .get();
  if (!app) throw new NotFoundError("survey");
  return { survey: s, applicationId: app.id };
}

/** The stay of one participant (NotFoundError when not a participant of the edition). */
export function stayOf(editionId: number, applicationId: number, tx: Db = defaultDb()): Stay {
  const stay = editionStays(editionId, tx).find((s) => s.applicationId === applicationId);
  if (!stay) throw new NotFoundError("participant");
  return stay;
}
