/**
 * Forms of visa invitation letters (issue 15, item 3), shared by the pages and their actions.
 * Error messages are translation keys (visa.errors.*, errors.*).
 */
import * as z from "zod";
import { MEMBER_COUNTRY_CODES } from "~/domain/country-names";
import { isIsoDate } from "~/domain/dates";
import { normalizePassportNumber } from "~/domain/visa-letter";

/**
 * The participant's passport details. Nothing is stored without the consent box ticked (like the
 * health-data consent of the application form). The number is checked loosely (6–12 letters and
 * digits, spaces and hyphens ignored) and comes out upper-case; expiry and issuing country are
 * optional.
 */
export const passportSchema = z
  .object({
    intent: z.literal("save"),
    passportName: z.string().trim().min(1).max(100),
    passportNumber: z
      .string({ error: "errors.required" })
      .trim()
      .min(1)
      .max(40)
      .refine((s) => normalizePassportNumber(s) !== null, { error: "visa.errors.passportNumber" })
      .transform((s) => normalizePassportNumber(s)!),
    expiresOn: z.string().trim().refine(isIsoDate, { error: "errors.date" }).optional(),
    issuingCountry: z.enum(MEMBER_COUNTRY_CODES, { error: "errors.memberCountry" }).optional(),
    consent: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.consent) ctx.addIssue({ code: "custom", path: ["consent"], message: "visa.errors.consentRequired" });
  });

export type PassportInput = z.output<typeof passportSchema>;

/** Organizer: issue the missing letters of an edition, or one participant's letter for one country. */
export const bulkLettersSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("generate_all") }),
  z.object({ intent: z.literal("issue_one"), applicationId: z.coerce.number().int().positive(), hostCountry: z.enum(MEMBER_COUNTRY_CODES) }),
]);

/** Organizer: revoke a letter with a reason (required), or issue a new one after a revocation. */
export const letterActionSchema = z.object({ intent: z.enum(["revoke", "reissue"]), reason: z.string().trim().max(500).optional() }).superRefine((v, ctx) => {
  if (v.intent === "revoke" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "visa.errors.reasonRequired" });
});
