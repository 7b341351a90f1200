/**
 * Host sites, their coordinators, exchange visits and placements (docs/design.md).
 * Date-only values are `YYYY-MM-DD` text; instants are UTC ISO-8601 text.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { applications, editions } from "./programme";
import { translations } from "./local-text";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const VETTING_STATUSES = ["pending", "vetted", "suspended"] as const;
export type InterpreterCover = { name: string; languages: string[] };
export type ContactPerson = { name: string; role?: string; phone?: string; email?: string };

export const hostSites = sqliteTable("host_sites", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  nameLatin: text("name_latin").notNull().default(""),
  countryCode: text("country_code").notNull(),
  province: text("province").notNull().default(""),
  district: text("district").notNull().default(""),
  /** IANA zone of the site (defaults from the country; Indonesia has three). */
  timeZone: text("time_zone").notNull(),
  latitude: text("latitude"),
  longitude: text("longitude"),
  description: text("description").notNull().default(""),
  /**
   * Other languages of description and accessibility (English is the plain column), and of the
   * name (issue 11: the Latin name is its English, the local-script one its country's language).
   */
  translations: translations<"name" | "description" | "accessibility">(),
  themes: text("themes", { mode: "json" }).$type<string[]>().notNull().default([]),
  languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default([]),
  interpreters: text("interpreters", { mode: "json" }).$type<InterpreterCover[]>().notNull().default([]),
  /** homestay, guesthouse, hotel (JSON array). */
  accommodation: text("accommodation", { mode: "json" }).$type<string[]>().notNull().default([]),
  beds: integer("beds").notNull().default(0),
  dietaryAbilities: text("dietary_abilities", { mode: "json" }).$type<string[]>().notNull().default([]),
  accessibility: text("accessibility").notNull().default(""),
  contacts: text("contacts", { mode: "json" }).$type<ContactPerson[]>().notNull().default([]),
  vettingStatus: text("vetting_status", { enum: VETTING_STATUSES }).notNull().default("pending"),
  vettingNotes: text("vetting_notes").notNull().default(""),
  /** Date-only: the last vetting check. */
  lastCheckedOn: text("last_checked_on"),
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at").notNull().default(now),
});

/** Which host coordinators keep which sites (many to many). */
export const hostSiteCoordinators = sqliteTable(
  "host_site_coordinators",
  {
    hostSiteId: integer("host_site_id")
      .notNull()
      .references(() => hostSites.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.hostSiteId, t.userId] })],
);

export const VISIT_STATUSES = ["planned", "cancelled"] as const;

export const exchangeVisits = sqliteTable(
  "exchange_visits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id),
    hostSiteId: integer("host_site_id")
      .notNull()
      .references(() => hostSites.id),
    title: text("title").notNull().default(""),
    arrivalOn: text("arrival_on").notNull(),
    departureOn: text("departure_on").notNull(),
    /** Seats. */
    capacity: integer("capacity").notNull(),
    /** At most this many participants from one sending country. */
    perCountryCap: integer("per_country_cap").notNull(),
    themes: text("themes", { mode: "json" }).$type<string[]>().notNull().default([]),
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default([]),
    interpreterLanguages: text("interpreter_languages", { mode: "json" }).$type<string[]>().notNull().default([]),
    homestay: integer("homestay", { mode: "boolean" }).notNull().default(false),
    notes: text("notes").notNull().default(""),
    /** Other languages of title and notes (English is the plain column). */
    translations: translations<"title" | "notes">(),
    status: text("status", { enum: VISIT_STATUSES }).notNull().default("planned"),
    cancelReason: text("cancel_reason"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("exchange_visits_edition").on(t.editionId), index("exchange_visits_site").on(t.hostSiteId)],
);

export const PLACEMENT_STATUSES = ["proposed", "offered", "accepted", "declined", "expired", "cancelled"] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
/** Statuses that hold a seat (docs/design.md invariant 1). */
export const SEAT_HOLDING: PlacementStatus[] = ["proposed", "offered", "accepted"];

/** A participant (an accepted application) assigned to an exchange visit; an offer once sent. */
export const placements = sqliteTable(
  "placements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    visitId: integer("visit_id")
      .notNull()
      .references(() => exchangeVisits.id),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    status: text("status", { enum: PLACEMENT_STATUSES }).notNull().default("proposed"),
    /** Kept by the engine on re-runs. */
    locked: integer("locked", { mode: "boolean" }).notNull().default(false),
    /** A written reason when an organizer overrode a hard rule (audited). */
    overrideReason: text("override_reason"),
    /** Date-only reply-by date of the offer, read in the visit's site zone. */
    replyBy: text("reply_by"),
    offeredAt: text("offered_at"),
    respondedAt: text("responded_at"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("placements_visit_status").on(t.visitId, t.status), index("placements_application").on(t.applicationId)],
);
