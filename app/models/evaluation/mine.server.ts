/** The signed-in participant's surveys across their editions (the "My surveys" page). */
import { and, eq, sql } from "drizzle-orm";
import { preparedQuery, t } from "../../db.server";
import { periodFor } from "../../domain/evaluation/timing";
import { localText } from "../../domain/evaluation/text";
import { pickField, pickText } from "../../domain/local-text";
import type { Actor } from "../actor";
import { applicationStay, listEditionSurveys, surveyTiming } from "./surveys.server";
import { currentTemplate } from "./templates.server";

// Asked on every view of the participant's own pages: compiled once per connection.
const acceptedApplications = preparedQuery((d) =>
  d
    .select({
      id: t.applications.id,
      editionId: t.applications.editionId,
      editionName: t.editions.name,
      editionTranslations: t.editions.translations,
      startsOn: t.editions.startsOn,
    })
    .from(t.applications)
    .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
    .where(and(eq(t.applications.userId, sql.placeholder("userId")), eq(t.applications.status, "accepted")))
    .prepare(),
);
const responsesOf = preparedQuery((d) =>
  d
    .select()
    .from(t.surveyResponses)
    .where(eq(t.surveyResponses.userId, sql.placeholder("userId")))
    .prepare(),
);

// Anonymous surveys: only that the person answered (survey_answered), never the answer.
const answeredOf = preparedQuery((d) =>
  d
    .select({ surveyId: t.surveyAnswered.surveyId, period: t.surveyAnswered.period })
    .from(t.surveyAnswered)
    .where(eq(t.surveyAnswered.userId, sql.placeholder("userId")))
    .prepare(),
);

export function listMySurveys(actor: Pick<Actor, "id">, lng: string, now = new Date()) {
  return mySurveys(actor, lng, now, true);
}

/** `withTitles` false skips the template lookups (titles come back empty): for counting only. */
function mySurveys(actor: Pick<Actor, "id">, lng: string, now: Date, withTitles: boolean) {
  const apps = acceptedApplications()
    .all({ userId: actor.id })
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  const mine = responsesOf().all({ userId: actor.id });
  const answered = answeredOf().all({ userId: actor.id });
  return apps
    .map((a) => {
      const stay = applicationStay(a.editionId, a.id)!;
      const surveys = listEditionSurveys(a.editionId).map((s) => {
        const timing = surveyTiming(s, stay, now);
        const period = periodFor(s.stage, timing.today);
        const response =
          mine.find((r) => r.surveyId === s.id && r.period === period) ??
          (answered.some((r) => r.surveyId === s.id && r.period === period) ? { status: "submitted" as const } : undefined);
        const answeredDays =
          s.stage === "pulse"
            ? mine.filter((r) => r.surveyId === s.id && r.status === "submitted").length + answered.filter((r) => r.surveyId === s.id).length
            : 0;
        return {
          id: s.id,
          stage: s.stage,
          monthsAfter: s.monthsAfter,
          title: withTitles ? localText(currentTemplate(s.templateFamily).title, lng) : "",
          titleLang: withTitles ? pickText(currentTemplate(s.templateFamily).title, lng).lang : "en",
          opensOn: timing.window.opensOn,
          closesOn: timing.window.closesOn,
          state: timing.state,
          response: response ? response.status : null,
          answeredDays,
        };
      });
      // The edition name in the reader's language (else English), issue 11 item 8.
      const name = pickField(a.editionName, a.editionTranslations, "name", lng);
      return { applicationId: a.id, editionId: a.editionId, editionName: name.text, editionLang: name.lang, surveys };
    })
    .filter((e) => e.surveys.length > 0);
}

/** Surveys the participant can answer now (open and not submitted): for the status page's link block. */
export function countOpenSurveys(actor: Pick<Actor, "id">, now = new Date()): number {
  return mySurveys(actor, "en", now, false).reduce((n, e) => n + e.surveys.filter((s) => s.state === "open" && s.response !== "submitted").length, 0);
}
