/**
 * Demo data for first start (server.ts calls seedDemoIfEmpty when SEED_DEMO is on).
 *
 * Seeds, in one BEGIN IMMEDIATE transaction and only when the database has no users: two
 * organizers, a focal point for each of the 13 member countries, host coordinators, two editions
 * (db/seed/editions.ts), host sites and the Yunnan edition's exchange visits (db/seed/hosts.ts),
 * and 63 village leaders with an account and an application each (db/seed/people-*.ts,
 * db/seed/applications.ts) in every status of the life cycle. Every demo account has the password
 * DEMO_PASSWORD, hashed once. Dates are relative to today (in Beijing time); the data is
 * deterministic (a seeded PRNG, no Math.random).
 */
import { sql } from "drizzle-orm";
import { hashPassword } from "../app/models/accounts/accounts.server";
import { todayIn } from "../app/domain/dates";
import { immediate, type Db } from "./client";
import * as t from "./schema";
import { seedApplicant, type People } from "./seed/applications";
import { seedCertificates } from "./seed/certificates";
import { seedQuestions } from "./seed/questions";
import { seedVisaLetters } from "./seed/visa-letters";
import { seedAttendance, seedOpenFollowUp, seedVisitDayAttendance } from "./seed/attendance";
import { seedEditions } from "./seed/editions";
import { seedEvaluation } from "./seed/evaluation";
import { seedHosts } from "./seed/hosts";
import { seedPilots } from "./seed/pilots";
import { seedDocuments } from "./seed/documents";
import { seedMessages } from "./seed/messages";
import { seedPilotMonitoring } from "./seed/pilot-monitoring";
import { seedPlacements } from "./seed/placements";
import { seedEnrolments, seedTrainings } from "./seed/trainings";
import { MAINLAND } from "./seed/people-mainland";
import { MARITIME } from "./seed/people-maritime";
import { PLUS_THREE } from "./seed/people-plus3";
import { FOCAL_POINTS, HOST_COORDINATORS, ORGANIZERS, type StaffSeed } from "./seed/staff";
import { COUNTRY_LANGUAGE, countryLanguage, prng } from "./seed/util";
import { defaultTimeZone } from "../app/domain/countries";
import { userNameColumns } from "../app/domain/names";

/** The demo logins printed at start; `language` is the account's saved language (i18next code). */
export type DemoInfo = { password: string; accounts: { role: string; email: string; language: string }[] };

export const DEMO_PASSWORD = "vlx-demo-2026";

/** Every demo village leader, mainland South-East Asia first, then maritime, then the Plus Three. */
export const DEMO_PEOPLE = [...MAINLAND, ...MARITIME, ...PLUS_THREE];

function countUsers(db: Db): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(t.users)
      .get()?.n ?? 0
  );
}

