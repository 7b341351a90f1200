/**
 * The visa letters of an edition for organizers (issue 15, item 3): who holds a letter, for which
 * host country, and what is missing. Never the passport data itself, only whether it was given.
 */
import { db } from "../../db.server";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { acceptedOf, editionRef, nameOf, placesByCountry } from "./letters.server";
import { passportOf } from "./passports.server";

export type OverviewRow = {
  applicationId: number;
  name: string;
  latin: string;
  nationality: string | null;
  hasPassport: boolean;
  hostCountry: string | null;
  letter: { id: number; number: string } | null;
  revoked: { id: number; number: string } | null;
};

/**
 * Organizer: the edition's accepted participants, one row per host country of their accepted
 * placements (one row without a country when they have none), with their valid letter or latest
 * revoked one, and whether passport data is held (never the data itself).
 */
export function lettersOverview(actor: Actor, editionId: number): { edition: { id: number; name: string }; rows: OverviewRow[] } {
  requireOrganizer(actor);
  const edition = editionRef(editionId);
  const raw = db().$client;
  const rows: OverviewRow[] = [];
  for (const p of acceptedOf(edition.id)) {
    const base = { applicationId: p.id, ...nameOf(p), nationality: p.nationality, hasPassport: !!passportOf(p.id) };
    const countries = [...placesByCountry(p.id).keys()];
    const letters = raw
      .prepare("select id, number, host_country as hostCountry, revoked_at as revokedAt from visa_letters where application_id = ? order by id desc")
      .all(p.id) as { id: number; number: string; hostCountry: string; revokedAt: string | null }[];
    // A valid letter for a country no longer visited is still listed, so it can be revoked.
    for (const l of letters) if (!l.revokedAt && !countries.includes(l.hostCountry)) countries.push(l.hostCountry);
    if (!countries.length) rows.push({ ...base, hostCountry: null, letter: null, revoked: null });
    for (const c of countries) {
      const valid = letters.find((l) => l.hostCountry === c && !l.revokedAt);
      const revoked = letters.find((l) => l.hostCountry === c && l.revokedAt);
      rows.push({
        ...base,
        hostCountry: c,
        letter: valid ? { id: valid.id, number: valid.number } : null,
        revoked: !valid && revoked ? { id: revoked.id, number: revoked.number } : null,
      });
    }
  }
  return { edition: { id: edition.id, name: edition.name }, rows };
}

/**
 * Counts of overview rows: letters that can be issued now (placed, passport details given, no
 * valid letter: what "issue all missing letters" does) and letters waiting for passport details.
 */
export function overviewCounts(rows: OverviewRow[]): { issuable: number; waitingPassport: number } {
  const open = rows.filter((r) => r.hostCountry && !r.letter);
  return { issuable: open.filter((r) => r.hasPassport).length, waitingPassport: open.filter((r) => !r.hasPassport).length };
}
