/** The signed-in participant's surveys across their editions (the "My surveys" page). */
import { and, eq } from "drizzle-orm";
import { db, t } from "../../db.server";
import { periodFor } from "../../domain/evaluation/timing";
import { localText } from "../../domain/evaluation/text";
import { pickField } from "../../domain/local-text";
import type { Actor } from "../actor";
import { editionStays, listEditionSurveys, surveyTiming } from "./surveys.server";
import { currentTemplate } from "./templates.server";

export function listMySurveys(actor: Pick<Actor, "id">, lng: string, now = new Date()) {
  const apps = db()
    .select({ id: t.applications.id, editionId: t.applications.editionId, editionName: t.editions.name, editionTranslations: t.editions.translations, startsOn: t.editions.startsOn })
    .from(t.applications)
    .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
    .where(and(eq(t.applications.userId, actor.id), eq(t.applications.status, "accepted")))
    .all()
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  const mine = db().select().from(t.surveyResponses).where(eq(t.surveyResponses.userId, actor.id)).all();
  return apps
    .map((a) => {
      const stay = editionStays(a.editionId).find((s) => s.applicationId === a.id)!;
      const surveys = listEditionSurveys(a.editionId).map((s) => {
        const timing = surveyTiming(s, stay, now);
        const period = periodFor(s.stage, timing.today);
        const response = mine.find((r) => r.surveyId === s.id && r.period === period);
        const answeredDays = s.stage === "pulse" ? mine.filter((r) => r.surveyId === s.id && r.status === "submitted").length : 0;
        return {
          id: s.id,
          stage: s.stage,
          monthsAfter: s.monthsAfter,
          title: localText(currentTemplate(s.templateFamily).title, lng),
          opensOn: timing.window.opensOn,
          closesOn: timing.window.closesOn,
          state: timing.state,
          response: response ? response.status : null,
          answeredDays,
        };
      });
      // The edition name in the reader's language (else English), issue 11 item 8.
      return { applicationId: a.id, editionId: a.editionId, editionName: pickField(a.editionName, a.editionTranslations, "name", lng).text, surveys };
    })
    .filter((e) => e.surveys.length > 0);
}

/** Surveys the participant can answer now (open and not submitted): for the status page's link block. */
export function countOpenSurveys(actor: Pick<Actor, "id">, now = new Date()): number {
  return listMySurveys(actor, "en", now).reduce((n, e) => n + e.surveys.filter((s) => s.state === "open" && s.response !== "submitted").length, 0);
}
