/**
 * Forms of the organizers' message pages (issue 15, item 5): an e-mail template's text, an
 * announcement (group, default text, per-language versions), and the outbox filter.
 */
import * as z from "zod";
import { MEMBER_COUNTRY_CODES } from "~/domain/country-names";
import { APPLICATION_STATUSES } from "../../db/schema/programme";
import { ANNOUNCEMENT_GROUPS } from "../../db/schema/messages";
import { translationsField } from "./translations";

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;

const subject = z.string().trim().min(1, "errors.required").max(SUBJECT_MAX, "errors.tooLong");
const body = z.string().trim().min(1, "errors.required").max(BODY_MAX, "errors.tooLong");

/** A template's subject and body; `intent` says whether to preview, save, or go back to the default. */
export const templateSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), subject, body }),
  z.object({ intent: z.literal("preview"), subject, body }),
  z.object({ intent: z.literal("reset") }),
]);
export type TemplateInput = z.output<typeof templateSchema>;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/**
 * An announcement. The group needs its own fields: a country for a delegation, a visit for a
 * visit's participants, a status for applicants in a status. `requestKey` is the page's one-time
 * key (a repeated submit sends nothing more).
 */
export const announcementSchema = z
  .object({
    intent: z.enum(["preview", "send"]),
    requestKey: z.string().min(16).max(64),
    groupType: z.enum(ANNOUNCEMENT_GROUPS),
    editionId: z.coerce.number().int().positive(),
    countryCode: z.preprocess(blankToUndefined, z.enum(MEMBER_COUNTRY_CODES).optional()),
    visitId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
    status: z.preprocess(blankToUndefined, z.enum(APPLICATION_STATUSES).optional()),
    subject,
    body,
    tr: translationsField({ subject: SUBJECT_MAX, body: BODY_MAX }),
  })
  .superRefine((v, ctx) => {
    if (v.groupType === "delegation" && !v.countryCode) ctx.addIssue({ code: "custom", path: ["countryCode"], message: "errors.countryRequired" });
    if (v.groupType === "visit" && !v.visitId) ctx.addIssue({ code: "custom", path: ["visitId"], message: "errors.required" });
    if (v.groupType === "status" && !v.status) ctx.addIssue({ code: "custom", path: ["status"], message: "errors.required" });
    // A language's version is a subject and a body together, so nobody gets a mail in two languages.
    const tr = v.tr ?? {};
    for (const l of new Set([...Object.keys(tr.subject ?? {}), ...Object.keys(tr.body ?? {})])) {
      if (!tr.subject?.[l]) ctx.addIssue({ code: "custom", path: ["tr", "subject", l], message: "errors.required" });
      if (!tr.body?.[l]) ctx.addIssue({ code: "custom", path: ["tr", "body", l], message: "errors.required" });
    }
  });
export type AnnouncementInput = z.output<typeof announcementSchema>;
