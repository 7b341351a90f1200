/**
 * What the organizer's placement board shows (issue 4), read from the database after expiring
 * the offers that are due: each open visit with its seats, country mix, gender mix, languages and
 * the people placed there; each accepted participant with languages, availability, ranked host
 * countries and placement; the proposals ready to be sent; and the freed seats with the waitlisted
 * applicants who fit them.
 */
import { addDays, todayIn } from "../../domain/dates";
import { shownName, siteNames, visitTitleShown } from "../../domain/local-text";
import { hardRuleFailures, rankOf } from "../../domain/placement";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { loadBoardData, personOf, SEATS, toEngineVisit, toParticipant, type BoardData } from "./instance.server";
import { expireOffers } from "./offers.server";
import { collator as sharedCollator } from "../../domain/intl";

/** A reply-by date to suggest: two weeks from today in the edition's zone, but before the first arrival. */
export function suggestedReplyBy(data: BoardData, now: Date = new Date()): string {
  const today = todayIn(data.edition.timeZone, now);
  const firstArrival = data.visits
    .filter((v) => v.visit.status === "planned")
    .map((v) => v.visit.arrivalOn)
    .sort()[0];
  const twoWeeks = addDays(today, 14);
  return firstArrival && addDays(firstArrival, -1) < twoWeeks ? addDays(firstArrival, -1) : twoWeeks;
}

export type WaitlistSuggestion = { visitId: number; free: number; freed: number; candidates: { applicationId: number; rank: number | null }[] };

/**
 * Visits with free seats freed by a declined, expired or cancelled placement, each with the
 * waitlisted applications of the edition whose hard rules fit it and whose country is under the
 * visit's cap (best ranked first, then by id). Pure over `data`.
 */
export function waitlistSuggestions(data: BoardData, limit = 5): WaitlistSuggestion[] {
  const out: WaitlistSuggestion[] = [];
  for (const { visit, site } of data.visits) {
    if (visit.status !== "planned") continue;
    const here = data.placements.filter(({ p }) => p.visitId === visit.id);
    const held = here.filter(({ p }) => SEATS.includes(p.status));
    const freed = here.filter(({ p }) => p.status === "declined" || p.status === "expired" || p.status === "cancelled").length;
    const free = visit.capacity - held.length;
    if (free <= 0 || freed === 0) continue;
    const ev = toEngineVisit(visit, site.countryCode);
    const candidates = data.waitlisted
      .map((a) => ({ a, p: toParticipant(a) }))
      .filter(({ a, p }) => p && hardRuleFailures(p, ev).length === 0 && held.filter((h) => h.nationality === a.nationality).length < visit.perCountryCap)
      .map(({ a, p }) => {
        const r = rankOf(p!, ev);
        return { applicationId: a.id, rank: r >= 0 ? r + 1 : null };
      })
      .sort((x, y) => (x.rank ?? 99) - (y.rank ?? 99) || x.applicationId - y.applicationId)
      .slice(0, limit);
    out.push({ visitId: visit.id, free, freed, candidates });
  }
  return out;
}

/**
 * Organizer: the whole board of an edition (expires due offers first). NotFound for others. The
 * edition's name and visit titles are for a reader of `lng` (their language, else English, else
 * the first given; `lang`/`titleLang` say which).
 */
export function getBoard(actor: Actor, editionId: number, now: Date = new Date(), lng = "en") {
  requireOrganizer(actor);
  const expired = expireOffers(now);
  const data = loadBoardData(editionId);
  const collator = sharedCollator("en");
  const seatOf = new Map<number, (typeof data.placements)[number]["p"]>();
  const lastOf = new Map<number, string>();
  for (const { p } of data.placements) {
    lastOf.set(p.applicationId, p.status);
    if (SEATS.includes(p.status)) seatOf.set(p.applicationId, p);
  }
  const names = new Map([...data.accepted, ...data.waitlisted].map((a) => [a.id, personOf(a)]));
  const nameOf = (id: number) => names.get(id)?.name ?? `#${id}`;

  const visits = data.visits
    .filter((v) => v.visit.status === "planned")
    .map(({ visit, site }) => {
      const held = data.placements.filter(({ p }) => p.visitId === visit.id && SEATS.includes(p.status));
      const byCountry = new Map<string, number>();
      const byGender = { female: 0, male: 0, other: 0 };
      for (const h of held) {
        byCountry.set(h.nationality ?? "", (byCountry.get(h.nationality ?? "") ?? 0) + 1);
        if (h.gender === "female" || h.gender === "male") byGender[h.gender] += 1;
        else byGender.other += 1;
      }
      // The visit's name: its title, else its site's name, both in the reader's language.
      const siteShown = siteNames(site, lng);
      const title = visitTitleShown(visit.title, visit.translations, siteShown.name, lng);
      return {
        id: visit.id,
        title: title.text,
        titleLang: title.lang,
        site: siteShown,
        countryCode: site.countryCode,
        timeZone: site.timeZone,
        arrivalOn: visit.arrivalOn,
        departureOn: visit.departureOn,
        capacity: visit.capacity,
        perCountryCap: visit.perCountryCap,
        languages: visit.languages,
        interpreterLanguages: visit.interpreterLanguages,
        taken: held.length,
        byCountry: [...byCountry.entries()].map(([code, n]) => ({ code, n })).sort((a, b) => b.n - a.n || a.code.localeCompare(b.code)),
        byGender,
        placed: held
          .map(({ p, nationality }) => ({
            placementId: p.id,
            applicationId: p.applicationId,
            name: nameOf(p.applicationId),
            country: nationality,
            status: p.status,
            locked: p.locked,
            override: !!p.overrideReason,
          }))
          .sort((a, b) => collator.compare(names.get(a.applicationId)?.sort ?? "", names.get(b.applicationId)?.sort ?? "")),
      };
    });

  const people = data.accepted
    .map((a) => {
      const seat = seatOf.get(a.id);
      const n = personOf(a);
      return {
        applicationId: a.id,
        name: n.name,
        latin: n.latin,
        sort: n.sort,
        country: a.nationality,
        gender: a.gender,
        languages: a.languages.map((l) => l.code),
        availableFrom: a.availableFrom,
        availableTo: a.availableTo,
        preferences: a.preferredHostCountries,
        placement: seat ? { id: seat.id, visitId: seat.visitId, status: seat.status, locked: seat.locked } : null,
        last: seat ? null : (lastOf.get(a.id) ?? null),
      };
    })
    .sort((a, b) => collator.compare(a.sort, b.sort) || a.applicationId - b.applicationId)
    .map(({ sort: _s, ...p }) => p);

  const suggestions = waitlistSuggestions(data).map((s) => ({
    ...s,
    candidates: s.candidates.map((c) => ({
      ...c,
      name: nameOf(c.applicationId),
      country: data.waitlisted.find((w) => w.id === c.applicationId)?.nationality ?? null,
    })),
  }));

  return {
    edition: { id: data.edition.id, ...shownName(data.edition, lng), timeZone: data.edition.timeZone },
    expired,
    visits,
    people,
    names: Object.fromEntries([...names.entries()].map(([id, n]) => [id, n.name])),
    proposed: data.placements.filter(({ p, appStatus }) => p.status === "proposed" && appStatus === "accepted").length,
    replyBy: suggestedReplyBy(data, now),
    suggestions,
    totals: {
      accepted: data.accepted.length,
      placed: people.filter((p) => p.placement).length,
      seats: visits.reduce((s, v) => s + v.capacity, 0),
      visits: visits.length,
    },
  };
}
export type Board = ReturnType<typeof getBoard>;
