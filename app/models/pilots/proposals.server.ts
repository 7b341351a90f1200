/**
 * From action plan to pilot (issue 16, item 2). A participant sees the items of their submitted
 * action plans (end-of-visit survey) and may propose one as a pilot project in their village; an
 * organizer sees every submitted item not yet proposed and may open the project form from it.
 * The link lives on the project (action_plan_item_id, unique) and is shown on both sides: the
 * project page names the plan it came from; the participant's plan lists its project.
 */
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { db as defaultDb, immediate, t } from "../../db.server";
import { countryLanguages, defaultTimeZone, isMemberCountry } from "../../domain/countries";
import { currencyOf } from "../../domain/pilots/money.server";
import { LANGUAGES } from "../../domain/vocabulary";
import type { ProposalInput } from "../../forms/pilots";
import { requireOrganizer, type Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { NotFoundError, RuleError } from "../errors";
import { assertItemFree, submittedActionItem } from "./projects.server";

function itemsQuery() {
  return defaultDb()
    .select({
      id: t.actionPlanItems.id,
      action: t.actionPlanItems.action,
      targetOn: t.actionPlanItems.targetOn,
      editionName: t.editions.name,
      editionTranslations: t.editions.translations,
      editionStartsOn: t.editions.startsOn,
      userId: t.applications.userId,
      authorName: t.users.displayName,
      country: t.applications.nationality,
      village: t.applications.village,
      province: t.applications.province,
      district: t.applications.district,
      projectId: t.pilotProjects.id,
      projectTitle: t.pilotProjects.title,
      projectStatus: t.pilotProjects.status,
    })
    .from(t.actionPlanItems)
    .innerJoin(t.surveyResponses, eq(t.surveyResponses.id, t.actionPlanItems.responseId))
    .innerJoin(t.applications, eq(t.applications.id, t.actionPlanItems.applicationId))
    .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
    .innerJoin(t.users, eq(t.users.id, t.applications.userId))
    .leftJoin(t.pilotProjects, eq(t.pilotProjects.actionPlanItemId, t.actionPlanItems.id));
}

/** The participant's own submitted action plan items, newest edition first, each with its pilot project if proposed. */
export function listMyActionItems(actor: Actor) {
  return itemsQuery()
    .where(and(eq(t.applications.userId, actor.id), eq(t.surveyResponses.status, "submitted")))
    .orderBy(desc(t.editions.startsOn), asc(t.actionPlanItems.position))
    .all();
}

/** One of the participant's own submitted items (404 for anyone else's or a draft). */
export function getMyActionItem(actor: Actor, itemId: number) {
  const row = itemsQuery()
    .where(and(eq(t.actionPlanItems.id, itemId), eq(t.applications.userId, actor.id), eq(t.surveyResponses.status, "submitted")))
    .get();
  if (!row) throw new NotFoundError("action plan item");
  return row;
}

/** Organizer: submitted action plan items that are not a pilot project yet. */
export function listProposableItems(actor: Actor) {
  requireOrganizer(actor);
  return itemsQuery()
    .where(and(eq(t.surveyResponses.status, "submitted"), isNull(t.pilotProjects.id)))
    .orderBy(desc(t.editions.startsOn), asc(t.users.displayName), asc(t.actionPlanItems.position))
    .all();
}

/** Organizer: one submitted item for the project form (404 when missing or a draft). */
export function getProposableItem(actor: Actor, itemId: number) {
  requireOrganizer(actor);
  const row = itemsQuery()
    .where(and(eq(t.actionPlanItems.id, itemId), eq(t.surveyResponses.status, "submitted")))
    .get();
  if (!row) throw new NotFoundError("action plan item");
  return row;
}

/**
 * Participant: proposes their own action plan item as a pilot project (status "proposed") in
 * their village. A pilot village of the same country, province and name (ignoring case) is
 * reused; otherwise one is created in the participant's country with its default zone and
 * languages. The participant becomes the project's local lead. Someone else's item, or a draft,
 * is 404; an item already proposed is RuleError `pilots.errors.alreadyProposed`. Returns the id.
 */
export function proposeFromAction(actor: Actor, itemId: number, input: ProposalInput): number {
  return immediate(defaultDb(), (tx) => {
    const item = submittedActionItem(tx, itemId);
    if (!item || item.userId !== actor.id) throw new NotFoundError("action plan item");
    assertItemFree(tx, item.id);
    const country = item.nationality;
    if (!country || !isMemberCountry(country)) throw new RuleError("pilots.errors.noCountry");
    let village = tx
      .select()
      .from(t.pilotVillages)
      .where(
        and(
          eq(t.pilotVillages.countryCode, country),
          sql`lower(${t.pilotVillages.province}) = lower(${input.province})`,
          sql`(lower(${t.pilotVillages.name}) = lower(${input.villageName}) or lower(${t.pilotVillages.nameLatin}) = lower(${input.villageName}))`,
        ),
      )
      .get();
    if (!village) {
      const languages = countryLanguages(country).filter((l): l is (typeof LANGUAGES)[number] => (LANGUAGES as readonly string[]).includes(l));
      village = tx
        .insert(t.pilotVillages)
        .values({
          name: input.villageName,
          countryCode: country,
          province: input.province,
          district: input.district ?? "",
          languages,
          timeZone: defaultTimeZone(country),
        })
        .returning()
        .get();
      recordAudit(actor, { entityType: "pilot_village", entityId: village.id, action: "create", details: { countryCode: country, fromProposal: true } }, tx);
    }
    const id = tx
      .insert(t.pilotProjects)
      .values({
        villageId: village.id,
        title: input.title,
        component: input.component,
        componentOther: input.component === "other" ? (input.componentOther ?? "") : "",
        objectives: input.objectives,
        currency: currencyOf(country),
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        localLeadUserId: actor.id,
        actionPlanItemId: item.id,
        proposedByUserId: actor.id,
      })
      .returning({ id: t.pilotProjects.id })
      .get().id;
    recordAudit(
      actor,
      { entityType: "pilot_project", entityId: id, action: "propose", toState: "proposed", details: { villageId: village.id, actionPlanItemId: item.id } },
      tx,
    );
    return id;
  });
}
