/**
 * Training sessions (issue 5): venues, trainers, interpreters, the sessions themselves with their
 * trainers and interpreters, enrolments (with a waiting list), secret calendar-feed tokens and
 * organizer-kept public holidays (date-holidays has no data for KH, LA, MM).
 *
 * Instants (`starts_at`, `ends_at`) are UTC ISO-8601 text stored with the venue's IANA zone
 * (`time_zone`); date-only values are `YYYY-MM-DD` text. In code the word is "training": the word
 * "session" alone means a login session.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { translations } from "./local-text";
import { applications, editions } from "./programme";
import { exchangeVisits, hostSites } from "./hosts";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export type InterpreterLanguagePair = { from: string; to: string; oneWay?: boolean };

/** A place where trainings happen; usually at or near a host site. */
export const venues = sqliteTable(
  "venues",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    address: text("address").notNull().default(""),
    /** ISO 3166-1 alpha-2 of the venue (public holidays). */
    countryCode: text("country_code").notNull(),
    /** IANA zone of the venue (defaults from the host site's zone or the country's). */
    timeZone: text("time_zone").notNull(),
    hostSiteId: integer("host_site_id").references(() => hostSites.id),
    /** Seats in the room, if known. */
    capacity: integer("capacity"),
    /** When an organizer retired it: kept for past trainings, not offered for new ones (issue 12 item 20). */
    retiredAt: text("retired_at"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("venues_host_site").on(t.hostSiteId)],
);

/** A person who teaches at trainings, with the languages they teach in (BCP 47 codes). */
export const trainers = sqliteTable("trainers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  organisation: text("organisation").notNull().default(""),
  languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default([]),
  email: text("email").notNull().default(""),
  /** When an organizer retired them: kept for past trainings, not offered for new ones (issue 12 item 20). */
  retiredAt: text("retired_at"),
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at").notNull().default(now),
});

/** An interpreter with the language pairs they work in (both ways unless `oneWay`). */
export const interpreters = sqliteTable("interpreters", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  languagePairs: text("language_pairs", { mode: "json" }).$type<InterpreterLanguagePair[]>().notNull().default([]),
  email: text("email").notNull().default(""),
  /** When an organizer retired them: kept for past trainings, not offered for new ones (issue 12 item 20). */
  retiredAt: text("retired_at"),
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at").notNull().default(now),
});

export const TRAINING_TYPES = ["lecture", "workshop", "field_visit", "forum", "online"] as const;
export type TrainingType = (typeof TRAINING_TYPES)[number];
export const TRAINING_STATUSES = ["draft", "scheduled", "held", "cancelled"] as const;
export type TrainingSessionStatus = (typeof TRAINING_STATUSES)[number];
/** Who attends: everyone placed on the visit, everyone accepted in the edition, or those who enrol. */
export const TRAINING_AUDIENCES = ["visit", "edition", "enrol"] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

/**
 * A repeating training (issue 15, item 8): its occurrences are ordinary training sessions that
 * share `series_id`, each checked, changed and cancelled on its own. `rule` is the RFC 5545
 * RRULE the occurrences were made from (DTSTART as the first local day), kept for display and audit.
 */
export const trainingSeries = sqliteTable("training_series", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  editionId: integer("edition_id")
    .notNull()
    .references(() => editions.id),
  rule: text("rule").notNull(),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: text("created_at").notNull().default(now),
});

