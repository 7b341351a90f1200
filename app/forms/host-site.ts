/**
 * Forms of host sites: the profile (host coordinator and organizer), vetting and coordinator
 * assignment (organizer). Shared by the pages (conform client validation) and their actions.
 * Messages are translation keys.
 */
import * as z from "zod";
import { isIsoDate } from "~/domain/dates";
import { MEMBER_COUNTRY_CODES } from "~/domain/country-names";
import { memberTimeZones } from "~/domain/member-zones";
import { LANGUAGES, THEMES } from "~/domain/vocabulary";
import { VETTING_STATUSES } from "../../db/schema/hosts";
import { emailField } from "./auth";
import { toArray } from "./to-array";
import { translationsField } from "./translations";

import { ACCOMMODATION_KINDS, DIETARY_ABILITIES } from "./host-site-values";

export { ACCOMMODATION_KINDS, DIETARY_ABILITIES };

export { toArray };
const optText = (max: number) => z.string().trim().max(max).optional();
const coordinate = (min: number, max: number) =>
  z
    .string()
    .trim()
    .max(20)
    .optional()
    .refine((v) => v === undefined || (/^-?\d{1,3}(\.\d{1,8})?$/.test(v) && Number(v) >= min && Number(v) <= max), {
      error: "hosts.errors.coordinate",
    });

const interpreterRow = z.object({
  name: optText(200),
  languages: z.preprocess(toArray, z.array(z.enum(LANGUAGES))),
});

const contactRow = z.object({
  name: optText(200),
  role: optText(200),
  phone: optText(40),
  email: z.string().trim().max(254).pipe(z.email()).optional(),
});

/** The number of empty interpreter/contact rows offered after the filled ones (no JavaScript). */
export const SPARE_ROWS = 2;

/**
 * Whether `phone` is a real number in `country` (ISO 3166-1 alpha-2) or in E.164. The browser's
 * schema leaves this to the server (phone metadata is ~30 kB gzip, issue 14 script budget):
 * forms/host-site.server.ts builds the actions' schema with libphonenumber-js.
 */
export type PhoneCheck = (phone: string, country: string) => boolean;

/** The host site profile form, checking contact phones with `isPhone`. */
export const hostSiteSchemaWith = (isPhone: PhoneCheck) =>
  z
    .object({
      name: z.string().trim().min(1).max(200),
      nameLatin: z.string().trim().min(1).max(200),
      countryCode: z.enum(MEMBER_COUNTRY_CODES, { error: "errors.memberCountry" }),
      province: z.string().trim().min(1).max(200),
      district: optText(200),
      timeZone: optText(64),
      latitude: coordinate(-90, 90),
      longitude: coordinate(-180, 180),
      description: optText(4000),
      themes: z.preprocess(toArray, z.array(z.enum(THEMES)).min(1)),
      languages: z.preprocess(toArray, z.array(z.enum(LANGUAGES)).min(1)),
      interpreters: z.preprocess(toArray, z.array(interpreterRow).max(20)),
      accommodation: z.preprocess(toArray, z.array(z.enum(ACCOMMODATION_KINDS)).min(1)),
      beds: z.coerce.number().int().min(0).max(2000),
      dietaryAbilities: z.preprocess(toArray, z.array(z.enum(DIETARY_ABILITIES))),
      dietaryOther: optText(500),
      accessibility: optText(2000),
      tr: translationsField({ name: 200, description: 4000, accessibility: 2000 }),
      contacts: z.preprocess(toArray, z.array(contactRow).max(20)),
    })
    .superRefine((v, ctx) => {
      if ((v.latitude === undefined) !== (v.longitude === undefined)) {
        ctx.addIssue({ code: "custom", path: [v.latitude === undefined ? "latitude" : "longitude"], message: "hosts.errors.coordinatePair" });
      }
      if (v.timeZone && !memberTimeZones(v.countryCode).includes(v.timeZone)) {
        ctx.addIssue({ code: "custom", path: ["timeZone"], message: "hosts.errors.timeZone" });
      }
      v.interpreters.forEach((row, i) => {
        if (!row.name && row.languages.length) ctx.addIssue({ code: "custom", path: ["interpreters", i, "name"], message: "errors.required" });
        if (row.name && !row.languages.length) ctx.addIssue({ code: "custom", path: ["interpreters", i, "languages"], message: "errors.chooseOne" });
      });
      v.contacts.forEach((row, i) => {
        const any = row.role || row.phone || row.email;
        if (!row.name && any) ctx.addIssue({ code: "custom", path: ["contacts", i, "name"], message: "errors.required" });
        if (row.phone) {
          if (!isPhone(row.phone, v.countryCode)) ctx.addIssue({ code: "custom", path: ["contacts", i, "phone"], message: "errors.phoneInvalid" });
        }
      });
      if (!v.contacts.some((c) => c.name)) ctx.addIssue({ code: "custom", path: ["contacts", 0, "name"], message: "hosts.errors.contactRequired" });
    });

/** The browser's schema: every check but the contact phones' (the server checks them). */
export const hostSiteSchema = hostSiteSchemaWith(() => true);

export type HostSiteInput = z.output<typeof hostSiteSchema>;

/** The organizer's vetting form; `confirm` is set on the second step of a suspension. */
export const vettingSchema = z.object({
  intent: z.literal("vet"),
  vettingStatus: z.enum(VETTING_STATUSES),
  vettingNotes: optText(4000),
  lastCheckedOn: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || isIsoDate(v), { error: "errors.date" }),
  confirm: z.literal("yes").optional(),
});
export type VettingInput = z.output<typeof vettingSchema>;

export const addCoordinatorSchema = z.object({ intent: z.literal("addCoordinator"), email: emailField });
export const removeCoordinatorSchema = z.object({ intent: z.literal("removeCoordinator"), userId: z.coerce.number().int().positive() });
