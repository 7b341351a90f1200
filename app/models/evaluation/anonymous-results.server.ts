/**
 * Results of an edition's anonymous surveys (issue 15 item 9), for the evaluation page and its
 * CSV: per question, the answers overall and by country, gender and role, read only from
 * anonymous_responses (no person, so no pairing with the baseline). Every figure about fewer than
 * MIN_CELL respondents is hidden, with secondary suppression (app/domain/evaluation/small-cells.ts);
 * free-text answers are listed only overall, sorted (not in the order given), and only when at
 * least MIN_CELL people answered. Organizer only (NotFoundError otherwise, via requireOrganizer).
 */
import { inArray } from "drizzle-orm";
import { db, t } from "../../db.server";
import { numericValue } from "../../domain/evaluation/answers";
import { MIN_CELL, suppressOverall, suppressSmallCells, type Cell } from "../../domain/evaluation/small-cells";
import { localText } from "../../domain/evaluation/text";
import { translatorFor } from "../../i18n.server";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { groupLabel, stageName } from "./results-view.server";
import { listEditionSurveys } from "./surveys.server";
import { currentTemplate } from "./templates.server";

export const ANONYMOUS_DIMENSIONS = ["country", "gender", "role"] as const;
type AnonDim = (typeof ANONYMOUS_DIMENSIONS)[number];

export type AnonymousQuestion = {
  key: string;
  prompt: string;
  type: string;
  /** "%" for yes/no (share answering yes) and percentages, else the question's unit. */
  unit: string;
  /** Numeric questions: the mean (yes/no: % yes), overall and per group; empty groups for text. */
  overall: Cell;
  groups: { dimension: AnonDim; cells: (Cell & { label: string })[] }[];
  /** Free text, overall only, sorted; empty when fewer than MIN_CELL answered. */
  texts: string[];
};
export type AnonymousSurveyResult = { surveyId: number; title: string; stage: string; respondents: number; questions: AnonymousQuestion[] };

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The anonymous surveys of an edition with their suppressed figures, labelled in `lng`. */
export function anonymousResults(actor: Actor, editionId: number, lng: string): AnonymousSurveyResult[] {
  requireOrganizer(actor);
  const tr = translatorFor(lng) as unknown as (k: string, o?: Record<string, unknown>) => string;
  const surveys = listEditionSurveys(editionId)
    .map((s) => ({ s, tpl: currentTemplate(s.templateFamily) }))
    .filter((x) => x.tpl.anonymous);
  if (!surveys.length) return [];
  const rows = db()
    .select()
    .from(t.anonymousResponses)
    .where(
      inArray(
        t.anonymousResponses.surveyId,
        surveys.map((x) => x.s.id),
      ),
    )
    .all();
  const tplIds = [...new Set(rows.map((r) => r.templateId))];
  const versions = new Map(
    (tplIds.length ? db().select().from(t.surveyTemplates).where(inArray(t.surveyTemplates.id, tplIds)).all() : []).map((v) => [v.id, v]),
  );
  return surveys.map(({ s, tpl }) => {
    const mine = rows.filter((r) => r.surveyId === s.id);
    const questions = tpl.questions.map((q): AnonymousQuestion => {
      // The same question key in any version answered (a removed question keeps its answers out).
      const values = mine
        .map((r) => {
          const vq = versions.get(r.templateId)?.questions.find((x) => x.key === q.key && x.type === q.type) ?? null;
          return { r, raw: vq ? r.answers[q.key] : undefined, num: vq ? numericValue(vq, r.answers[q.key]) : null };
        })
        .filter((v) => v.raw !== undefined && v.raw !== null && v.raw !== "");
      const factor = q.type === "yes_no" ? 100 : 1;
      const unit = q.type === "yes_no" || q.type === "percentage" ? "%" : localText(q.unit, lng);
      if (q.type === "text") {
        const texts = values.length >= MIN_CELL ? values.map((v) => String(v.raw)).sort((a, b) => a.localeCompare(b)) : [];
        return { key: q.key, prompt: localText(q.prompt, lng), type: q.type, unit, overall: suppressOverall(values.length, null), groups: [], texts };
      }
      const nums = values.filter((v) => v.num !== null);
      const avg = (xs: typeof nums) => {
        const m = mean(xs.map((v) => v.num!));
        return m === null ? null : m * factor;
      };
      const overall = suppressOverall(nums.length, avg(nums));
      const groups = ANONYMOUS_DIMENSIONS.map((dimension) => {
        const keys = [...new Set(nums.map((v) => v.r[dimension]))].sort((a, b) => a.localeCompare(b));
        const cells = suppressSmallCells(
          keys.map((k) => {
            const inGroup = nums.filter((v) => v.r[dimension] === k);
            return { group: k, n: inGroup.length, value: avg(inGroup) };
          }),
        );
        // When the overall is hidden, every group is too (each is smaller still).
        return {
          dimension,
          cells: cells.map((c) => ({
            ...(overall.suppressed ? { ...c, n: null, value: null, suppressed: true } : c),
            label: groupLabel(tr, dimension, c.group, lng),
          })),
        };
      });
      return { key: q.key, prompt: localText(q.prompt, lng), type: q.type, unit, overall, groups, texts: [] };
    });
    return { surveyId: s.id, title: localText(tpl.title, lng), stage: stageName(tr, s.stage, s.monthsAfter), respondents: mine.length, questions };
  });
}

/** The anonymous results as a CSV table: one row per survey, question and group; hidden cells say so. */
export function anonymousCsvTable(results: AnonymousSurveyResult[], lng: string) {
  const tr = translatorFor(lng) as unknown as (k: string, o?: Record<string, unknown>) => string;
  const hidden = tr("evaluation.anonymous.hiddenCell", { min: MIN_CELL });
  const header = [
    tr("evaluation.csv.stage"),
    tr("evaluation.anonymous.survey"),
    tr("evaluation.anonymous.question"),
    tr("evaluation.csv.dimension"),
    tr("evaluation.csv.subgroup"),
    tr("evaluation.anonymous.respondents"),
    tr("evaluation.anonymous.result"),
    tr("evaluation.csv.unit"),
  ];
  const body: (string | number | null)[][] = [];
  const fmt = (c: Cell) => (c.suppressed ? [hidden, ""] : [c.n, c.value === null ? "" : Math.round(c.value * 100) / 100]);
  for (const s of results) {
    for (const q of s.questions) {
      if (q.type === "text") continue;
      body.push([s.stage, s.title, q.prompt, tr("evaluation.results.everyone"), tr("evaluation.results.everyone"), ...fmt(q.overall), q.unit]);
      for (const g of q.groups)
        for (const c of g.cells) body.push([s.stage, s.title, q.prompt, tr(`evaluation.dimensions.${g.dimension}`), c.label, ...fmt(c), q.unit]);
    }
  }
  return { header, body };
}
