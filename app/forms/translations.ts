/**
 * The "Translations" part of organizer forms (issue 11, item 8): inputs named
 * `tr.<field>.<lng>`, parsed by conform into `{ tr: { name: { km: "…" } } }`. Values are trimmed
 * and NFC-normalised; empty ones dropped; languages outside the interface languages ignored; a value
 * longer than the field's own limit is a field error under its input (`tr.<field>.<lng>`). A form
 * without any translation input gives `undefined`: the stored translations are then kept.
 */
import * as z from "zod";
import { cleanTranslations, contentLngs, type Translations } from "~/domain/local-text";

/** Zod field for the translations of `limits`' fields (field → maximum length, as for English). */
export function translationsField<F extends string>(limits: Record<F, number>) {
  const fields = Object.keys(limits) as F[];
  return z
    .unknown()
    .superRefine((v, ctx) => {
      const src = v && typeof v === "object" ? (v as Record<string, Record<string, unknown>>) : {};
      for (const f of fields)
        for (const l of contentLngs()) {
          const text = src[f]?.[l];
          if (typeof text === "string" && text.normalize("NFC").trim().length > limits[f])
            ctx.addIssue({ code: "custom", path: [f, l], message: "errors.tooLong" });
        }
    })
    .transform((v): Translations<F> => cleanTranslations(v, fields))
    .optional();
}
