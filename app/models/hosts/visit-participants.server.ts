/**
 * "Who is coming": the participants placed in a visit (placements offered or accepted) with only
 * what a host needs (docs/design.md "Sensitive data"): name in their order and script with the Latin
 * form, country, gender, languages, dietary and accessibility needs where the participant
 * consented, and the arrival and departure. The query names its columns one by one; birth date,
 * passport, phone, e-mail and emergency contact are never read. Needs without consent are
 * blanked in SQL, so they never leave the database.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, t } from "../../db.server";
import { displayName, latinName, sortKey } from "../../domain/names";
import type { Actor } from "../actor";
import { visitInScope } from "./visits.server";
import { collator as sharedCollator } from "../../domain/intl";

export const WHO_IS_COMING_STATUSES = ["offered", "accepted"] as const;

export type ComingParticipant = {
  placementId: number;
  status: "offered" | "accepted";
  name: string;
  nameLatin: string;
  country: string | null;
  gender: string | null;
  languages: { code: string; level: string }[];
  dietaryNeeds: string | null;
  accessibilityNeeds: string | null;
  arrivalOn: string;
  departureOn: string;
};

/** The visit's placed participants for its host (scope checked: NotFoundError outside). */
export function listWhoIsComing(actor: Actor, visitId: number): ComingParticipant[] {
  visitInScope(actor, visitId);
  const consented = sql`${t.applications.sensitiveConsentAt} is not null`;
  const rows = db()
    .select({
      placementId: t.placements.id,
      status: t.placements.status,
      givenName: t.applications.givenName,
      familyName: t.applications.familyName,
      givenNameLatin: t.applications.givenNameLatin,
      familyNameLatin: t.applications.familyNameLatin,
      nameOrder: t.applications.nameOrder,
      country: t.applications.nationality,
      gender: t.applications.gender,
      languages: t.applications.languages,
      dietaryNeeds: sql<string | null>`case when ${consented} and ${t.applications.dietaryNeeds} <> '' then ${t.applications.dietaryNeeds} end`,
      accessibilityNeeds: sql<
        string | null
      >`case when ${consented} and ${t.applications.accessibilityNeeds} <> '' then ${t.applications.accessibilityNeeds} end`,
      arrivalOn: t.exchangeVisits.arrivalOn,
      departureOn: t.exchangeVisits.departureOn,
    })
    .from(t.placements)
    .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
    .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
    .where(and(eq(t.placements.visitId, visitId), inArray(t.placements.status, [...WHO_IS_COMING_STATUSES])))
    .orderBy(asc(t.placements.id))
    .all();
  const collator = sharedCollator("en");
  return rows
    .map((r) => ({
      placementId: r.placementId,
      status: r.status as ComingParticipant["status"],
      name: displayName(r),
      nameLatin: latinName(r),
      country: r.country,
      gender: r.gender,
      languages: r.languages.map((l) => ({ code: l.code, level: l.level })),
      dietaryNeeds: r.dietaryNeeds,
      accessibilityNeeds: r.accessibilityNeeds,
      arrivalOn: r.arrivalOn,
      departureOn: r.departureOn,
      _sort: `${r.country ?? ""} ${sortKey(r)}`,
    }))
    .sort((a, b) => collator.compare(a._sort, b._sort))
    .map(({ _sort, ...p }) => p);
}
