/**
 * Demo passports and visa invitation letters (issue 15, item 3) of the open (Yunnan) edition:
 * every participant with an accepted placement but the last gave passport details (with consent,
 * a few days ago); the first half of them already hold a letter for China, issued by the
 * organizer, so the organizer's page shows letters, one participant whose letter is missing
 * (passport given: "issue all missing" issues it) and one without passport data (refused).
 * Passport numbers are made up: a letter and seven digits.
 */
import { randomBytes } from "node:crypto";
import { certificateCode } from "../../app/domain/certificate-code";
import { addDays } from "../../app/domain/dates";
import { visaLetterNumber } from "../../app/domain/visa-letter";
import type { Db } from "../client";
import type { SeededEdition } from "./editions";

type Placed = {
  applicationId: number;
  countryCode: string;
  familyLatin: string;
  givenLatin: string;
  nationality: string | null;
  visitId: number;
  siteName: string;
  siteNameLatin: string;
  province: string;
  district: string;
  arrivalOn: string;
  departureOn: string;
};

export function seedVisaLetters(tx: Db, edition: SeededEdition, organizerId: number, today: string) {
  const raw = tx.$client;
  const { ordinal } = raw.prepare("select ordinal from editions where id = ?").get(edition.id) as { ordinal: number };
  const placed = raw
    .prepare(
      `select a.id as applicationId, hs.country_code as countryCode, a.family_name_latin as familyLatin, a.given_name_latin as givenLatin,
              a.nationality, v.id as visitId, hs.name as siteName, hs.name_latin as siteNameLatin, hs.province, hs.district,
              v.arrival_on as arrivalOn, v.departure_on as departureOn
       from placements pl join applications a on a.id = pl.application_id join exchange_visits v on v.id = pl.visit_id
       join host_sites hs on hs.id = v.host_site_id
       where a.edition_id = ? and a.status = 'accepted' and pl.status = 'accepted' order by a.id, v.arrival_on`,
    )
    .all(edition.id) as Placed[];
  const apps = [...new Set(placed.map((p) => p.applicationId))];
  const withPassport = apps.slice(0, Math.max(apps.length - 1, 0));
  const consentAt = `${addDays(today, -5)}T03:00:00.000Z`;
  const insertPassport = raw.prepare(
    `insert into application_passports (application_id, passport_name, passport_number, expires_on, issuing_country, consent_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const audit = raw.prepare(
    "insert into audit_events (at, actor_user_id, entity_type, entity_id, action, from_state, to_state, reason, details) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const userOf = raw.prepare("select user_id from applications where id = ?");
  for (const id of withPassport) {
    const p = placed.find((x) => x.applicationId === id)!;
    const name = [p.familyLatin, p.givenLatin].filter(Boolean).join(" ").toUpperCase();
    const number = `${String.fromCharCode(65 + (id % 26))}${String(1000000 + ((id * 7919) % 9000000)).padStart(7, "0")}`;
    insertPassport.run(id, name, number, addDays(today, 2000 + (id % 700)), p.nationality, consentAt, consentAt);
    audit.run(consentAt, (userOf.get(id) as { user_id: number }).user_id, "passport", id, "update", null, null, null, JSON.stringify({ consentAt }));
  }
  // Letters for the first half of those with a passport, one per host country of their stay.
  const insertLetter = raw.prepare(
    `insert into visa_letters (application_id, edition_id, host_country, seq, number, code, issued_on, issued_at, issued_by, arrival_on, departure_on, places)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const issuedOn = addDays(today, -2);
  const at = `${issuedOn}T02:30:00.000Z`;
  let seq = 0;
  for (const id of withPassport.slice(0, Math.ceil(withPassport.length / 2))) {
    const mine = placed.filter((p) => p.applicationId === id);
    for (const country of [...new Set(mine.map((p) => p.countryCode))]) {
      const places = mine
        .filter((p) => p.countryCode === country)
        .map((p) => ({
          visitId: p.visitId,
          siteName: p.siteName,
          siteNameLatin: p.siteNameLatin,
          province: p.province,
          district: p.district,
          arrivalOn: p.arrivalOn,
          departureOn: p.departureOn,
        }));
      seq += 1;
      const number = visaLetterNumber(ordinal, seq);
      const arrival = places.map((x) => x.arrivalOn).sort()[0];
      const departure = places
        .map((x) => x.departureOn)
        .sort()
        .at(-1)!;
      const letterId = Number(
        insertLetter.run(
          id,
          edition.id,
          country,
          seq,
          number,
          certificateCode(randomBytes(16)),
          issuedOn,
          at,
          organizerId,
          arrival,
          departure,
          JSON.stringify(places),
        ).lastInsertRowid,
      );
      audit.run(at, organizerId, "visa_letter", letterId, "issue", null, "valid", null, JSON.stringify({ applicationId: id, number, hostCountry: country }));
    }
  }
  return { passports: withPassport.length, letters: seq };
}
