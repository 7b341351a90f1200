/**
 * Anonymous surveys (issue 15 item 9): a template may be anonymous. Its answers are stored in
 * anonymous_responses with only the edition, country, gender, role, the template version, the
 * period and the local day, never the person; a separate survey_answered row (person, survey,
 * period; no time, no reference to the answer) makes each person answer once and lets reminders
 * and tracking know who has answered. Both rows get random ids, so their order cannot be matched.
 * Whether a family is anonymous is fixed once it has answers (RuleError
 * "evaluation.errors.anonymousLocked", 409): the answers already given were kept under the other rule.
 */
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db as defaultDb, immediate, t, type Db } from "../../db.server";
import type { AnswerValue } from "../../../db/schema/evaluation";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { RuleError } from "../errors";
import type { Stay } from "./surveys.server";
import { familyAnswerCount, getTemplate } from "./templates.server";

/** A random positive row id (below 2^48), so ids say nothing about when a row was written. */
export const randomRowId = () => crypto.randomInt(1, 2 ** 48 - 1);

/** Whether `userId` has answered anonymous survey `surveyId` for `period`. */
export function hasAnswered(tx: Db, surveyId: number, userId: number, period: string): boolean {
  return !!tx
    .select({ id: t.surveyAnswered.id })
    .from(t.surveyAnswered)
    .where(and(eq(t.surveyAnswered.surveyId, surveyId), eq(t.surveyAnswered.userId, userId), eq(t.surveyAnswered.period, period)))
    .get();
}

/**
 * Writes an anonymous answer and the person's "has answered" mark in the caller's transaction.
 * `day` is the respondent's local date (`YYYY-MM-DD`), the only time kept. Returns false (nothing
 * written) when the person had already answered.
 */
export function writeAnonymousAnswer(
  tx: Db,
  input: { surveyId: number; templateId: number; stage: (typeof t.anonymousResponses.$inferInsert)["stage"]; period: string; day: string; stay: Stay },
  answers: Record<string, AnswerValue>,
): boolean {
  const mark = tx
    .insert(t.surveyAnswered)
    .values({ id: randomRowId(), surveyId: input.surveyId, userId: input.stay.userId, period: input.period })
    .onConflictDoNothing()
    .returning({ id: t.surveyAnswered.id })
    .get();
  if (!mark) return false;
  tx.insert(t.anonymousResponses)
    .values({
      id: randomRowId(),
      surveyId: input.surveyId,
      editionId: input.stay.editionId,
      templateId: input.templateId,
      stage: input.stage,
      period: input.period,
      country: input.stay.country,
      gender: input.stay.gender,
      role: input.stay.role,
      answers,
      submittedOn: input.day,
    })
    .run();
  return true;
}

/**
 * Organizer: makes a template family anonymous or named (every version). Audited. Throws
 * RuleError "evaluation.errors.superseded" for an old version and "evaluation.errors.anonymousLocked"
 * once any version has answers; NotFoundError for an unknown template.
 */
export function setTemplateAnonymous(actor: Actor, templateId: number, anonymous: boolean): void {
  requireOrganizer(actor);
  immediate(defaultDb(), (tx) => {
    const tpl = getTemplate(templateId, tx);
    if (tpl.supersededAt) throw new RuleError("evaluation.errors.superseded");
    if (tpl.anonymous === anonymous) return;
    if (familyAnswerCount(tpl.family, tx) > 0) throw new RuleError("evaluation.errors.anonymousLocked");
    tx.update(t.surveyTemplates).set({ anonymous }).where(eq(t.surveyTemplates.family, tpl.family)).run();
    recordAudit(
      actor,
      {
        entityType: "survey_template",
        entityId: tpl.id,
        action: "set_anonymous",
        fromState: tpl.anonymous ? "anonymous" : "named",
        toState: anonymous ? "anonymous" : "named",
      },
      tx,
    );
  });
}
