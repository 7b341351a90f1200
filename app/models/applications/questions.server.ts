/**
 * Custom application questions per edition (issue 15, item 1).
 *
 * Organizer use cases (NotFoundError for anyone else): listQuestions, addQuestion, updateQuestion
 * (writes a new version; answers keep the version they were given against), moveQuestion,
 * removeQuestion (hides it from the form; answers stay) and restoreQuestion. Each writes an
 * audit event (entity "application_question").
 *
 * Applicant side: formQuestions (the current versions on the form), answersAsFormValues (a
 * draft's answers for the form), saveAnswers (inside the caller's save/submit transaction).
 * Readers: answersForApplication (review page, focal point, CSV), with scope checked by the caller.
 */
import { and, asc, eq, inArray, isNull, max } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import { fieldText, pickText, type LocalText, type Translations } from "../../domain/local-text";
import {
  answerToFormValue,
  assignOptionKeys,
  fieldName,
  formatAnswer,
  isChoice,
  type AnswerValue,
  type QuestionKind,
  type QuestionOption,
  type QuestionSpec,
} from "../../domain/questions";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError } from "../errors";

export const QUESTION_ENTITY = "application_question";

/** A question as the organizer edits it: `label`/`options` English, other languages in `translations`. */
export type QuestionInput = {
  kind: QuestionKind;
  label: string;
  required: boolean;
  /** English option labels, in order (choice kinds only). */
  options: string[];
  /** `{ label: { km: "…" }, options: { km: "line\nline" } }`: option translations one per line, same order. */
  translations: Translations<"label" | "options">;
};

type VersionRow = typeof t.applicationQuestionVersions.$inferSelect;
type QuestionRow = typeof t.applicationQuestions.$inferSelect;
export type QuestionWithVersion = QuestionRow & { v: VersionRow };

function currentVersions(editionId: number, includeRemoved: boolean): QuestionWithVersion[] {
  const q = t.applicationQuestions;
  const v = t.applicationQuestionVersions;
  return db()
    .select({ q, v })
    .from(q)
    .innerJoin(v, and(eq(v.questionId, q.id), eq(v.version, q.currentVersion)))
    .where(includeRemoved ? eq(q.editionId, editionId) : and(eq(q.editionId, editionId), isNull(q.removedAt)))
    .orderBy(asc(q.position), asc(q.id))
    .all()
    .map((r) => ({ ...r.q, v: r.v }));
}

const specOf = (q: QuestionWithVersion): QuestionSpec => ({ id: q.id, kind: q.v.kind, required: q.v.required, options: q.v.options });

/** The questions an applicant answers for `editionId` (current versions, not removed, in order). */
export function formQuestions(editionId: number) {
  return currentVersions(editionId, false);
}

/** What the form component needs of each question, in the reader's language. */
export function questionsForForm(questions: QuestionWithVersion[], lng: string) {
  return questions.map((q) => {
    const label = pickText(fieldText(q.v.label, q.v.translations, "label"), lng);
    return {
      id: q.id,
      name: fieldName(q.id),
      kind: q.v.kind,
      required: q.v.required,
      label: label.text,
      lang: label.lang,
      options: q.v.options.map((o) => ({ key: o.key, ...pickText(o.label, lng) })),
    };
  });
}
export type FormQuestion = ReturnType<typeof questionsForForm>[number];

/** Specs for domain/questions.ts parseAnswers. */
export const questionSpecs = (questions: QuestionWithVersion[]): QuestionSpec[] => questions.map(specOf);

/** A draft's stored answers as the form's values, keyed by field name. */
export function answersAsFormValues(applicationId: number, questions: QuestionWithVersion[]): Record<string, string | string[]> {
  const rows = db().select().from(t.applicationAnswers).where(eq(t.applicationAnswers.applicationId, applicationId)).all();
  const out: Record<string, string | string[]> = {};
  for (const q of questions) out[fieldName(q.id)] = answerToFormValue(q.v.kind, rows.find((r) => r.questionId === q.id)?.value);
  return out;
}

