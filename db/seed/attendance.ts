/**
 * Demo attendance (issue 6) for the past online edition (the 10th, ended about 60 days ago):
 * its five daily online sessions (14:00–16:00 Beijing time; created here when the training seed
 * made none for it) held, and every participant's attendance at each, so the dashboard tells a
 * true story: most present, some late, a few absent or excused, more absences where village
 * connections are weak, and two participants below the 80 % completion line. Deterministic.
 */
import { and, eq, lt, ne } from "drizzle-orm";
import { addDays } from "../../app/domain/dates";
import { addMonths } from "../../app/domain/evaluation/timing";
import type { Db } from "../client";
import * as t from "../schema";
import type { SeededEdition } from "./editions";
import { prng } from "./util";
import { SESSION_TITLES } from "./content-tr-titles";
import { SESSION_DESCRIPTIONS } from "./content-tr-texts";

const TITLES = [
  "Opening forum: rural revitalisation after 2020",
  "Digital villages: e-commerce and village platforms",
  "Village development funds and microfinance",
  "Poverty governance: village cases from ASEAN+3",
  "Closing session: each village's action plan",
];

const ONLINE_DESCRIPTION = "Online session with interpretation into Vietnamese, Thai and Khmer.";

/** Share of sessions missed, by country (connectivity, time zone: 14:00 Beijing is 13:00 in Hanoi, 15:00 in Tokyo). */
const MISS: Record<string, number> = { MM: 0.3, KH: 0.18, LA: 0.18, PH: 0.12, ID: 0.1 };

export function seedAttendance(tx: Db, online: SeededEdition, organizerId: number) {
  let sessions = tx.select().from(t.trainingSessions).where(eq(t.trainingSessions.editionId, online.id)).all();
  if (!sessions.length) {
    sessions = TITLES.map((title, i) => {
      const day = addDays(online.startsOn, i);
      return tx
        .insert(t.trainingSessions)
        .values({
          editionId: online.id,
          title,
          translations: { title: SESSION_TITLES[title] ?? {}, description: SESSION_DESCRIPTIONS[ONLINE_DESCRIPTION] },
          type: "online",
          description: ONLINE_DESCRIPTION,
          startsAt: `${day}T06:00:00.000Z`,
          endsAt: `${day}T08:00:00.000Z`,
          timeZone: "Asia/Shanghai",
          onlineUrl: "https://meet.example.org/vlx-10",
          deliveryLanguage: "en",
          audience: "edition",
          status: "held",
          createdBy: organizerId,
        })
        .returning()
        .get();
    });
  }
  const participants = tx
    .select({ id: t.applications.id, country: t.applications.nationality })
    .from(t.applications)
    .where(and(eq(t.applications.editionId, online.id), eq(t.applications.status, "accepted")))
    .orderBy(t.applications.id)
    .all();
  const rng = prng(6006);
  const rows: (typeof t.attendanceRecords.$inferInsert)[] = [];
  participants.forEach((p, n) => {
    // The first Myanmar participant lost the connection for most of the week.
    const miss = p.country === "MM" && n === participants.findIndex((x) => x.country === "MM") ? 0.7 : (MISS[p.country ?? ""] ?? 0.05);
    for (const s of sessions.filter((x) => x.status !== "cancelled" && x.audience === "edition")) {
      const r = rng.next();
      const status = r < miss ? (rng.next() < 0.3 ? "excused" : "absent") : r < miss + 0.12 ? "late" : "present";
      const self = status !== "absent" && status !== "excused" && rng.next() < 0.6;
      rows.push({
        subjectKind: "training",
        trainingSessionId: s.id,
        applicationId: p.id,
        status,
        method: self ? "self" : "list",
        note: status === "excused" ? "Village meeting on the same afternoon" : status === "late" ? "Connection problems" : "",
        recordedBy: self ? null : organizerId,
        recordedAt: new Date(Date.parse(s.startsAt) + (status === "late" ? 20 : 2) * 60_000).toISOString(),
      });
    }
  });
  if (rows.length) tx.insert(t.attendanceRecords).values(rows).run();
  return { sessions: sessions.length, records: rows.length };
}

