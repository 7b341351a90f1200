/**
 * Records for the pilot integration tests: a past edition where a participant submitted an
 * end-of-visit action plan (and one left as a draft), and the village form values of a Lao
 * pilot village.
 */
import { db, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import { ensureStarterTemplates } from "~/models/evaluation/templates.server";
import type { VillageInput } from "~/forms/pilots";

export function pastEdition() {
  return db()
    .insert(t.editions)
    .values({
      name: "9th edition (test)",
      ordinal: 9,
      mode: "in_person",
      hostCountries: ["CN"],
      startsOn: "2026-06-01",
      endsOn: "2026-06-07",
      applicationsOpenOn: "2026-02-01",
      applicationsCloseOn: "2026-04-01",
      timeZone: "Asia/Shanghai",
      themes: ["rural_tourism"],
    })
    .returning({ id: t.editions.id })
    .get().id;
}

/** An accepted participant's end-of-visit response with action plan items; returns the item ids. */
export function actionPlan(editionId: number, who: Actor, cc: string, actions: string[], status: "submitted" | "draft" = "submitted") {
  const families = ensureStarterTemplates();
  const templateId = families["starter-end"];
  const surveyId =
    db()
      .select()
      .from(t.editionSurveys)
      .all()
      .find((s) => s.editionId === editionId && s.stage === "end_of_visit")?.id ??
    db().insert(t.editionSurveys).values({ editionId, stage: "end_of_visit", templateFamily: "starter-end" }).returning({ id: t.editionSurveys.id }).get().id;
  const applicationId = db()
    .insert(t.applications)
    .values({
      editionId,
      userId: who.id,
      status: "accepted",
      givenName: who.displayName,
      nationality: cc,
      village: "Ban Phonsavanh",
      province: "Xieng Khouang",
      district: "Pek",
    })
    .returning({ id: t.applications.id })
    .get().id;
  const responseId = db()
    .insert(t.surveyResponses)
    .values({
      surveyId,
      templateId,
      applicationId,
      userId: who.id,
      stage: "end_of_visit",
      status,
      submittedAt: status === "submitted" ? "2026-06-07T10:00:00.000Z" : null,
    })
    .returning({ id: t.surveyResponses.id })
    .get().id;
  return actions.map(
    (action, position) =>
      db()
        .insert(t.actionPlanItems)
        .values({ responseId, applicationId, position, action, targetOn: "2026-12-31" })
        .returning({ id: t.actionPlanItems.id })
        .get().id,
  );
}

export const LAO_VILLAGE: VillageInput = {
  name: "ບ້ານໂພນສະຫວ່າງ",
  nameLatin: "Ban Phonsavanh",
  countryCode: "LA",
  province: "Xieng Khouang",
  district: "Pek",
  latitude: "19.4514",
  longitude: "103.2189",
  households: 142,
  population: 780,
  languages: ["lo"],
  timeZone: undefined,
  localPartner: "Provincial Rural Development Office",
};