/**
 * Writes parsed answers (domain parseAnswers) for `questions` inside the caller's transaction:
 * each bound to the question's current version; an empty answer deletes the stored one. Answers
 * to questions not on the form now (removed ones) are left alone.
 */
export function saveAnswers(tx: Db, applicationId: number, questions: QuestionWithVersion[], values: Map<number, AnswerValue | null>) {
  const now = new Date().toISOString();
  for (const q of questions) {
    if (!values.has(q.id)) continue;
    const value = values.get(q.id);
    const where = and(eq(t.applicationAnswers.applicationId, applicationId), eq(t.applicationAnswers.questionId, q.id));
    if (value === null || value === undefined) {
      tx.delete(t.applicationAnswers).where(where).run();
      continue;
    }
    tx.insert(t.applicationAnswers)
      .values({ applicationId, questionId: q.id, versionId: q.v.id, value, updatedAt: now })
      .onConflictDoUpdate({ target: [t.applicationAnswers.applicationId, t.applicationAnswers.questionId], set: { versionId: q.v.id, value, updatedAt: now } })
      .run();
  }
}

/**
 * The answers of one application, in form order, each read with the version it was given against
 * (label and option labels in `lng`): `changed` when the question has a newer version since,
 * `removed` when the question is no longer on the form. Scope is the caller's job.
 */
export function answersForApplication(applicationId: number, lng: string, yesNo: { yes: string; no: string }) {
  const a = t.applicationAnswers;
  const v = t.applicationQuestionVersions;
  const q = t.applicationQuestions;
  return db()
    .select({ a, v, q })
    .from(a)
    .innerJoin(v, eq(v.id, a.versionId))
    .innerJoin(q, eq(q.id, a.questionId))
    .where(eq(a.applicationId, applicationId))
    .orderBy(asc(q.position), asc(q.id))
    .all()
    .map((r) => {
      const label = pickText(fieldText(r.v.label, r.v.translations, "label"), lng);
      return {
        questionId: r.q.id,
        label: label.text,
        lang: label.lang,
        kind: r.v.kind,
        answer: formatAnswer(r.v, r.a.value, lng, yesNo),
        changed: r.v.version !== r.q.currentVersion,
        removed: !!r.q.removedAt,
      };
    });
}
export type ShownAnswer = ReturnType<typeof answersForApplication>[number];

/**
 * Answers of many applications for the CSV export: the edition's questions (removed ones too, in
 * order, English labels) and per application the answer text (English option labels).
 */
export function answersForExport(editionId: number) {
  const questions = currentVersions(editionId, true);
  const versions = new Map(
    db()
      .select()
      .from(t.applicationQuestionVersions)
      .where(inArray(t.applicationQuestionVersions.questionId, questions.length ? questions.map((x) => x.id) : [-1]))
      .all()
      .map((x) => [x.id, x]),
  );
  return {
    questions: questions.map((x) => ({ id: x.id, header: `q${x.id}_${x.v.label}` })),
    /** The answer text of one stored answer (application_answers.version_id and value). */
    format: (versionId: number, value: AnswerValue) => {
      const ver = versions.get(versionId);
      return ver ? formatAnswer(ver, value, "en", { yes: "yes", no: "no" }) : "";
    },
  };
}

// ---- organizer ----

/** Organizer: every question of the edition (removed ones too) with its current version and answer count. */
export function listQuestions(actor: Actor, editionId: number) {
  requireOrganizer(actor);
  const edition = db().select({ id: t.editions.id }).from(t.editions).where(eq(t.editions.id, editionId)).get();
  if (!edition) throw new NotFoundError("edition");
  const counts = new Map(
    db()
      .$client.prepare(
        "select aa.question_id as id, count(*) as n from application_answers aa join application_questions q on q.id = aa.question_id where q.edition_id = ? group by aa.question_id",
      )
      .all(editionId)
      .map((r) => [(r as { id: number }).id, (r as { n: number }).n]),
  );
  return currentVersions(editionId, true).map((q) => ({ ...q, answers: counts.get(q.id) ?? 0 }));
}

