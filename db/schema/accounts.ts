/**
 * Accounts: users, their role grants (scopes), login sessions, password reset tokens, invitations,
 * the failed-login log used for rate limiting, and the outbox of mail.
 * Instants are UTC ISO-8601 text (`2026-11-29T14:00:00.000Z`).
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Trimmed and lower-cased: one account per address, whatever its letter case. */
    email: text("email").notNull(),
    /** Null until the person sets one (a nominee who has not claimed the account yet). */
    passwordHash: text("password_hash"),
    displayName: text("display_name").notNull(),
    /**
     * The display name folded for search (foldForSearch: case, diacritics and spaces), written with
     * it (userNameColumns in app/domain/names.ts). Null only on a row written before the column
     * existed, until the next start-up fills it (foldUserSearchNames in db/client.ts).
     */
    searchName: text("search_name"),
    /** Preferred UI and mail language (i18next code). */
    locale: text("locale").notNull().default("en"),
    /** Home IANA time zone, for showing instants in the viewer's own zone. */
    timeZone: text("time_zone"),
    createdAt: text("created_at").notNull().default(now),
    disabledAt: text("disabled_at"),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const ROLES = ["organizer", "focal_point", "host_coordinator"] as const;
export type Role = (typeof ROLES)[number];

/** A role a user holds; focal points are bound to one member country. */
export const roleGrants = sqliteTable(
  "role_grants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    countryCode: text("country_code"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("role_grants_unique").on(t.userId, t.role, t.countryCode)],
);

/** Login sessions, stored server-side so they can be listed and revoked. */
export const loginSessions = sqliteTable(
  "login_sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    data: text("data").notNull().default("{}"),
    createdAt: text("created_at").notNull().default(now),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("login_sessions_user").on(t.userId)],
);

/**
 * A form posted after its login session had expired (issue 12 item 2), kept until the person logs
 * in again and gets the answers back: at most 30 minutes, deleted when restored or expired. The
 * random id travels in the redirectTo URL and in an httpOnly cookie of the same browser; the
 * owner, when the expired session still names one, must be the one who restores it.
 */
export const formStashes = sqliteTable("form_stashes", {
  id: text("id").primaryKey(),
  /** The path the form was posted to (the restore only happens there). */
  path: text("path").notNull(),
  ownerUserId: integer("owner_user_id").references(() => users.id, { onDelete: "cascade" }),
  /** JSON array of [name, value] pairs, text fields only (files and passwords are not kept). */
  data: text("data").notNull(),
  createdAt: text("created_at").notNull().default(now),
  expiresAt: text("expires_at").notNull(),
});

/** Single-use tokens; only a SHA-256 of the token is stored. */
export const passwordResetTokens = sqliteTable("password_reset_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  /** "reset" for a forgotten password, "claim" for a nominee taking over their account. */
  purpose: text("purpose", { enum: ["reset", "claim"] })
    .notNull()
    .default("reset"),
  createdAt: text("created_at").notNull().default(now),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
});

/** An organizer's invitation to become a focal point (with a country) or a host coordinator. */
export const invitations = sqliteTable("invitations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  tokenHash: text("token_hash").notNull().unique(),
  email: text("email").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  countryCode: text("country_code"),
  invitedBy: integer("invited_by")
    .notNull()
    .references(() => users.id),
  createdAt: text("created_at").notNull().default(now),
  expiresAt: text("expires_at").notNull(),
  acceptedAt: text("accepted_at"),
  acceptedBy: integer("accepted_by").references(() => users.id),
});

/** Failed logins, keyed by e-mail and by client address, for rate limiting. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("login_failures_email").on(t.email, t.at), index("login_failures_ip").on(t.ip, t.at)],
);

/**
 * Attempt counters for rate limits and login lockout (rate-limiter-flexible's RateLimiterSQLite
 * table layout: key, points consumed in the window, window end in epoch ms). Keys are
 * "<limit>:<subject>", e.g. "login-pair:<e-mail>|<address>". See app/models/accounts/rate-limits.server.ts.
 */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: integer("expire"),
});

/**
 * Every mail the app sends; with no SMTP server set, organizers read it on the outbox page.
 * Delivery state (app/mail.server.ts `deliveryState`): sent when `sent_at` is set, failed when
 * `error` is set, recorded for `transport = log`, otherwise queued. `claimed_at` marks a row a
 * sender is working on, so the immediate send and the delivery worker never both send it.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    /** The HTML alternative (variables HTML-escaped), when the message was rendered from a template. */
    html: text("html"),
    /** The template kind (app/domain/mail-templates.ts) or `announcement`; null for older rows. */
    kind: text("kind"),
    announcementId: integer("announcement_id"),
    createdAt: text("created_at").notNull().default(now),
    sentAt: text("sent_at"),
    transport: text("transport", { enum: ["log", "smtp"] }).notNull(),
    /** The SMTP error of the last failed attempt. */
    error: text("error"),
    /** SMTP delivery attempts made so far. */
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: text("last_attempt_at"),
    claimedAt: text("claimed_at"),
  },
  (t) => [index("outbox_announcement").on(t.announcementId)],
);

/**
 * Wrong self check-in codes, one row each (issue 12, item 20): the limit of 10 in 10 minutes per
 * person lives in the database, so it survives a restart and holds across several servers.
 */
export const checkInFailures = sqliteTable(
  "check_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("check_in_failures_user").on(t.userId, t.at)],
);
