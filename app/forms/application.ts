/**
 * The application form (docs/design.md "application"), shared by the form component (conform's
 * client validation) and the actions.
 *
 * - `draftSchema`: lenient, for "save draft" at any point: only types and formats are checked
 *   (a date must be a real date, a phone a real number, no duplicate choices) plus the consent
 *   rule (dietary/accessibility needs are health data: never stored without consent).
 * - `submitSchema`: strict, for "submit": the same plus every required answer.
 * - `nominationDraftSchema` / `nominationSubmitSchema`: the same with the nominee's `email` first
 *   (a focal point's "nominate" page, ApplicationForm mode "nominate").
 *
 * Both produce an `ApplicationInput`: strings trimmed ("" for empty), date-only values as
 * `YYYY-MM-DD` text (never a JS Date), phones in E.164, language rows and ranked host countries
 * compacted (empty rows dropped, order kept). Error messages are translation keys.
 */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import * as z from "zod";
import { MEMBER_COUNTRY_CODES } from "~/domain/country-names";
import { isIsoDate, todayIn } from "~/domain/dates";
import { GENDERS, LANGUAGE_LEVELS, LANGUAGES, POSITION_KINDS, THEMES } from "~/domain/vocabulary";
import { emailField } from "./auth";

import { BIRTH_DATE_MIN, HOST_CHOICES, MAX_LANGUAGE_ROWS } from "./application-fields";

export { BIRTH_DATE_MIN, HOST_CHOICES, MAX_LANGUAGE_ROWS };
export type { ApplicationFormValues } from "./application-fields";

const text = (max: number) => z.string().trim().max(max).optional();
const date = z.string().trim().refine(isIsoDate, { error: "errors.date" }).optional();

/** The fields as posted (all optional: the rules below decide what is required). */
export const applicationShape = {
  givenName: text(100),
  familyName: text(100),
  givenNameLatin: text(100),
  familyNameLatin: text(100),
  nameOrder: z.enum(["given_first", "family_first"]).optional(),
  gender: z.enum(GENDERS).optional(),
  birthDate: date,
  nationality: z.enum(MEMBER_COUNTRY_CODES, { error: "errors.memberCountry" }).optional(),
  village: text(120),
  district: text(120),
  province: text(120),
  position: text(120),
  positionKind: z.enum(POSITION_KINDS).optional(),
  yearsInPosition: z.number().int().min(0).max(80).optional(),
  languages: z
    .array(z.object({ code: z.enum(LANGUAGES).optional(), level: z.enum(LANGUAGE_LEVELS).optional() }).optional())
    .max(MAX_LANGUAGE_ROWS)
    .optional(),
  themes: z.array(z.enum(THEMES)).max(THEMES.length).optional(),
  preferredHostCountries: z
    .array(z.enum(MEMBER_COUNTRY_CODES, { error: "errors.memberCountry" }).optional())
    .max(HOST_CHOICES)
    .optional(),
  availableFrom: date,
  availableTo: date,
  dietaryNeeds: text(1000),
  accessibilityNeeds: text(1000),
  sensitiveConsent: z.boolean().optional(),
  emergencyContactName: text(120),
  emergencyContactRelation: text(60),
  emergencyContactPhone: text(40),
  phone: text(40),
  motivation: text(4000),
};

type Raw = z.output<z.ZodObject<typeof applicationShape>>;

/** What the use cases receive (app/models/applications/applications.server.ts applicationValues). */
export type ApplicationInput = {
  givenName: string;
  familyName: string;
  givenNameLatin: string;
  familyNameLatin: string;
  nameOrder: "given_first" | "family_first" | null;
  gender: (typeof GENDERS)[number] | null;
  birthDate: string | null;
  nationality: (typeof MEMBER_COUNTRY_CODES)[number] | null;
  village: string;
  district: string;
  province: string;
  position: string;
  positionKind: (typeof POSITION_KINDS)[number] | null;
  yearsInPosition: number | null;
  languages: { code: (typeof LANGUAGES)[number]; level: (typeof LANGUAGE_LEVELS)[number] }[];
  themes: (typeof THEMES)[number][];
  preferredHostCountries: (typeof MEMBER_COUNTRY_CODES)[number][];
  availableFrom: string | null;
  availableTo: string | null;
  dietaryNeeds: string;
  accessibilityNeeds: string;
  sensitiveConsent: boolean;
  emergencyContactName: string;
  emergencyContactRelation: string;
  emergencyContactPhone: string;
  phone: string;
  motivation: string;
};

/** Parses a phone number with the nationality as default region; null when not a valid number. */
export function toE164(phone: string, region?: string | null): string | null {
  const p = parsePhoneNumberFromString(phone, { defaultCountry: (region || undefined) as CountryCode | undefined });
  return p && p.isValid() ? p.number : null;
}

/** The latest "today" among the member countries (Japan/Korea, UTC+9), so no one's today is refused. */
function latestToday() {
  return todayIn("Asia/Tokyo");
}

/** The strict rule: these must be answered to submit. */
const REQUIRED_TEXT = [
  "givenName",
  "givenNameLatin",
  "gender",
  "birthDate",
  "nationality",
  "village",
  "province",
  "position",
  "positionKind",
  "yearsInPosition",
  "availableFrom",
  "availableTo",
  "emergencyContactName",
  "emergencyContactRelation",
  "emergencyContactPhone",
  "phone",
  "motivation",
] as const;

