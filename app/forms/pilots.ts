/**
 * Forms of the pilot programmes (issue 16): pilot village, pilot project, status step, milestone,
 * budget line, actual spending, exchange rate, and a participant's proposal from an action plan
 * item. Checked on the server only: actions import the schemas from ./pilots.server, pages at most
 * their types (issue 14 script budget). Messages are translation keys. Amounts are checked here for shape only (non-negative decimal text); the use
 * case reads them with the project's currency digits (app/domain/pilots/money.ts).
 */
import * as z from "zod";
import { isIsoDate } from "~/domain/dates";
import { MEMBER_COUNTRY_CODES } from "~/domain/country-names";
import { memberTimeZones as countryTimeZones } from "~/domain/member-zones";
import { insideCountry } from "~/domain/pilots/geo.server";
import { isRate } from "~/domain/pilots/money";
import { LANGUAGES } from "~/domain/vocabulary";
import { PILOT_COMPONENTS, PILOT_STAGES, PILOT_STATUSES } from "~/domain/pilots/vocabulary";
import { VISIT_PHOTO_SLOTS } from "~/domain/document-kinds";
import { toArray } from "./to-array";

const optText = (max: number) => z.string().trim().max(max).optional();
const date = z.string().trim().refine(isIsoDate, { error: "errors.date" });
const optDate = z
  .string()
  .trim()
  .optional()
  .refine((v) => v === undefined || isIsoDate(v), { error: "errors.date" });
const coordinate = (min: number, max: number) =>
  z
    .string()
    .trim()
    .max(20)
    .optional()
    .refine((v) => v === undefined || (/^-?\d{1,3}(\.\d{1,8})?$/.test(v) && Number(v) >= min && Number(v) <= max), {
      error: "pilots.errors.coordinate",
    });
const optCount = z.coerce.number().int().min(0).max(10_000_000).optional();
/** A non-negative amount in major units, group separators allowed ("1,250,000", "99.50"). */
export const amountField = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .refine((v) => /^[\d,\s\u00a0\u202f]+(\.\d+)?$/.test(v), { error: "pilots.errors.amount" });

export const villageSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    nameLatin: optText(200),
    countryCode: z.enum(MEMBER_COUNTRY_CODES, { error: "errors.memberCountry" }),
    province: z.string().trim().min(1).max(200),
    district: optText(200),
    latitude: coordinate(-90, 90),
    longitude: coordinate(-180, 180),
    households: optCount,
    population: optCount,
    languages: z.preprocess(toArray, z.array(z.enum(LANGUAGES)).min(1)),
    timeZone: optText(64),
    localPartner: optText(300),
  })
  .superRefine((v, ctx) => {
    if ((v.latitude === undefined) !== (v.longitude === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.latitude === undefined ? "latitude" : "longitude"], message: "pilots.errors.coordinatePair" });
    } else if (v.latitude !== undefined && v.longitude !== undefined && !insideCountry(v.countryCode, Number(v.latitude), Number(v.longitude))) {
      ctx.addIssue({ code: "custom", path: ["latitude"], message: "pilots.errors.outsideCountry" });
    }
    if (v.timeZone && !countryTimeZones(v.countryCode).includes(v.timeZone)) {
      ctx.addIssue({ code: "custom", path: ["timeZone"], message: "pilots.errors.timeZone" });
    }
    if (v.households !== undefined && v.population !== undefined && v.population < v.households) {
      ctx.addIssue({ code: "custom", path: ["population"], message: "pilots.errors.population" });
    }
  });
export type VillageInput = z.output<typeof villageSchema>;

const projectFields = {
  title: z.string().trim().min(1).max(200),
  component: z.enum(PILOT_COMPONENTS),
  componentOther: optText(200),
  objectives: z.string().trim().min(1).max(4000),
  startsOn: optDate,
  endsOn: optDate,
};

function checkProject(v: { component: string; componentOther?: string; startsOn?: string; endsOn?: string }, ctx: z.RefinementCtx) {
  if (v.component === "other" && !v.componentOther) ctx.addIssue({ code: "custom", path: ["componentOther"], message: "errors.required" });
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "errors.dateOrder" });
}

/** The organizer's project form (create and edit). `localLeadEmail` links an account, if any. */
export const projectSchema = z
  .object({
    ...projectFields,
    villageId: z.coerce.number().int().positive(),
    localLeadName: optText(200),
    localLeadEmail: z.string().trim().max(254).pipe(z.email()).optional(),
    actionPlanItemId: z.coerce.number().int().positive().optional(),
  })
  .superRefine(checkProject);
export type ProjectInput = z.output<typeof projectSchema>;

/** A participant's proposal from one of their action plan items; the village is theirs (new or known). */
export const proposalSchema = z
  .object({
    ...projectFields,
    villageName: z.string().trim().min(1).max(200),
    province: z.string().trim().min(1).max(200),
    district: optText(200),
  })
  .superRefine(checkProject);
export type ProposalInput = z.output<typeof proposalSchema>;

export const statusSchema = z.object({
  intent: z.literal("status"),
  to: z.enum(PILOT_STATUSES),
  reason: optText(2000),
});