/**
 * Demo visit-day attendance (issue 12 item 5) for every past in-person edition (ended before
 * `today`): each accepted participant on each day of their visit, arrival to departure, as the
 * site's host coordinator takes it on the day (or an organizer when the site has none): most
 * present, some late on the travel days, a day missed for illness now and then, one participant
 * per edition below the 80 % line. Deterministic. Returns the number of records written.
 */
export function seedVisitDayAttendance(tx: Db, today: string, organizerId: number) {
  const rng = prng(5005);
  const editions = tx
    .select()
    .from(t.editions)
    .where(and(eq(t.editions.mode, "in_person"), lt(t.editions.endsOn, today)))
    .orderBy(t.editions.id)
    .all();
  const rows: (typeof t.attendanceRecords.$inferInsert)[] = [];
  for (const ed of editions) {
    const visits = tx
      .select()
      .from(t.exchangeVisits)
      .where(and(eq(t.exchangeVisits.editionId, ed.id), ne(t.exchangeVisits.status, "cancelled")))
      .orderBy(t.exchangeVisits.id)
      .all();
    let lowDone = false;
    for (const v of visits) {
      const host = tx
        .select({ id: t.hostSiteCoordinators.userId })
        .from(t.hostSiteCoordinators)
        .where(eq(t.hostSiteCoordinators.hostSiteId, v.hostSiteId))
        .get();
      const people = tx
        .select({ id: t.placements.applicationId })
        .from(t.placements)
        .where(and(eq(t.placements.visitId, v.id), eq(t.placements.status, "accepted")))
        .orderBy(t.placements.applicationId)
        .all();
      for (const [n, p] of people.entries()) {
        // The last participant of the edition's first visit fell ill mid-week (below 80 %).
        const ill = !lowDone && n === people.length - 1 && people.length > 2;
        if (ill) lowDone = true;
        for (let day = v.arrivalOn, i = 0; day <= v.departureOn; day = addDays(day, 1), i++) {
          const travel = day === v.arrivalOn || day === v.departureOn;
          const r = rng.next();
          const status = ill && i >= 2 ? (i === 2 ? "excused" : "absent") : r < 0.03 ? "excused" : r < (travel ? 0.2 : 0.08) ? "late" : "present";
          rows.push({
            subjectKind: "visit_day",
            visitId: v.id,
            date: day,
            applicationId: p.id,
            status,
            method: "list",
            note: status === "excused" ? "Sick, stayed at the homestay" : status === "late" && travel ? "Bus from the airport delayed" : "",
            recordedBy: host?.id ?? organizerId,
            // 08:30 at the site (the 13 countries are UTC+06:30 to UTC+09:00: about 01:00 UTC).
            recordedAt: `${day}T01:${String(rng.int(0, 59)).padStart(2, "0")}:00.000Z`,
          });
        }
      }
    }
  }
  if (rows.length) tx.insert(t.attendanceRecords).values(rows).run();
  return rows.length;
}

/**
 * A follow-up survey of the past online edition whose window is open on `today` (issue 12 item
 * 21), so the reminder job (run at start) mails every participant a personal survey link that a
 * newcomer can open from the outbox: two months after the end when that has come, else one
 * month (one of the two windows, 30 days each, always holds today). Returns the survey's id.
 */
export function seedOpenFollowUp(tx: Db, online: SeededEdition, today: string): number {
  const months = addMonths(online.endsOn, 2) <= today ? 2 : 1;
  return tx
    .insert(t.editionSurveys)
    .values({ editionId: online.id, stage: "follow_up", monthsAfter: months, templateFamily: "starter-follow-up" })
    .returning({ id: t.editionSurveys.id })
    .get().id;
}
