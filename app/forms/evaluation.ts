/**
 * Forms of the evaluation's organizer pages (indicators, templates, questions, an edition's
 * evaluation set-up and plan adjustments), shared by the forms and their actions. Survey answers
 * are checked by app/domain/evaluation/answers.ts against each template's questions.
 */
import * as z from "zod";
import { DIRECTIONS, DISAGGREGATIONS, INDICATOR_GROUPS, INDICATOR_TYPES, QUESTION_TYPES, SURVEY_STAGES } from "../../db/schema/evaluation";
import { isIsoDate } from "~/domain/dates";
import { parseFollowUpMonths } from "~/domain/evaluation/timing";
import { toArray } from "./to-array";
import { translationsField } from "./translations";

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const indicatorSchema = z.object({
  intent: z.literal("create"),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/, { error: "evaluation.errors.code" }),
  nameEn: text(200),
  nameVi: optionalText(200),
  tr: translationsField({ name: 200, unit: 40 }),
  group: z.enum(INDICATOR_GROUPS),
  type: z.enum(INDICATOR_TYPES),
  unitEn: optionalText(40),
  unitVi: optionalText(40),
  options: optionalText(4000),
  direction: z.enum(DIRECTIONS),
  disaggregations: z.preprocess(toArray, z.array(z.enum(DISAGGREGATIONS))),
});

export const templateSchema = z.object({
  stage: z.enum(SURVEY_STAGES),
  titleEn: text(200),
  titleVi: optionalText(200),
  tr: translationsField({ title: 200 }),
  /** Answers kept without the person (issue 15 item 9); fixed once the template has answers. */
  anonymous: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const questionSchema = z.object({
  intent: z.literal("add"),
  promptEn: text(500),
  promptVi: optionalText(500),
  tr: translationsField({ prompt: 500 }),
  indicatorId: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
  type: z.preprocess((v) => (v === "" ? undefined : v), z.enum(QUESTION_TYPES).optional()),
  required: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});

export const setupSchema = z.object({
  intent: z.literal("setup"),
  followUpMonths: z
    .string()
    .trim()
    .refine((v) => parseFollowUpMonths(v) !== null && parseFollowUpMonths(v)!.length > 0, { error: "evaluation.errors.months" }),
  baseline: text(200),
  pulse: text(200),
  end_of_visit: text(200),
  follow_up: text(200),
});

const idList = z
  .string()
  .trim()
  .max(500)
  .optional()
  .refine((v) => !v || /^\d+([\s,]+\d+)*$/.test(v), { error: "evaluation.errors.responseIds" })
  .transform((v) => (v ? [...new Set(v.split(/[\s,]+/).map(Number))] : []));

export const adjustmentSchema = z.object({
  intent: z.literal("adjust"),
  what: text(1000),
  why: text(2000),
  indicatorIds: z.preprocess(toArray, z.array(z.coerce.number().int().positive())),
  responseIds: idList,
  pulseDays: z.preprocess(toArray, z.array(z.string().refine(isIsoDate))),
});