export const milestoneSchema = z.object({
  intent: z.literal("milestone"),
  title: z.string().trim().min(1).max(300),
  dueOn: date,
});

export const milestoneDoneSchema = z.object({
  intent: z.literal("milestoneDone"),
  milestoneId: z.coerce.number().int().positive(),
  doneOn: date,
});

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const budgetLineSchema = z.object({
  intent: z.literal("budget"),
  period: z.string().trim().regex(MONTH, { error: "pilots.errors.month" }),
  item: z.string().trim().min(1).max(300),
  planned: amountField,
});

export const actualSchema = z.object({
  intent: z.literal("actual"),
  lineId: z.coerce.number().int().positive(),
  actual: amountField,
});

export const rateSchema = z.object({
  intent: z.literal("rate"),
  rate: z.string().trim().refine(isRate, { error: "pilots.errors.rate" }),
  rateOn: date,
  source: optText(300),
});

/** A monitoring value: a number (yes/no as 1 or 0); its range is checked against the indicator's type. */
export const indicatorValueSchema = z.object({
  intent: z.literal("indicator"),
  indicatorId: z.coerce.number().int().positive(),
  stage: z.enum(PILOT_STAGES),
  measuredOn: date,
  value: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .refine((v) => /^-?\d+(\.\d+)?$/.test(v), { error: "pilots.errors.number" })
    .transform(Number),
  note: optText(1000),
});

/**
 * The reason and evidence of a plan adjustment, typed with any change to a project's plan (the
 * edit form, a milestone, a budget line, the plan page). All optional here: the use case requires
 * `why` once the plan is agreed (app/models/pilots/adjustments.server.ts).
 */
export const adjustmentFields = {
  why: optText(2000),
  evidenceVisitId: z.coerce.number().int().positive().optional(),
  evidenceValueIds: z.preprocess(toArray, z.array(z.coerce.number().int().positive()).max(50)),
  evidenceNote: optText(2000),
};

/** The edit form of a project: the project form with the reason of a plan change. */
export const projectEditSchema = z
  .object({
    ...projectFields,
    villageId: z.coerce.number().int().positive(),
    localLeadName: optText(200),
    localLeadEmail: z.string().trim().max(254).pipe(z.email()).optional(),
    actionPlanItemId: z.coerce.number().int().positive().optional(),
    ...adjustmentFields,
  })
  .superRefine(checkProject);

export const milestoneAdjustSchema = milestoneSchema.extend(adjustmentFields);
export const budgetLineAdjustSchema = budgetLineSchema.extend(adjustmentFields);

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** The plan page: every milestone's planned date (or removal) and every line's planned amount, with the reason. */
export const planSchema = z.object({
  milestones: z.preprocess(toArray, z.array(z.object({ id: z.coerce.number().int().positive(), dueOn: date, remove: checkbox })).max(200)),
  lines: z.preprocess(toArray, z.array(z.object({ id: z.coerce.number().int().positive(), planned: amountField })).max(500)),
  ...adjustmentFields,
});

/** A row of agreed actions the form left blank (no text typed): dropped, or removed when stored. */
const blankRow = (r: unknown) => {
  if (!r || typeof r !== "object") return true;
  const o = r as Record<string, unknown>;
  return !o.action && !o.owner && !o.dueOn;
};

/**
 * A monitoring visit report with its agreed actions. The form shows a few empty action rows
 * (no JavaScript needed to add one); rows left blank are ignored, a row partly filled needs its
 * action, owner and due date.
 */
export const visitSchema = z.object({
  visitedOn: date,
  visitors: z.string().trim().min(1).max(500),
  findings: z.string().trim().min(1).max(8000),
  issues: optText(8000),
  actions: z.preprocess(
    (v) => toArray(v).map((r) => r ?? {}),
    z
      .array(
        z.object({
          id: z.coerce.number().int().positive().optional(),
          action: optText(1000),
          owner: optText(200),
          dueOn: optDate,
          done: checkbox,
        }),
      )
      .max(30)
      .superRefine((rows, ctx) =>
        rows.forEach((r, i) => {
          if (blankRow(r)) return;
          for (const k of ["action", "owner", "dueOn"] as const) if (!r[k]) ctx.addIssue({ code: "custom", path: [i, k], message: "errors.required" });
        }),
      )
      .transform((rows) => rows.filter((r) => !blankRow(r)).map((r) => ({ id: r.id, action: r.action!, owner: r.owner!, dueOn: r.dueOn!, done: r.done }))),
  ),
  /** The captions typed next to the photo slots (the files themselves are read by the route). */
  photos: z.preprocess((v) => Array.from(toArray(v), (r) => r ?? {}), z.array(z.object({ caption: optText(200) })).max(VISIT_PHOTO_SLOTS)),
});
export type VisitFormInput = z.output<typeof visitSchema>;

/** Removing a photo of a monitoring visit from the project page. */
export const photoRemoveSchema = z.object({ intent: z.literal("photoRemove"), photoId: z.coerce.number().int().positive() });

/** Ticking an agreed action done (or reopening it) from the project page. */
export const actionDoneSchema = z.object({
  intent: z.literal("actionDone"),
  actionId: z.coerce.number().int().positive(),
  done: checkbox,
});