function validate(input: QuestionInput): QuestionOption[] {
  const errors: Record<string, string[]> = {};
  if (!input.label.trim()) errors.label = ["errors.required"];
  let options: QuestionOption[] = [];
  if (isChoice(input.kind)) {
    const en = input.options.map((o) => o.normalize("NFC").trim()).filter(Boolean);
    const lower = en.map((o) => o.toLowerCase());
    if (en.length < 2) errors.options = ["secretariat.questions.errors.twoOptions"];
    else if (new Set(lower).size !== lower.length) errors.options = ["errors.duplicate"];
    else if (en.length > 30) errors.options = ["errors.tooMany"];
    // Translations: one line per option, in the English order; missing lines fall back to English.
    const lines: Record<string, string[]> = {};
    for (const [lng, text] of Object.entries(input.translations.options ?? {})) {
      const l = text.split(/\r?\n/).map((x) => x.trim());
      if (l.filter(Boolean).length > en.length) errors[`tr.options.${lng}`] = ["secretariat.questions.errors.optionLines"];
      lines[lng] = l;
    }
    options = en.map((label, i) => {
      const text: LocalText = { en: label };
      for (const [lng, l] of Object.entries(lines)) if (l[i]) text[lng] = l[i];
      return { key: "", label: text };
    });
  }
  if (Object.keys(errors).length) throw new FieldErrors(errors);
  return options;
}

/** Organizer: adds a question at the end of the edition's form (version 1). FieldErrors on bad input. */
export function addQuestion(actor: Actor, editionId: number, input: QuestionInput): number {
  requireOrganizer(actor);
  const options = validate(input);
  return immediate(db(), (tx) => {
    if (!tx.select({ id: t.editions.id }).from(t.editions).where(eq(t.editions.id, editionId)).get()) throw new NotFoundError("edition");
    const last = tx
      .select({ m: max(t.applicationQuestions.position) })
      .from(t.applicationQuestions)
      .where(eq(t.applicationQuestions.editionId, editionId))
      .get();
    const id = tx
      .insert(t.applicationQuestions)
      .values({ editionId, position: (last?.m ?? 0) + 1, currentVersion: 1 })
      .returning({ id: t.applicationQuestions.id })
      .get().id;
    tx.insert(t.applicationQuestionVersions)
      .values({
        questionId: id,
        version: 1,
        kind: input.kind,
        label: input.label.normalize("NFC").trim(),
        required: input.required,
        translations: { label: input.translations.label },
        options: assignOptionKeys(
          [],
          options.map((o) => o.label),
        ),
        createdBy: actor.id,
      })
      .run();
    recordAudit(
      actor,
      { entityType: QUESTION_ENTITY, entityId: id, action: "create", toState: "v1", details: { editionId, kind: input.kind, label: input.label } },
      tx,
    );
    return id;
  });
}

function loadQuestion(tx: Db, questionId: number): QuestionWithVersion {
  const q = Number.isInteger(questionId) ? tx.select().from(t.applicationQuestions).where(eq(t.applicationQuestions.id, questionId)).get() : undefined;
  if (!q) throw new NotFoundError("question");
  const v = tx
    .select()
    .from(t.applicationQuestionVersions)
    .where(and(eq(t.applicationQuestionVersions.questionId, q.id), eq(t.applicationQuestionVersions.version, q.currentVersion)))
    .get()!;
  return { ...q, v };
}

/** Organizer: one question with its current version (for the edit form). */
export function getQuestion(actor: Actor, questionId: number) {
  requireOrganizer(actor);
  return loadQuestion(db(), questionId);
}

