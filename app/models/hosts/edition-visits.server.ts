/**
 * The organizer's overview of an edition's exchange visits: every visit with its seats and seats
 * taken (placements proposed, offered or accepted), totals of seats against accepted
 * participants per host country and per sending country, and the language cover (is each
 * language of an accepted participant spoken or interpreted at some visit).
 */
import { shownVisitStatus } from "../../domain/visits";
import { and, asc, eq, sql } from "drizzle-orm";
import { db, t } from "../../db.server";
import { todayIn } from "../../domain/dates";
import { pickField, shownName, siteNames } from "../../domain/local-text";
import { displayName } from "../../domain/names";
import { languageCover } from "../../domain/visits";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { NotFoundError } from "../errors";

/**
 * The overview for a reader of `lng`: the edition's name and the visit titles in their language
 * (else English, else the first given), with the language each is in (`lang`, `titleLang`).
 */
export function editionVisitsOverview(actor: Actor, editionId: number, lng = "en") {
  requireOrganizer(actor);
  const edition = Number.isInteger(editionId) ? db().select().from(t.editions).where(eq(t.editions.id, editionId)).get() : undefined;
  if (!edition) throw new NotFoundError("edition");

  const visits = db()
    .select({
      id: t.exchangeVisits.id,
      title: t.exchangeVisits.title,
      translations: t.exchangeVisits.translations,
      siteId: t.hostSites.id,
      siteName: t.hostSites.name,
      siteNameLatin: t.hostSites.nameLatin,
      siteTranslations: t.hostSites.translations,
      countryCode: t.hostSites.countryCode,
      arrivalOn: t.exchangeVisits.arrivalOn,
      departureOn: t.exchangeVisits.departureOn,
      capacity: t.exchangeVisits.capacity,
      perCountryCap: t.exchangeVisits.perCountryCap,
      themes: t.exchangeVisits.themes,
      languages: t.exchangeVisits.languages,
      interpreterLanguages: t.exchangeVisits.interpreterLanguages,
      status: t.exchangeVisits.status,
      seatsTaken: sql<number>`(select count(*) from placements p where p.visit_id = "exchange_visits"."id" and p.status in ('proposed','offered','accepted'))`,
    })
    .from(t.exchangeVisits)
    .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
    .where(eq(t.exchangeVisits.editionId, editionId))
    .orderBy(asc(t.hostSites.countryCode), asc(t.exchangeVisits.arrivalOn), asc(t.exchangeVisits.id))
    .all();
  const planned = visits.filter((v) => v.status !== "cancelled");

  const accepted = db()
    .select({
      id: t.applications.id,
      givenName: t.applications.givenName,
      familyName: t.applications.familyName,
      givenNameLatin: t.applications.givenNameLatin,
      familyNameLatin: t.applications.familyNameLatin,
      nameOrder: t.applications.nameOrder,
      country: t.applications.nationality,
      languages: t.applications.languages,
      placed: sql<number>`(select count(*) from placements p join exchange_visits v on v.id = p.visit_id where p.application_id = "applications"."id" and v.edition_id = ${editionId} and p.status in ('proposed','offered','accepted'))`,
    })
    .from(t.applications)
    .where(and(eq(t.applications.editionId, editionId), eq(t.applications.status, "accepted")))
    .all();

  const byHost = new Map<string, { countryCode: string; visits: number; seats: number; taken: number }>();
  for (const v of planned) {
    const row = byHost.get(v.countryCode) ?? { countryCode: v.countryCode, visits: 0, seats: 0, taken: 0 };
    row.visits += 1;
    row.seats += v.capacity;
    row.taken += v.seatsTaken;
    byHost.set(v.countryCode, row);
  }

  const bySending = new Map<string, { countryCode: string; accepted: number; placed: number; seatsOpenToThem: number }>();
  for (const a of accepted) {
    const code = a.country ?? "";
    const row = bySending.get(code) ?? { countryCode: code, accepted: 0, placed: 0, seatsOpenToThem: 0 };
    row.accepted += 1;
    if (a.placed > 0) row.placed += 1;
    bySending.set(code, row);
  }
  // Seats a sending country can use: per visit its per-country cap (not in its own country).
  for (const row of bySending.values()) {
    row.seatsOpenToThem = planned.filter((v) => v.countryCode !== row.countryCode).reduce((s, v) => s + Math.min(v.perCountryCap, v.capacity), 0);
  }

  const cover = languageCover(
    accepted.map((a) => ({ id: a.id, name: displayName(a), country: a.country, languages: a.languages.map((l) => l.code) })),
    planned,
  );

  // A visit whose departure day is behind us (edition zone) is marked past (issue 12, item 20).
  const today = todayIn(edition.timeZone);
  return {
    edition: { id: edition.id, ...shownName(edition, lng) },
    visits: visits.map(({ translations, siteTranslations, ...v }) => {
      const title = pickField(v.title, translations, "title", lng);
      const site = siteNames({ name: v.siteName, nameLatin: v.siteNameLatin, countryCode: v.countryCode, translations: siteTranslations }, lng);
      return {
        ...v,
        title: title.text,
        titleLang: title.lang,
        site,
        past: v.departureOn < today,
        shownStatus: shownVisitStatus(v.status, v.departureOn, today),
      };
    }),
    totals: {
      visits: planned.length,
      seats: planned.reduce((s, v) => s + v.capacity, 0),
      taken: planned.reduce((s, v) => s + v.seatsTaken, 0),
      accepted: accepted.length,
      placed: accepted.filter((a) => a.placed > 0).length,
    },
    byHost: [...byHost.values()].sort((a, b) => a.countryCode.localeCompare(b.countryCode)),
    bySending: [...bySending.values()].sort((a, b) => a.countryCode.localeCompare(b.countryCode)),
    cover,
  };
}
