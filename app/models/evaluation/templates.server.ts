/**
 * Survey templates (organizer): questions per stage, each optionally tied to an indicator. A
 * version that responses use is never changed under them: editing it writes the next version of
 * the family and marks the old one superseded; responses keep pointing to their version.
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db as defaultDb, immediate, t, type Db } from "../../db.server";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError, RuleError } from "../errors";
import type { Translations } from "../../domain/local-text";
import type { LocalText, QuestionType, SurveyQuestion, SurveyStage } from "../../../db/schema/evaluation";
import { ensureStarterIndicators } from "./indicators.server";
import { STARTER_TEMPLATES } from "./starter";

export type Template = typeof t.surveyTemplates.$inferSelect;

/** A question tied to an indicator takes the indicator's type, unit and options. */
function fromIndicator(q: Omit<SurveyQuestion, "type"> & { type?: QuestionType }, ind: typeof t.indicators.$inferSelect): SurveyQuestion {
  return { ...q, indicatorId: ind.id, type: ind.type, unit: ind.unit, options: ind.options };
}

/** Adds the starter templates that are missing (by family), with the starter indicators. Idempotent. */
export function ensureStarterTemplates(db: Db = defaultDb()): Record<string, number> {
  const codes = ensureStarterIndicators(db);
  return immediate(db, (tx) => {
    const out: Record<string, number> = {};
    const inds = new Map(
      tx
        .select()
        .from(t.indicators)
        .all()
        .map((i) => [i.id, i]),
    );
    for (const s of STARTER_TEMPLATES) {
      const have = tx.select().from(t.surveyTemplates).where(eq(t.surveyTemplates.family, s.family)).orderBy(desc(t.surveyTemplates.version)).get();
      if (have) {
        out[s.family] = have.id;
        continue;
      }
      const questions = s.questions.map(({ indicator, ...q }) => (indicator ? fromIndicator(q, inds.get(codes[indicator])!) : (q as SurveyQuestion)));
      out[s.family] = tx
        .insert(t.surveyTemplates)
        .values({ family: s.family, version: 1, stage: s.stage, title: s.title, questions })
        .returning({ id: t.surveyTemplates.id })
        .get().id;
    }
    return out;
  });
}

/** The current (not superseded) version of every template family, with how many responses use each family. */
export function listTemplates() {
  const rows = defaultDb()
    .select()
    .from(t.surveyTemplates)
    .where(isNull(t.surveyTemplates.supersededAt))
    .orderBy(t.surveyTemplates.stage, t.surveyTemplates.family)
    .all();
  const used = defaultDb()
    .select({ family: t.surveyTemplates.family, n: sql<number>`count(${t.surveyResponses.id})` })
    .from(t.surveyResponses)
    .innerJoin(t.surveyTemplates, eq(t.surveyTemplates.id, t.surveyResponses.templateId))
    .groupBy(t.surveyTemplates.family)
    .all();
  const usedAnonymously = defaultDb()
    .select({ family: t.surveyTemplates.family, n: sql<number>`count(${t.anonymousResponses.id})` })
    .from(t.anonymousResponses)
    .innerJoin(t.surveyTemplates, eq(t.surveyTemplates.id, t.anonymousResponses.templateId))
    .groupBy(t.surveyTemplates.family)
    .all();
  const n = new Map(used.map((u) => [u.family, u.n]));
  for (const u of usedAnonymously) n.set(u.family, (n.get(u.family) ?? 0) + u.n);
  // The months at which editions run this family as a follow-up: the same months the edition page shows.
  const months = new Map<string, number[]>();
  for (const s of defaultDb()
    .selectDistinct({ family: t.editionSurveys.templateFamily, months: t.editionSurveys.monthsAfter })
    .from(t.editionSurveys)
    .where(eq(t.editionSurveys.stage, "follow_up"))
    .all()) {
    months.set(
      s.family,
      [...(months.get(s.family) ?? []), s.months].sort((a, b) => a - b),
    );
  }
  return rows.map((r) => ({ ...r, responses: n.get(r.family) ?? 0, followUpMonths: months.get(r.family) ?? [] }));
}

export function getTemplate(id: number, tx: Db = defaultDb()): Template {
  const row = tx.select().from(t.surveyTemplates).where(eq(t.surveyTemplates.id, id)).get();
  if (!row) throw new NotFoundError("template");
  return row;
}

/** Answers (named or anonymous, drafts included) given to any version of a template family. */
export function familyAnswerCount(family: string, tx: Db = defaultDb()): number {
  const named = tx
    .select({ n: sql<number>`count(*)` })
    .from(t.surveyResponses)
    .innerJoin(t.surveyTemplates, eq(t.surveyTemplates.id, t.surveyResponses.templateId))
    .where(eq(t.surveyTemplates.family, family))
    .get()!.n;
  const anon = tx
    .select({ n: sql<number>`count(*)` })
    .from(t.anonymousResponses)
    .innerJoin(t.surveyTemplates, eq(t.surveyTemplates.id, t.anonymousResponses.templateId))
    .where(eq(t.surveyTemplates.family, family))
    .get()!.n;
  return named + anon;
}

/** The current version of a family (new responses answer it). */
export function currentTemplate(family: string, tx: Db = defaultDb()): Template {
  const row = tx
    .select()
    .from(t.surveyTemplates)
    .where(and(eq(t.surveyTemplates.family, family), isNull(t.surveyTemplates.supersededAt)))
    .orderBy(desc(t.surveyTemplates.version))
    .get();
  if (!row) throw new NotFoundError("template");
  return row;
}

