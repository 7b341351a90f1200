/**
 * The programme: editions, their per-country quotas, applications and the audit log.
 * Date-only values are `YYYY-MM-DD` text; instants are UTC ISO-8601 text.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { translations } from "./local-text";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const EDITION_MODES = ["in_person", "online", "hybrid"] as const;

export const editions = sqliteTable("editions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  ordinal: integer("ordinal").notNull(),
  mode: text("mode", { enum: EDITION_MODES }).notNull(),
  /** JSON array of member-country codes, e.g. ["CN"]. */
  hostCountries: text("host_countries", { mode: "json" }).$type<string[]>().notNull(),
  startsOn: text("starts_on").notNull(),
  endsOn: text("ends_on").notNull(),
  /** The application window, inclusive, as dates in the edition's time zone. */
  applicationsOpenOn: text("applications_open_on").notNull(),
  applicationsCloseOn: text("applications_close_on").notNull(),
  /** IANA zone in which the window's dates are read (usually the host country's). */
  timeZone: text("time_zone").notNull(),
  /** JSON array of theme codes (app/domain/themes.ts). */
  themes: text("themes", { mode: "json" }).$type<string[]>().notNull(),
  description: text("description").notNull().default(""),
  /** Other languages of name and description (English is the plain column). */
  translations: translations<"name" | "description">(),
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at").notNull().default(now),
});

export const editionQuotas = sqliteTable(
  "edition_quotas",
  {
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    countryCode: text("country_code").notNull(),
    /** How many applications of the country may be endorsed. */
    quota: integer("quota").notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.countryCode] })],
);

export const APPLICATION_STATUSES = ["draft", "submitted", "endorsed", "accepted", "waitlisted", "rejected", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type LanguageSkill = { code: string; level: "basic" | "working" | "fluent" | "native" };

export const applications = sqliteTable(
  "applications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id),
    /** The village leader; one application per person and edition. */
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** The focal point who started it as a nomination, if any. */
    nominatedBy: integer("nominated_by").references(() => users.id),
    status: text("status", { enum: APPLICATION_STATUSES }).notNull().default("draft"),
    givenName: text("given_name").notNull().default(""),
    familyName: text("family_name").notNull().default(""),
    givenNameLatin: text("given_name_latin").notNull().default(""),
    familyNameLatin: text("family_name_latin").notNull().default(""),
    nameOrder: text("name_order", { enum: ["given_first", "family_first"] })
      .notNull()
      .default("given_first"),
    /** Case- and diacritic-folded names (native and Latin) for search. */
    searchName: text("search_name").notNull().default(""),
    gender: text("gender", { enum: ["female", "male", "other", "undisclosed"] }),
    birthDate: text("birth_date"),
    nationality: text("nationality"),
    village: text("village").notNull().default(""),
    district: text("district").notNull().default(""),
    province: text("province").notNull().default(""),
    position: text("position").notNull().default(""),
    /** village_head, village_official, community_officer, expert, other. */
    positionKind: text("position_kind"),
    yearsInPosition: integer("years_in_position"),
    languages: text("languages", { mode: "json" }).$type<LanguageSkill[]>().notNull().default([]),
    themes: text("themes", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** Ranked, first is most preferred. */
    preferredHostCountries: text("preferred_host_countries", { mode: "json" }).$type<string[]>().notNull().default([]),
    availableFrom: text("available_from"),
    availableTo: text("available_to"),
    dietaryNeeds: text("dietary_needs").notNull().default(""),
    accessibilityNeeds: text("accessibility_needs").notNull().default(""),
    /** When the applicant consented to the processing of dietary/access (health) data. */
    sensitiveConsentAt: text("sensitive_consent_at"),
    emergencyContactName: text("emergency_contact_name").notNull().default(""),
    emergencyContactRelation: text("emergency_contact_relation").notNull().default(""),
    emergencyContactPhone: text("emergency_contact_phone").notNull().default(""),
    /** E.164. */
    phone: text("phone").notNull().default(""),
    motivation: text("motivation").notNull().default(""),
    /** Last reason given by a focal point (return) or organizer (decision). */
    statusReason: text("status_reason"),
    submittedAt: text("submitted_at"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("applications_edition_user").on(t.editionId, t.userId),
    index("applications_edition_status").on(t.editionId, t.status),
    index("applications_nationality").on(t.nationality),
  ],
);

/** Who changed what, when, from what to what (docs/design.md "audit event"). */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(now),
    actorUserId: integer("actor_user_id").references(() => users.id),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id").notNull(),
    action: text("action").notNull(),
    fromState: text("from_state"),
    toState: text("to_state"),
    reason: text("reason"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_events_entity").on(t.entityType, t.entityId)],
);
