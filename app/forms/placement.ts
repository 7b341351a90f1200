/**
 * Forms of the placement board (organizer) and of the offer page (participant), shared by the
 * pages (conform client validation) and their actions. Every form posts an `intent`.
 */
import * as z from "zod";
import { isIsoDate } from "~/domain/dates";

const id = z.coerce.number().int().positive();
const reason = z.string().trim().max(2000).optional();
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const runSchema = z.object({
  intent: z.enum(["run", "save"]),
  mode: z.enum(["optimal", "stable"]).default("optimal"),
  acceptUnranked: checkbox,
  fingerprint: z.string().max(64).optional(),
});

export const assignSchema = z.object({
  intent: z.literal("assign"),
  applicationId: id,
  visitId: id,
  reason,
});

export const publishSchema = z.object({
  intent: z.literal("publish"),
  replyBy: z.string().trim().refine(isIsoDate, { message: "errors.date" }),
});

export const waitlistSchema = z.object({
  intent: z.literal("waitlist"),
  applicationId: id,
  visitId: id,
});

/** Any form of the board, told apart by its intent. */
export const boardSchema = z.discriminatedUnion("intent", [
  runSchema.extend({ intent: z.literal("run") }),
  runSchema.extend({ intent: z.literal("save") }),
  assignSchema,
  publishSchema,
  waitlistSchema,
]);
export type BoardInput = z.output<typeof boardSchema>;

/** The organizer's changes to one placement. */
export const placementActionSchema = z
  .discriminatedUnion("intent", [
    z.object({ intent: z.literal("move"), visitId: id, reason }),
    z.object({ intent: z.literal("lock") }),
    z.object({ intent: z.literal("unlock") }),
    z.object({ intent: z.literal("unassign") }),
    z.object({ intent: z.literal("cancel"), reason }),
  ])
  .superRefine((v, ctx) => {
    if (v.intent === "cancel" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "errors.required" });
  });
export type PlacementActionInput = z.output<typeof placementActionSchema>;

/** The participant's answer to an offer. */
export const replySchema = z.object({ intent: z.enum(["accept", "decline"]), reason });
