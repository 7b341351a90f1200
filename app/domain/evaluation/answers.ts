/**
 * Survey answers: checking what a person typed against the template's questions, and reading an
 * answer as a number for the change figures. Pure: no database, no Remix.
 *
 * Every typed value is kept (`raw`) so a refused form re-shows it; errors are translation keys
 * (with params as "key|{json}") per question key.
 */
import type { LocalText } from "./text";

export type QuestionType = "number" | "percentage" | "yes_no" | "scale" | "single_choice" | "multiple_choice" | "text";
export type ChoiceOption = { value: string; label: LocalText; score?: number };
export type Question = {
  key: string;
  type: QuestionType;
  required?: boolean;
  options?: ChoiceOption[];
  min?: number;
  max?: number;
};
export type AnswerValue = string | number | boolean | string[] | null;
export type RawAnswers = Record<string, string | string[]>;

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const TEXT_MAX = 2000;

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** Bounds of a question (percentages are 0..100, scales 1..5, numbers as set, at least 0 by default). */
export function bounds(q: Question): { min: number; max: number } {
  if (q.type === "percentage") return { min: 0, max: 100 };
  if (q.type === "scale") return { min: SCALE_MIN, max: SCALE_MAX };
  return { min: q.min ?? 0, max: q.max ?? 1_000_000_000 };
}

function withParams(key: string, params: Record<string, string | number>) {
  return `${key}|${JSON.stringify(params)}`;
}

/** Reads one question's raw form value; returns [value, error]. */
function readOne(q: Question, raw: string | string[] | undefined, mode: "draft" | "submit"): [AnswerValue, string | null] {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const first = (list[0] ?? "").trim();
  const empty = q.type === "multiple_choice" ? list.filter((v) => v.trim()).length === 0 : first === "";
  if (empty) return [null, mode === "submit" && q.required ? "errors.required" : null];
  switch (q.type) {
    case "number":
    case "percentage":
    case "scale": {
      if (!NUMBER.test(first)) return [null, "evaluation.errors.number"];
      const n = Number(first.replace(",", "."));
      const { min, max } = bounds(q);
      if (q.type === "scale" && !Number.isInteger(n)) return [null, withParams("evaluation.errors.range", { min, max })];
      if (!Number.isFinite(n) || n < min || n > max) return [null, withParams("evaluation.errors.range", { min, max })];
      return [n, null];
    }
    case "yes_no":
      if (first === "yes") return [true, null];
      if (first === "no") return [false, null];
      return [null, "evaluation.errors.choice"];
    case "single_choice":
      return (q.options ?? []).some((o) => o.value === first) ? [first, null] : [null, "evaluation.errors.choice"];
    case "multiple_choice": {
      const allowed = new Set((q.options ?? []).map((o) => o.value));
      const picked = [...new Set(list.map((v) => v.trim()).filter(Boolean))];
      return picked.every((v) => allowed.has(v)) ? [picked, null] : [null, "evaluation.errors.choice"];
    }
    case "text":
      return first.length > TEXT_MAX ? [null, `errors.tooLongMax|${JSON.stringify({ count: TEXT_MAX })}`] : [first, null];
  }
}

/**
 * Checks every question's answer. `mode` "draft" lets required questions stay empty (a partial
 * answer saved to finish later); "submit" asks for them. Wrong types and values out of range are
 * refused in both modes.
 */
export function readAnswers(questions: Question[], raw: RawAnswers, mode: "draft" | "submit") {
  const answers: Record<string, AnswerValue> = {};
  const errors: Record<string, string[]> = {};
  for (const q of questions) {
    const [value, error] = readOne(q, raw[q.key], mode);
    if (error) errors[q.key] = [error];
    else if (value !== null) answers[q.key] = value;
  }
  return { answers, errors, ok: Object.keys(errors).length === 0 };
}

/** A stored answer back as form values (to pre-fill a saved draft). */
export function answerToRaw(value: AnswerValue | undefined): string | string[] {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/**
 * An answer as a number for change figures: numbers, percentages and scales as they are; yes/no as
 * 1/0; a multiple choice as the count of options chosen (e.g. income sources); a single choice as
 * its option's score (null when the options have no scores); text never.
 */
export function numericValue(q: Pick<Question, "type" | "options">, value: AnswerValue | undefined): number | null {
  if (value === undefined || value === null) return null;
  switch (q.type) {
    case "number":
    case "percentage":
    case "scale":
      return typeof value === "number" && Number.isFinite(value) ? value : null;
    case "yes_no":
      return typeof value === "boolean" ? (value ? 1 : 0) : null;
    case "multiple_choice":
      return Array.isArray(value) ? value.length : null;
    case "single_choice": {
      const o = (q.options ?? []).find((x) => x.value === value);
      return o && typeof o.score === "number" ? o.score : null;
    }
    default:
      return null;
  }
}
