/** Forms of the certificate pages (issue 15, item 4), shared by the pages and their actions. */
import * as z from "zod";

const threshold = z.coerce.number().int().min(1).max(100).optional();

/** Organizer: issue one certificate, or revoke the valid one with a reason (required). */
export const certificateActionSchema = z
  .object({ intent: z.enum(["issue", "revoke"]), threshold, reason: z.string().trim().max(500).optional() })
  .superRefine((v, ctx) => {
    if (v.intent === "revoke" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "secretariat.certificates.errors.reasonRequired" });
  });

/** Organizer: issue the certificates of everyone who completed an edition. */
export const bulkIssueSchema = z.object({ intent: z.literal("issue_certificates"), threshold });
