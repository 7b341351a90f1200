/**
 * Forms of the focal point's and the organizer's pages (nominating, reviewing, invitations),
 * shared by the pages (conform client validation) and their actions.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import * as z from "zod";
import { isMemberCountry, MEMBER_COUNTRY_CODES } from "~/domain/country-names";
import { memberDefaultTimeZone as defaultTimeZone } from "~/domain/member-zones";
import { GENDERS, THEMES } from "~/domain/vocabulary";
import { APPLICATION_STATUSES } from "../../db/schema/programme";
import { emailField } from "./auth";
import { editionSchema } from "./edition";

const reason = z.string().trim().max(2000).optional();

/** The focal point's decision on a submitted application: endorse, or return with a reason. */
export const focalActionSchema = z.object({ intent: z.enum(["endorse", "return"]), reason }).superRefine((v, ctx) => {
  if (v.intent === "return" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "errors.required" });
});
export type FocalActionInput = z.output<typeof focalActionSchema>;

/** The organizer's decision on an endorsed (or already decided) application. */
export const decisionSchema = z.object({ intent: z.enum(["accept", "waitlist", "reject"]), reason }).superRefine((v, ctx) => {
  if (v.intent === "reject" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "errors.required" });
});
export type DecisionInput = z.output<typeof decisionSchema>;

/** An organizer's invitation to a role; a focal point needs a member country. */
export const INVITABLE_ROLES = ["focal_point", "host_coordinator", "organizer"] as const;
export const inviteSchema = z
  .object({
    email: emailField,
    role: z.enum(INVITABLE_ROLES),
    countryCode: z.enum(MEMBER_COUNTRY_CODES).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role === "focal_point" && !v.countryCode) ctx.addIssue({ code: "custom", path: ["countryCode"], message: "errors.countryRequired" });
  });
export type InviteInput = z.output<typeof inviteSchema>;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const opt = <T extends z.ZodTypeAny>(s: T) => z.preprocess(blankToUndefined, s.optional()).catch(undefined);

/** Columns the organizer's review list sorts by (issue 15, item 6). */
export const REVIEW_SORTS = ["name", "country", "edition", "status", "submitted"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/**
 * The organizer's review filters, read from the query string (a GET form, so it works without
 * JavaScript). Anything unparseable is ignored rather than refused: a filter is not a form.
 */
export const reviewFiltersSchema = z.object({
  edition: opt(z.coerce.number().int().positive()),
  country: opt(z.enum(MEMBER_COUNTRY_CODES)),
  status: opt(z.enum(APPLICATION_STATUSES)),
  gender: opt(z.enum(GENDERS)),
  theme: opt(z.enum(THEMES)),
  q: opt(z.string().trim().max(200)),
  sort: z.preprocess(blankToUndefined, z.enum(REVIEW_SORTS).default("name")).catch("name"),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).default("asc")).catch("asc"),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
});
export type ReviewFilters = z.output<typeof reviewFiltersSchema>;

/** Parses filters from a URL's search params (repeated keys: the first wins). */
export function parseReviewFilters(params: URLSearchParams): ReviewFilters {
  const raw: Record<string, string> = {};
  for (const k of ["edition", "country", "status", "gender", "theme", "q", "sort", "dir", "page"]) {
    const v = params.get(k);
    if (v !== null) raw[k] = v;
  }
  return reviewFiltersSchema.parse(raw);
}

/**
 * A bulk decision on the selected rows of the review list: the ids, the decision, one reason.
 * A reject without a reason is left to the single-application use case, which refuses each row
 * with "apply.errors.reasonRequired" (so the report lists every row and why).
 */
export const bulkDecisionSchema = z.object({
  ids: z.array(z.coerce.number().int().positive()).min(1, "review.bulk.noneSelected").max(200, "errors.tooMany"),
  intent: z.enum(["accept", "waitlist", "reject"], { error: "review.bulk.chooseDecision" }),
  reason,
});
export type BulkDecisionInput = z.output<typeof bulkDecisionSchema>;

/**
 * Reads the edition form (app/forms/edition.ts) with its defaults filled in: an empty time zone
 * becomes the first host country's zone (defaultTimeZone). Used by the page (client validation) and the action alike.
 */
export function parseEditionForm(formData: FormData) {
  const filled = new FormData();
  for (const [k, v] of formData.entries()) filled.append(k, v);
  const tz = String(formData.get("timeZone") ?? "").trim();
  const firstHost = formData.getAll("hostCountries").map(String).find(isMemberCountry);
  if (!tz && firstHost) filled.set("timeZone", defaultTimeZone(firstHost));
  return parseWithZod(filled, { schema: editionSchema });
}