/** Every version of a family, newest first, with its response count. */
export function templateVersions(family: string) {
  return defaultDb()
    .select({
      id: t.surveyTemplates.id,
      version: t.surveyTemplates.version,
      createdAt: t.surveyTemplates.createdAt,
      supersededAt: t.surveyTemplates.supersededAt,
      responses: sql<number>`(select count(*) from survey_responses r where r.template_id = ${t.surveyTemplates.id}) + (select count(*) from anonymous_responses a where a.template_id = ${t.surveyTemplates.id})`,
    })
    .from(t.surveyTemplates)
    .where(eq(t.surveyTemplates.family, family))
    .orderBy(desc(t.surveyTemplates.version))
    .all();
}

/** Organizer: a new template family (version 1, no questions yet); returns its id. */
/** `tr.title`: the title in other languages (issue 11); `titleVi` is kept for older callers. */
/** `anonymous`: answers are kept without the person (anonymous.server.ts). */
export function createTemplate(
  actor: Actor,
  input: { stage: SurveyStage; titleEn: string; titleVi?: string; tr?: Translations<"title">; anonymous?: boolean },
): number {
  requireOrganizer(actor);
  return immediate(defaultDb(), (tx) => {
    const title: LocalText = { en: input.titleEn.trim() };
    if (input.titleVi?.trim()) title.vi = input.titleVi.trim();
    Object.assign(title, input.tr?.title);
    const n = tx
      .select({ n: sql<number>`count(*)` })
      .from(t.surveyTemplates)
      .get()!.n;
    const family = `${input.stage.replace(/_/g, "-")}-${n + 1}-${Date.now().toString(36)}`;
    const id = tx
      .insert(t.surveyTemplates)
      .values({ family, version: 1, stage: input.stage, title, questions: [], anonymous: !!input.anonymous, createdBy: actor.id })
      .returning({ id: t.surveyTemplates.id })
      .get().id;
    recordAudit(actor, { entityType: "survey_template", entityId: id, action: "create", toState: "v1", details: { anonymous: !!input.anonymous } }, tx);
    return id;
  });
}

export type QuestionInput = {
  promptEn: string;
  promptVi?: string;
  /** The prompt in other languages (issue 11). */
  tr?: Translations<"prompt">;
  indicatorId?: number | null;
  type?: QuestionType;
  required: boolean;
};

export type TemplateEdit = { kind: "add"; question: QuestionInput } | { kind: "remove"; key: string };

function applyEdit(tx: Db, questions: SurveyQuestion[], edit: TemplateEdit): SurveyQuestion[] {
  if (edit.kind === "remove") {
    if (!questions.some((q) => q.key === edit.key)) throw new NotFoundError("question");
    return questions.filter((q) => q.key !== edit.key);
  }
  const q = edit.question;
  const prompt: LocalText = { en: q.promptEn.trim() };
  if (q.promptVi?.trim()) prompt.vi = q.promptVi.trim();
  Object.assign(prompt, q.tr?.prompt);
  let n = questions.length + 1;
  while (questions.some((x) => x.key === `q${n}`)) n++;
  const base = { key: `q${n}`, prompt, required: q.required };
  if (q.indicatorId) {
    const ind = tx.select().from(t.indicators).where(eq(t.indicators.id, q.indicatorId)).get();
    if (!ind || ind.archivedAt) throw FieldErrors.one("indicatorId", "errors.invalid");
    return [...questions, fromIndicator(base, ind)];
  }
  if (!q.type) throw FieldErrors.one("type", "evaluation.errors.typeOrIndicator");
  if (q.type === "single_choice" || q.type === "multiple_choice") throw FieldErrors.one("type", "evaluation.errors.choiceNeedsIndicator");
  return [...questions, { ...base, type: q.type }];
}

/**
 * Organizer: changes the current version of a template. When responses already use it, writes
 * the next version (the old one is kept, superseded); otherwise changes it in place. Returns the
 * id of the version that now holds the change.
 */
export function editTemplate(actor: Actor, templateId: number, edit: TemplateEdit): number {
  requireOrganizer(actor);
  return immediate(defaultDb(), (tx) => {
    const tpl = getTemplate(templateId, tx);
    if (tpl.supersededAt) throw new RuleError("evaluation.errors.superseded");
    const questions = applyEdit(tx, tpl.questions, edit);
    const used =
      tx
        .select({ n: sql<number>`count(*)` })
        .from(t.surveyResponses)
        .where(eq(t.surveyResponses.templateId, tpl.id))
        .get()!.n +
        tx
          .select({ n: sql<number>`count(*)` })
          .from(t.anonymousResponses)
          .where(eq(t.anonymousResponses.templateId, tpl.id))
          .get()!.n >
      0;
    if (!used) {
      tx.update(t.surveyTemplates).set({ questions }).where(eq(t.surveyTemplates.id, tpl.id)).run();
      recordAudit(actor, { entityType: "survey_template", entityId: tpl.id, action: `question_${edit.kind}` }, tx);
      return tpl.id;
    }
    const now = new Date().toISOString();
    tx.update(t.surveyTemplates).set({ supersededAt: now }).where(eq(t.surveyTemplates.id, tpl.id)).run();
    const id = tx
      .insert(t.surveyTemplates)
      .values({ family: tpl.family, version: tpl.version + 1, stage: tpl.stage, title: tpl.title, questions, anonymous: tpl.anonymous, createdBy: actor.id })
      .returning({ id: t.surveyTemplates.id })
      .get().id;
    recordAudit(
      actor,
      {
        entityType: "survey_template",
        entityId: id,
        action: "new_version",
        fromState: `v${tpl.version}`,
        toState: `v${tpl.version + 1}`,
        details: { change: edit.kind },
      },
      tx,
    );
    return id;
  });
}