/** Seeds the demo edition when the database has no users; returns the demo logins, or null. */
export async function seedDemoIfEmpty(db: Db, now: Date = new Date()): Promise<DemoInfo | null> {
  if (countUsers(db) > 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return immediate(db, (tx) => (countUsers(tx) > 0 ? null : seedAll(tx, passwordHash, now)));
}

function seedAll(tx: Db, passwordHash: string, now: Date): DemoInfo {
  const today = todayIn("Asia/Shanghai", now);
  const rng = prng(20260101);
  const accounts: DemoInfo["accounts"] = [];

  const addStaff = (s: StaffSeed, grant: { role: "organizer" | "focal_point" | "host_coordinator"; countryCode?: string }) => {
    const id = tx
      .insert(t.users)
      .values({ email: s.email, passwordHash, ...userNameColumns(s.name), locale: s.locale ?? "en", timeZone: defaultTimeZone(s.cc) })
      .returning({ id: t.users.id })
      .get().id;
    tx.insert(t.roleGrants)
      .values({ userId: id, role: grant.role, countryCode: grant.countryCode ?? null })
      .run();
    if (s.label) accounts.push({ role: s.label, email: s.email, language: s.locale ?? "en" });
    return id;
  };

  const organizers = ORGANIZERS.map((s) => addStaff(s, { role: "organizer" }));
  const focalByCountry: Record<string, number> = {};
  for (const s of FOCAL_POINTS) focalByCountry[s.cc] = addStaff(s, { role: "focal_point", countryCode: s.cc });
  const coordinatorsBySite: Record<string, number[]> = {};
  for (const s of HOST_COORDINATORS) {
    const id = addStaff(s, { role: "host_coordinator" });
    for (const site of s.sites) (coordinatorsBySite[site] ??= []).push(id);
  }

  const editions = seedEditions(tx, today);
  const siteIds = seedHosts(tx, today, rng, coordinatorsBySite, editions.yunnan);
  seedTrainings(tx, editions.yunnan, siteIds);

  const people: People = { taken: new Set(), focalByCountry, organizers, passwordHash };
  const leaders: { p: (typeof DEMO_PEOPLE)[number]; email: string }[] = [];
  for (const p of DEMO_PEOPLE) {
    const email = seedApplicant(tx, p, editions[p.ed], today, people, rng);
    leaders.push({ p, email });
    if (p.demo) accounts.push({ role: p.demo, email, language: countryLanguage(p.cc) });
  }
  // One village leader to try in every language (issue 11, item 9): an accepted one when the
  // country has one (itinerary and surveys to see), else the first.
  for (const lng of [...new Set(Object.values(COUNTRY_LANGUAGE))]) {
    if (accounts.some((a) => a.language === lng && a.role.startsWith("applicant"))) continue;
    const mine = leaders.filter((l) => countryLanguage(l.p.cc) === lng);
    const pick = mine.find((l) => l.p.status === "accepted") ?? mine[0];
    if (pick) accounts.push({ role: `applicant (${pick.p.status}, ${pick.p.cc})`, email: pick.email, language: lng });
  }
  // Placements of the Yunnan edition by the engine: offered, accepted, declined, proposed, one override.
  seedPlacements(tx, editions.yunnan.id, today, organizers[0], now);
  // Enrolment with a waiting list in the open-enrolment lecture (issue 12, item 21).
  seedEnrolments(tx, editions.yunnan.id);
  // A past edition with its evaluation (baseline, pulses, end of visit, 3-month follow-up).
  seedEvaluation(tx, today, { organizers, focalByCountry, nextEditionId: editions.yunnan.id });
  // Attendance at the past online edition's sessions (the participation dashboard's story).
  seedAttendance(tx, editions.online, organizers[0]);
  // Visit-day attendance of every past in-person edition (certificates count visit days too).
  seedVisitDayAttendance(tx, today, organizers[0]);
  // An open follow-up of the online edition: the reminder job mails personal survey links.
  seedOpenFollowUp(tx, editions.online, today);
  // Its certificates, issued a week after it ended; one revoked and issued again (issue 15).
  seedCertificates(tx, editions.online, organizers[0], now);
  // Two optional questions of its own on the open edition's form (issue 15).
  seedQuestions(tx, editions.yunnan, organizers[0]);
  // Passport details and visa invitation letters of its placed participants (issue 15).
  seedVisaLetters(tx, editions.yunnan, organizers[0], today);
  // Pilot villages and projects (issue 16), some led by alumni of the evaluated edition.
  seedPilots(tx, today, organizers[0]);
  // Documents of a few accepted participants of the open edition; others still lack theirs (issue 15).
  seedDocuments(tx, editions.yunnan.id);
  // Changed e-mail templates, a sent announcement and a failed message in the outbox (issue 15, item 5).
  seedMessages(tx, editions.online.id, organizers[0], new Date(now.getTime() - 3 * 86_400_000).toISOString());
  seedPilotMonitoring(tx, today, organizers[0]);
  return { password: DEMO_PASSWORD, accounts };
}
