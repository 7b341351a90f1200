/**
 * Messages (issue 15, item 5): organizers' overrides of the e-mail templates, per kind and
 * language, and announcements sent to a group. The outbox itself is in accounts.ts.
 * Instants are UTC ISO-8601 text.
 */
import { sql } from "drizzle-orm";
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { translations } from "./local-text";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * An organizer's version of one kind of e-mail in one language. No row means the default text
 * shipped in the locales; "reset to default" deletes the row. Subject and body are mustache
 * templates using only the kind's variables (app/domain/mail-templates.ts).
 */
export const mailTemplates = sqliteTable(
  "mail_templates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    locale: text("locale").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedAt: text("updated_at").notNull().default(now),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [uniqueIndex("mail_templates_kind_locale").on(t.kind, t.locale)],
);

export const ANNOUNCEMENT_GROUPS = ["edition", "delegation", "visit", "status"] as const;
export type AnnouncementGroup = (typeof ANNOUNCEMENT_GROUPS)[number];

/**
 * A message an organizer sent to a group: the default subject and body (shown to anyone whose
 * language has no version) and per-language versions in `translations`; one outbox row per
 * recipient points back here. `request_key` is the form's one-time key, so a repeated submit does
 * not send twice.
 */
export const announcements = sqliteTable(
  "announcements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupType: text("group_type", { enum: ANNOUNCEMENT_GROUPS }).notNull(),
    editionId: integer("edition_id").notNull(),
    countryCode: text("country_code"),
    visitId: integer("visit_id"),
    status: text("status"),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    translations: translations<"subject" | "body">(),
    recipientCount: integer("recipient_count").notNull(),
    requestKey: text("request_key").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("announcements_request_key").on(t.requestKey)],
);