function rules(strict: boolean) {
  return (v: Raw, ctx: z.RefinementCtx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (strict) {
      for (const k of REQUIRED_TEXT) {
        const x = v[k];
        if (x === undefined || x === null || x === "") issue([k], "errors.required");
      }
    }
    if (v.birthDate && (v.birthDate < BIRTH_DATE_MIN || v.birthDate > latestToday())) issue(["birthDate"], "errors.birthDateRange");
    if (v.availableFrom && v.availableTo && v.availableTo < v.availableFrom) issue(["availableTo"], "errors.dateOrder");

    // Languages: a row needs both parts; a language appears once.
    const seenLang = new Set<string>();
    let langs = 0;
    (v.languages ?? []).forEach((row, i) => {
      if (!row || (!row.code && !row.level)) return;
      langs += 1;
      if (!row.code) issue(["languages", i, "code"], "errors.required");
      if (!row.level) issue(["languages", i, "level"], "errors.required");
      if (row.code && seenLang.has(row.code)) issue(["languages", i, "code"], "errors.duplicate");
      if (row.code) seenLang.add(row.code);
    });
    if (strict && langs === 0) issue(["languages", 0, "code"], "errors.required");
    if (strict && !(v.themes ?? []).length) issue(["themes"], "errors.chooseOne");

    // Ranked host countries: no country twice. None at all is a valid answer ("No preference": the
    // placement engine then treats every eligible host country alike, domain/placement/eligibility.ts).
    const seenHost = new Set<string>();
    (v.preferredHostCountries ?? []).forEach((c, i) => {
      if (!c) return;
      if (seenHost.has(c)) issue(["preferredHostCountries", i], "errors.duplicate");
      seenHost.add(c);
    });

    // Health data only with consent.
    if ((v.dietaryNeeds || v.accessibilityNeeds) && !v.sensitiveConsent) issue(["sensitiveConsent"], "errors.consentRequired");

    for (const k of ["phone", "emergencyContactPhone"] as const) {
      if (v[k] && !toE164(v[k]!, v.nationality)) issue([k], "errors.phoneInvalid");
    }
  };
}

function normalize(v: Raw): ApplicationInput {
  const s = (x: string | undefined) => x ?? "";
  return {
    givenName: s(v.givenName),
    familyName: s(v.familyName),
    givenNameLatin: s(v.givenNameLatin),
    familyNameLatin: s(v.familyNameLatin),
    nameOrder: v.nameOrder ?? null,
    gender: v.gender ?? null,
    birthDate: v.birthDate || null,
    nationality: v.nationality ?? null,
    village: s(v.village),
    district: s(v.district),
    province: s(v.province),
    position: s(v.position),
    positionKind: v.positionKind ?? null,
    yearsInPosition: v.yearsInPosition ?? null,
    languages: (v.languages ?? []).flatMap((r) => (r?.code && r.level ? [{ code: r.code, level: r.level }] : [])),
    themes: [...new Set(v.themes ?? [])],
    preferredHostCountries: (v.preferredHostCountries ?? []).filter((c): c is NonNullable<typeof c> => !!c),
    availableFrom: v.availableFrom || null,
    availableTo: v.availableTo || null,
    dietaryNeeds: s(v.dietaryNeeds),
    accessibilityNeeds: s(v.accessibilityNeeds),
    sensitiveConsent: !!v.sensitiveConsent,
    emergencyContactName: s(v.emergencyContactName),
    emergencyContactRelation: s(v.emergencyContactRelation),
    emergencyContactPhone: v.emergencyContactPhone ? (toE164(v.emergencyContactPhone, v.nationality) ?? "") : "",
    phone: v.phone ? (toE164(v.phone, v.nationality) ?? "") : "",
    motivation: s(v.motivation),
  };
}

/** Builds the schema over `shape` (the application's fields, plus any extra the caller adds). */
export function applicationSchema<S extends typeof applicationShape>(shape: S, strict: boolean) {
  return z
    .object(shape)
    .superRefine((v, ctx) => rules(strict)(v as Raw, ctx))
    .transform((v) => ({ ...(v as z.output<z.ZodObject<S>>), ...normalize(v as Raw) }));
}

export const draftSchema = applicationSchema(applicationShape, false);
export const submitSchema = applicationSchema(applicationShape, true);

const nominationShape = { email: emailField, ...applicationShape };
export const nominationDraftSchema = applicationSchema(nominationShape, false);
export const nominationSubmitSchema = applicationSchema(nominationShape, true);

/** The applicant's withdraw form: a required confirmation box (works without JavaScript). */
export const withdrawSchema = z.object({
  intent: z.literal("withdraw"),
  confirm: z.literal("yes", { error: "apply.errors.confirmWithdraw" }),
});

/** The schema for an intent ("save" or "submit") and mode. */
export function applicationSchemaFor(intent: string | null | undefined, mode: "applicant" | "nominate" = "applicant") {
  const strict = intent === "submit";
  if (mode === "nominate") return strict ? nominationSubmitSchema : nominationDraftSchema;
  return strict ? submitSchema : draftSchema;
}
