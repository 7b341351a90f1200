/** The organizer's edition form (create and edit), shared by the page and its action. */
import * as z from "zod";
import { isIsoDate } from "~/domain/dates";
import { MEMBER_COUNTRY_CODES } from "~/domain/country-names";
import { THEMES } from "~/domain/vocabulary";
import { EDITION_MODES } from "../../db/schema/programme";
import { translationsField } from "./translations";

export const isoDate = z.string().trim().refine(isIsoDate, { error: "errors.date" });
const toArray = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

/** Quotas come as fields quota_XX (one per member country); empty means no quota. */
export const quotaFields = Object.fromEntries(MEMBER_COUNTRY_CODES.map((c) => [`quota_${c}`, z.coerce.number().int().min(0).max(500).optional()])) as Record<
  `quota_${(typeof MEMBER_COUNTRY_CODES)[number]}`,
  z.ZodOptional<z.ZodCoercedNumber<unknown>>
>;

export const editionSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    ordinal: z.coerce.number().int().min(1).max(999),
    mode: z.enum(EDITION_MODES),
    hostCountries: z.preprocess(toArray, z.array(z.enum(MEMBER_COUNTRY_CODES)).min(1)),
    startsOn: isoDate,
    endsOn: isoDate,
    applicationsOpenOn: isoDate,
    applicationsCloseOn: isoDate,
    timeZone: z.string().trim().min(1).max(64),
    themes: z.preprocess(toArray, z.array(z.enum(THEMES)).min(1)),
    description: z.string().trim().max(4000).optional(),
    tr: translationsField({ name: 200, description: 4000 }),
    ...quotaFields,
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "errors.dateOrder" });
    if (v.applicationsCloseOn < v.applicationsOpenOn) ctx.addIssue({ code: "custom", path: ["applicationsCloseOn"], message: "errors.dateOrder" });
    if (v.applicationsCloseOn > v.startsOn) ctx.addIssue({ code: "custom", path: ["applicationsCloseOn"], message: "errors.windowAfterStart" });
    try {
      new Intl.DateTimeFormat("en", { timeZone: v.timeZone });
    } catch {
      ctx.addIssue({ code: "custom", path: ["timeZone"], message: "errors.timeZone" });
    }
  });

export type EditionInput = z.output<typeof editionSchema>;
