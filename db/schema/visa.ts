/**
 * Visa invitation letters (issue 15, item 3).
 *
 * Passports: what a participant typed from their passport for a visa letter, one row per
 * application, only with their recorded consent (`consent_at`, UTC ISO). A separate table so
 * that no query of applications (focal points, hosts, exports) can read it by accident: only the
 * participant themself and organizers do (app/models/visa/). Erasure deletes the row.
 *
 * Letters: one row per issuance, for an accepted application and one host country (a
 * multi-country stay needs one letter per country). At most one valid (not revoked) letter per
 * application and host country (partial unique index); after a revocation a new one may be
 * issued with a new number and code. `issued_on` (`YYYY-MM-DD`, the edition's zone) and the
 * visit dates and places (`places`) are fixed when issued, never recomputed at render time.
 */
import { sql } from "drizzle-orm";
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { applications, editions } from "./programme";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const applicationPassports = sqliteTable("application_passports", {
  applicationId: integer("application_id")
    .primaryKey()
    .references(() => applications.id, { onDelete: "cascade" }),
  /** The name exactly as printed in the passport (its Latin form). */
  passportName: text("passport_name").notNull(),
  /** Upper-case letters and digits, 6–12 (app/forms/passport.ts). */
  passportNumber: text("passport_number").notNull(),
  /** `YYYY-MM-DD`, optional. */
  expiresOn: text("expires_on"),
  /** ISO 3166-1 alpha-2 of the issuing country, optional. */
  issuingCountry: text("issuing_country"),
  /** When the participant consented to the processing of their passport data (UTC ISO). */
  consentAt: text("consent_at").notNull(),
  updatedAt: text("updated_at").notNull().default(now),
});

/** A place of the visit as the letter states it (snapshot at issue). */
export type VisaLetterPlace = {
  visitId: number;
  siteName: string;
  siteNameLatin: string;
  province: string;
  district: string;
  arrivalOn: string;
  departureOn: string;
};

export const visaLetters = sqliteTable(
  "visa_letters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id),
    /** ISO alpha-2 of the country the letter invites to (the visited sites' country). */
    hostCountry: text("host_country").notNull(),
    /** Running number within the edition; `number` is its printed form ("VLX-10-V0007"). */
    seq: integer("seq").notNull(),
    number: text("number").notNull(),
    /** Unguessable verification code (app/domain/certificate-code.ts), checked at /verify/:code. */
    code: text("code").notNull(),
    /** `YYYY-MM-DD` in the edition's zone on the day of issue. */
    issuedOn: text("issued_on").notNull(),
    issuedAt: text("issued_at").notNull().default(now),
    /** The organizer who issued and signs it. */
    issuedBy: integer("issued_by").references(() => users.id),
    /** Earliest arrival and latest departure of the places, `YYYY-MM-DD`. */
    arrivalOn: text("arrival_on").notNull(),
    departureOn: text("departure_on").notNull(),
    places: text("places", { mode: "json" }).$type<VisaLetterPlace[]>().notNull(),
    revokedAt: text("revoked_at"),
    revokedBy: integer("revoked_by").references(() => users.id),
    revokeReason: text("revoke_reason"),
  },
  (t) => [
    uniqueIndex("visa_letters_code").on(t.code),
    uniqueIndex("visa_letters_number").on(t.number),
    uniqueIndex("visa_letters_edition_seq").on(t.editionId, t.seq),
    uniqueIndex("visa_letters_valid_per_country")
      .on(t.applicationId, t.hostCountry)
      .where(sql`revoked_at is null`),
  ],
);