/**
 * Organizer: changes a question by writing a new version (answers given to earlier versions keep
 * their labels and options). Unchanged input writes nothing. Options keep their keys where the
 * English label is unchanged. Returns the current version number.
 */
export function updateQuestion(actor: Actor, questionId: number, input: QuestionInput): number {
  requireOrganizer(actor);
  const options = validate(input);
  return immediate(db(), (tx) => {
    const q = loadQuestion(tx, questionId);
    const next = {
      kind: input.kind,
      label: input.label.normalize("NFC").trim(),
      required: input.required,
      translations: { label: input.translations.label },
      options: assignOptionKeys(
        q.v.options,
        options.map((o) => o.label),
      ),
    };
    const same =
      next.kind === q.v.kind &&
      next.label === q.v.label &&
      next.required === q.v.required &&
      JSON.stringify(next.translations.label ?? {}) === JSON.stringify(q.v.translations.label ?? {}) &&
      JSON.stringify(next.options) === JSON.stringify(q.v.options);
    if (same) return q.currentVersion;
    const version = q.currentVersion + 1;
    tx.insert(t.applicationQuestionVersions)
      .values({ questionId: q.id, version, ...next, createdBy: actor.id })
      .run();
    tx.update(t.applicationQuestions).set({ currentVersion: version }).where(eq(t.applicationQuestions.id, q.id)).run();
    recordAudit(
      actor,
      {
        entityType: QUESTION_ENTITY,
        entityId: q.id,
        action: "update",
        fromState: `v${q.currentVersion}`,
        toState: `v${version}`,
        details: { kind: next.kind, label: next.label },
      },
      tx,
    );
    return version;
  });
}

/** Organizer: moves a question one place up or down among the edition's questions (audited). */
export function moveQuestion(actor: Actor, questionId: number, direction: "up" | "down") {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    const q = loadQuestion(tx, questionId);
    const all = tx
      .select()
      .from(t.applicationQuestions)
      .where(eq(t.applicationQuestions.editionId, q.editionId))
      .orderBy(asc(t.applicationQuestions.position), asc(t.applicationQuestions.id))
      .all();
    const i = all.findIndex((x) => x.id === q.id);
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= all.length) return;
    [all[i], all[j]] = [all[j], all[i]];
    // Renumber 1..n so equal positions never leave the order to chance.
    all.forEach((x, k) =>
      tx
        .update(t.applicationQuestions)
        .set({ position: k + 1 })
        .where(eq(t.applicationQuestions.id, x.id))
        .run(),
    );
    recordAudit(actor, { entityType: QUESTION_ENTITY, entityId: q.id, action: "move", fromState: String(i + 1), toState: String(j + 1) }, tx);
  });
}

/** Organizer: hides a question from the form; its answers stay (review page, CSV). Idempotent. */
export function removeQuestion(actor: Actor, questionId: number) {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    const q = loadQuestion(tx, questionId);
    if (q.removedAt) return;
    tx.update(t.applicationQuestions).set({ removedAt: new Date().toISOString() }).where(eq(t.applicationQuestions.id, q.id)).run();
    recordAudit(actor, { entityType: QUESTION_ENTITY, entityId: q.id, action: "remove", fromState: "shown", toState: "removed" }, tx);
  });
}

/** Organizer: puts a removed question back on the form. Idempotent. */
export function restoreQuestion(actor: Actor, questionId: number) {
  requireOrganizer(actor);
  immediate(db(), (tx) => {
    const q = loadQuestion(tx, questionId);
    if (!q.removedAt) return;
    tx.update(t.applicationQuestions).set({ removedAt: null }).where(eq(t.applicationQuestions.id, q.id)).run();
    recordAudit(actor, { entityType: QUESTION_ENTITY, entityId: q.id, action: "restore", fromState: "removed", toState: "shown" }, tx);
  });
}
