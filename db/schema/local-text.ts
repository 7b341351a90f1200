/**
 * A drizzle column type for the translations of a row's organizer-written text (issue 11, item 8):
 * JSON text `{ "<field>": { "<lng>": "…" } }`, English kept in the row's plain column. Values are
 * NFC-normalised on write; an unreadable value reads as no translations (never a 500).
 * Shapes and reading order: app/domain/local-text.ts.
 */
import { sql } from "drizzle-orm";
import { customType } from "drizzle-orm/sqlite-core";
import type { Translations } from "../../app/domain/local-text";

const translationsType = customType<{ data: Translations; driverData: string }>({
  dataType: () => "text",
  toDriver(value) {
    const out: Translations = {};
    for (const [field, texts] of Object.entries(value ?? {})) {
      const clean: Record<string, string> = {};
      for (const [lng, v] of Object.entries(texts ?? {})) if (typeof v === "string" && v.trim()) clean[lng] = v.normalize("NFC").trim();
      if (Object.keys(clean).length) out[field] = clean;
    }
    return JSON.stringify(out);
  },
  fromDriver(value) {
    try {
      const parsed = JSON.parse(value);
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
    } catch {
      return {};
    }
  },
});

/** `translations` column: the other languages of the fields `F` (English is the plain column). */
export function translations<F extends string>() {
  return translationsType("translations")
    .$type<Translations<F>>()
    .notNull()
    .default(sql`'{}'`);
}