export const trainingSessions = sqliteTable(
  "training_sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id),
    visitId: integer("visit_id").references(() => exchangeVisits.id),
    title: text("title").notNull(),
    type: text("type", { enum: TRAINING_TYPES }).notNull(),
    description: text("description").notNull().default(""),
    /** Other languages of title and description (English is the plain column). */
    translations: translations<"title" | "description">(),
    /** Null for online-only trainings. */
    venueId: integer("venue_id").references(() => venues.id),
    /** UTC ISO instants. */
    startsAt: text("starts_at").notNull(),
    endsAt: text("ends_at").notNull(),
    /** IANA zone of the venue (or of the organiser, online). */
    timeZone: text("time_zone").notNull(),
    onlineUrl: text("online_url"),
    /** BCP 47 code of the language the trainers speak. */
    deliveryLanguage: text("delivery_language").notNull().default("en"),
    /** Seats; null means no limit. */
    capacity: integer("capacity"),
    audience: text("audience", { enum: TRAINING_AUDIENCES }).notNull(),
    status: text("status", { enum: TRAINING_STATUSES }).notNull().default("draft"),
    cancelReason: text("cancel_reason"),
    /** The series this session is one occurrence of; null for a one-off session. */
    seriesId: integer("series_id").references(() => trainingSeries.id),
    /** Edit counter: the iCalendar SEQUENCE. */
    revision: integer("revision").notNull().default(0),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    index("training_sessions_edition_start").on(t.editionId, t.startsAt),
    index("training_sessions_visit").on(t.visitId),
    index("training_sessions_venue").on(t.venueId),
    index("training_sessions_series").on(t.seriesId, t.startsAt),
  ],
);

export const trainingSessionTrainers = sqliteTable(
  "training_session_trainers",
  {
    trainingSessionId: integer("training_session_id")
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    trainerId: integer("trainer_id")
      .notNull()
      .references(() => trainers.id),
  },
  (t) => [primaryKey({ columns: [t.trainingSessionId, t.trainerId] }), index("training_session_trainers_trainer").on(t.trainerId)],
);

export const trainingSessionInterpreters = sqliteTable(
  "training_session_interpreters",
  {
    trainingSessionId: integer("training_session_id")
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    interpreterId: integer("interpreter_id")
      .notNull()
      .references(() => interpreters.id),
  },
  (t) => [primaryKey({ columns: [t.trainingSessionId, t.interpreterId] }), index("training_session_interpreters_interpreter").on(t.interpreterId)],
);

export const ENROLMENT_STATUSES = ["enrolled", "waitlisted", "cancelled"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** A participant (an accepted application) enrolled in, or waiting for, an 'enrol' training. */
export const trainingEnrolments = sqliteTable(
  "training_enrolments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    trainingSessionId: integer("training_session_id")
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    status: text("status", { enum: ENROLMENT_STATUSES }).notNull(),
    /** Place on the waiting list (1 = next); null unless waitlisted. */
    position: integer("position"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("training_enrolments_unique").on(t.trainingSessionId, t.applicationId),
    index("training_enrolments_status").on(t.trainingSessionId, t.status),
    index("training_enrolments_application").on(t.applicationId),
  ],
);

export const FEED_KINDS = ["participant", "visit"] as const;

/** Secret, revocable calendar-feed URLs (`/feeds/<token>.ics`): one per participant application or per visit. */
export const calendarFeedTokens = sqliteTable(
  "calendar_feed_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /**
     * SHA-256 (hex) of the random URL-safe secret: the secret itself is shown once, when made, and
     * never stored (issue 13). Null only on rows from before migration feed_token_hash until the
     * start-up step hashes them (db/client.ts hashLegacyFeedTokens).
     */
    tokenHash: text("token_hash"),
    /** Legacy: the plain secret of rows made before feed_token_hash; emptied at start once hashed. */
    token: text("token"),
    kind: text("kind", { enum: FEED_KINDS }).notNull(),
    applicationId: integer("application_id").references(() => applications.id),
    visitId: integer("visit_id").references(() => exchangeVisits.id),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    revokedAt: text("revoked_at"),
  },
  (t) => [
    uniqueIndex("calendar_feed_tokens_token").on(t.token),
    uniqueIndex("calendar_feed_tokens_token_hash").on(t.tokenHash),
    index("calendar_feed_tokens_application").on(t.applicationId),
    index("calendar_feed_tokens_visit").on(t.visitId),
  ],
);

/** Public holidays organizers add for a country (for KH, LA, MM, or one-off days). */
export const holidayOverrides = sqliteTable(
  "holiday_overrides",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    countryCode: text("country_code").notNull(),
    /** `YYYY-MM-DD`. */
    date: text("date").notNull(),
    name: text("name").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("holiday_overrides_unique").on(t.countryCode, t.date, t.name)],
);
