/**
 * The organizer's form for one custom application question (issue 15, item 1), shared by the page
 * (conform client validation) and its action. Options are typed one per line (English), their
 * translations one per line in the same order (TranslationsFieldset `tr.options.<lng>`).
 */
import * as z from "zod";
import { QUESTION_KINDS } from "~/domain/questions";
import { translationsField } from "./translations";

export const questionSchema = z
  .object({
    intent: z.literal("save"),
    questionId: z.coerce.number().int().positive().optional(),
    kind: z.enum(QUESTION_KINDS, { error: "errors.required" }),
    label: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(300, "errors.tooLong"),
    required: z.boolean().optional(),
    options: z.string().max(6000, "errors.tooLong").optional(),
    tr: translationsField({ label: 300, options: 6000 }),
  })
  .superRefine((v, ctx) => {
    const n = (v.options ?? "").split(/\r?\n/).filter((l) => l.trim()).length;
    if ((v.kind === "single_choice" || v.kind === "multi_choice") && n < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "secretariat.questions.errors.twoOptions" });
  })
  .transform((v) => ({
    questionId: v.questionId,
    input: {
      kind: v.kind,
      label: v.label,
      required: !!v.required,
      options:
        v.kind === "single_choice" || v.kind === "multi_choice"
          ? (v.options ?? "")
              .split(/\r?\n/)
              .map((l) => l.trim())
              .filter(Boolean)
          : [],
      translations: v.tr ?? {},
    },
  }));

/** The small buttons of the list: move, remove, restore. */
export const questionListActionSchema = z.object({
  intent: z.enum(["up", "down", "remove", "restore"]),
  questionId: z.coerce.number().int().positive(),
});
