/**
 * Demo training sessions of the Yunnan edition (issue 5): one week at its host sites — an opening
 * forum and lectures in Kunming, field visits and workshops at the four visits' villages, an
 * online session open to enrolment, and a closing workshop in Jinghong — with trainers and
 * interpreters working zh↔en, zh↔vi and zh↔th. No interpreter, trainer or venue is booked
 * twice. A daily morning briefing at the Hebian visit is a recurring series (issue 15, item 8).
 * Dates are relative to the edition's first day; deterministic.
 */
import { eq, sql } from "drizzle-orm";
import { addDays } from "../../app/domain/dates";
import { localToUtc } from "../../app/domain/training";
import { occurrenceDates, recurrenceText } from "../../app/domain/training/recurrence";
import type { Db } from "../client";
import * as t from "../schema";
import { SESSION_TITLES } from "./content-tr-titles";
import { SESSION_DESCRIPTIONS } from "./content-tr-texts";

const ZONE = "Asia/Shanghai";

const VENUES = {
  kunming: { name: "Yunnan International Convention Centre, Hall B", address: "Dianchi Road, Kunming, Yunnan", site: null },
  jinghong: { name: "Xishuangbanna Prefecture Conference Hall", address: "Jinghong, Xishuangbanna, Yunnan", site: null },
  jinghongSmall: { name: "Xishuangbanna Conference Hall, Room 3", address: "Jinghong, Xishuangbanna, Yunnan", site: null },
  hebian: { name: "Hebian village committee hall", address: "Hebian, Mengla County", site: "hebian" },
  manchunman: { name: "Manchunman temple courtyard pavilion", address: "Ganlanba, Jinghong", site: "manchunman" },
  jingmai: { name: "Mangjing tea cooperative workshop", address: "Mangjing, Huimin Town, Lancang County", site: "jingmai" },
  longji: { name: "Longji terraces community centre", address: "Longji, Longsheng County, Guilin", site: "longji" },
} as const;

const TRAINERS = {
  zhang: { name: "张伟 Zhang Wei", organisation: "China Agricultural University", languages: ["zh", "en"] },
  chen: { name: "陈静 Chen Jing", organisation: "IPRCC", languages: ["zh", "en"] },
  siriporn: { name: "Siriporn Chaiyasit", organisation: "ASEAN Secretariat", languages: ["en", "th"] },
  deng: { name: "邓永福 Deng Yongfu", organisation: "Hebian village committee", languages: ["zh"] },
  yanxiang: { name: "岩香 Yan Xiang", organisation: "Manchunman village", languages: ["zh"] },
  yankan: { name: "岩坎 Yan Kan", organisation: "Mangjing tea cooperative", languages: ["zh"] },
  panyuling: { name: "潘玉玲 Pan Yuling", organisation: "Longji village", languages: ["zh"] },
} as const;

const INTERPRETERS = {
  lina: { name: "李娜 Li Na", pairs: [["zh", "en"]] },
  hai: { name: "Nguyễn Văn Hải", pairs: [["zh", "vi"]] },
  yuhan: {
    name: "玉罕 Yu Han",
    pairs: [
      ["zh", "th"],
      ["zh", "lo"],
    ],
  },
  wanglei: { name: "王磊 Wang Lei", pairs: [["zh", "en"]] },
  huang: { name: "黄海燕 Huang Haiyan", pairs: [["zh", "vi"]] },
  souliya: {
    name: "Souliya Phommavong",
    pairs: [
      ["zh", "lo"],
      ["zh", "th"],
    ],
  },
} as const;

type Key<T> = keyof T;
type SessionSeed = {
  title: string;
  type: "lecture" | "workshop" | "field_visit" | "forum" | "online";
  day: number;
  from: string;
  to: string;
  venue: Key<typeof VENUES> | null;
  visit?: "hebian" | "manchunman" | "jingmai" | "longji";
  audience: "visit" | "edition" | "enrol";
  language: string;
  trainers: Key<typeof TRAINERS>[];
  interpreters: Key<typeof INTERPRETERS>[];
  capacity?: number;
  onlineUrl?: string;
  status?: "draft" | "scheduled";
  description: string;
};

const SESSIONS: SessionSeed[] = [
  {
    title: "Opening forum: rural revitalisation across ASEAN+3",
    type: "forum",
    day: 0,
    from: "09:00",
    to: "11:30",
    venue: "kunming",
    audience: "edition",
    language: "zh",
    trainers: ["chen", "siriporn"],
    interpreters: ["lina", "hai", "yuhan"],
    description: "Welcome by IPRCC and the ASEAN Secretariat; each delegation presents its villages in three minutes.",
  },
  {
    title: "Targeted poverty alleviation: what worked in Yunnan",
    type: "lecture",
    day: 0,
    from: "14:00",
    to: "16:00",
    venue: "kunming",
    audience: "edition",
    language: "zh",
    trainers: ["zhang"],
    interpreters: ["lina", "hai", "yuhan"],
    description: "Registering poor households, village work teams, and what happened after 2020.",
  },
  {
    title: "Village funds and community cooperatives",
    type: "lecture",
    day: 1,
    from: "09:00",
    to: "11:00",
    venue: "kunming",
    audience: "edition",
    language: "en",
    trainers: ["siriporn"],
    interpreters: ["wanglei"],
    description: "Revolving village funds in Thailand, Laos and Yunnan compared.",
  },
  {
    title: "Digital villages: selling farm produce online",
    type: "online",
    day: 1,
    from: "20:00",
    to: "21:00",
    venue: null,
    audience: "enrol",
    language: "en",
    capacity: 30,
    trainers: ["chen"],
    interpreters: [],
    onlineUrl: "https://meet.example.org/vlx-digital-villages",
    description: "An evening online session with a Zhejiang e-commerce village; open to enrolment.",
  },
  {
    title: "Walking the terraces: water and shared tourism income",
    type: "field_visit",
    day: 2,
    from: "09:00",
    to: "12:00",
    venue: "longji",
    visit: "longji",
    audience: "visit",
    language: "zh",
    trainers: ["panyuling"],
    interpreters: ["huang"],
    description: "A walk along the Longji terraces with the families who farm them.",
  },
  {
    title: "Hebian homestays: a walk through the family guest rooms",
    type: "field_visit",
    day: 2,
    from: "15:00",
    to: "17:00",
    venue: "hebian",
    visit: "hebian",
    audience: "visit",
    language: "zh",
    trainers: ["deng"],
    interpreters: ["lina", "hai"],
    description: "How 15 Yao families built guest rooms inside their own houses.",
  },
  {
    title: "Running a family homestay: prices, bookings, sharing income",
    type: "workshop",
    day: 3,
    from: "09:00",
    to: "12:00",
    venue: "hebian",
    visit: "hebian",
    audience: "visit",
    language: "zh",
    trainers: ["deng"],
    interpreters: ["lina", "hai"],
    description: "Work in pairs on a price list and a booking book for your own village.",
  },
  {
    title: "Fruit gardens and the temple: Dai village tourism",
    type: "field_visit",
    day: 3,
    from: "09:00",
    to: "11:30",
    venue: "manchunman",
    visit: "manchunman",
    audience: "visit",
    language: "zh",
    trainers: ["yanxiang"],
    interpreters: ["yuhan"],
    description: "Guesthouses, fruit gardens and the rules the village made for visitors.",
  },
  {
    title: "Old tea forests of Jingmai Mountain",
    type: "field_visit",
    day: 3,
    from: "08:30",
    to: "12:00",
    venue: "jingmai",
    visit: "jingmai",
    audience: "visit",
    language: "zh",
    trainers: ["yankan"],
    interpreters: ["souliya", "wanglei"],
    description: "Picking and processing tea with the cooperative's young growers.",
  },
  {
    title: "Terrace farming workshop: keeping young people in the village",
    type: "workshop",
    day: 3,
    from: "14:00",
    to: "16:30",
    venue: "longji",
    visit: "longji",
    audience: "visit",
    language: "zh",
    trainers: ["panyuling"],
    interpreters: ["huang"],
    description: "What keeps terraces farmed when young people leave?",
  },
  {
    title: "Cooperative bookkeeping and fair tea prices",
    type: "workshop",
    day: 4,
    from: "14:00",
    to: "17:00",
    venue: "jingmai",
    visit: "jingmai",
    audience: "visit",
    language: "zh",
    trainers: ["yankan", "zhang"],
    interpreters: ["souliya", "wanglei"],
    description: "The cooperative's books, open to every member, and how prices are set.",
  },
  {
    title: "Visitor rules and waste: a village meeting",
    type: "workshop",
    day: 4,
    from: "09:00",
    to: "11:00",
    venue: "manchunman",
    visit: "manchunman",
    audience: "visit",
    language: "zh",
    trainers: ["yanxiang"],
    interpreters: ["yuhan"],
    description: "Sit in on the village meeting that sets the rules for visitors.",
  },
  {
    title: "Tea tasting with the cooperative's growers",
    type: "field_visit",
    day: 5,
    from: "09:00",
    to: "10:30",
    venue: "jingmai",
    visit: "jingmai",
    audience: "visit",
    language: "zh",
    trainers: ["yankan"],
    interpreters: ["souliya"],
    status: "draft",
    description: "To be confirmed with the cooperative.",
  },
  {
    title: "Closing workshop: action plans for our villages",
    type: "workshop",
    day: 6,
    from: "09:00",
    to: "12:00",
    venue: "jinghong",
    audience: "edition",
    language: "zh",
    trainers: ["chen", "zhang"],
    interpreters: ["lina", "hai", "yuhan"],
    description: "Each participant drafts a one-page plan to take home; follow-up surveys at 3, 6 and 12 months.",
  },
  {
    title: "Microfinance for village development funds",
    type: "lecture",
    day: 6,
    from: "14:00",
    to: "15:30",
    venue: "jinghongSmall",
    audience: "enrol",
    language: "en",
    capacity: 20,
    trainers: ["siriporn"],
    interpreters: ["wanglei"],
    description: "Optional: small-loan rules, repayment and records. Open to enrolment.",
  },
];

/**
 * A recurring series (issue 15, item 8): a short briefing every morning of the Hebian visit, at
 * 07:30 before the day's sessions, so no venue, trainer, interpreter or participant is double-booked.
 */
const BRIEFING: Omit<SessionSeed, "day"> = {
  title: "Morning briefing: the day's programme and useful Chinese phrases",
  type: "lecture",
  from: "07:30",
  to: "08:00",
  venue: "hebian",
  visit: "hebian",
  audience: "visit",
  language: "zh",
  trainers: ["deng"],
  interpreters: ["lina", "hai"],
  description:
    "Every morning of the visit in the village hall: the day's plan, practical notes from the host families, and five Chinese phrases for the homestay.",
};

/** Inserts venues, trainers, interpreters, the week of sessions of `edition` and one recurring series. */
export function seedTrainings(tx: Db, edition: { id: number; startsOn: string }, siteIds: Record<string, number>) {
  const visits = tx
    .select({ id: t.exchangeVisits.id, hostSiteId: t.exchangeVisits.hostSiteId })
    .from(t.exchangeVisits)
    .where(eq(t.exchangeVisits.editionId, edition.id))
    .all();
  const visitBySite = Object.fromEntries(Object.entries(siteIds).map(([k, id]) => [k, visits.find((v) => v.hostSiteId === id)?.id]));
  const venueIds: Record<string, number> = {};
  for (const [k, v] of Object.entries(VENUES)) {
    venueIds[k] = tx
      .insert(t.venues)
      .values({ name: v.name, address: v.address, countryCode: "CN", timeZone: ZONE, hostSiteId: v.site ? siteIds[v.site] : null })
      .returning({ id: t.venues.id })
      .get().id;
  }
  const trainerIds: Record<string, number> = {};
  for (const [k, v] of Object.entries(TRAINERS)) {
    trainerIds[k] = tx
      .insert(t.trainers)
      .values({ name: v.name, organisation: v.organisation, languages: [...v.languages] })
      .returning({ id: t.trainers.id })
      .get().id;
  }
  const interpreterIds: Record<string, number> = {};
  for (const [k, v] of Object.entries(INTERPRETERS)) {
    interpreterIds[k] = tx
      .insert(t.interpreters)
      .values({ name: v.name, languagePairs: v.pairs.map(([from, to]) => ({ from, to })) })
      .returning({ id: t.interpreters.id })
      .get().id;
  }
  const insertSession = (s: Omit<SessionSeed, "day">, date: string, seriesId: number | null = null) => {
    const id = tx
      .insert(t.trainingSessions)
      .values({
        editionId: edition.id,
        visitId: s.visit ? (visitBySite[s.visit] ?? null) : null,
        title: s.title,
        type: s.type,
        description: s.description,
        // Every title in the eleven other languages (issue 11, item 9); English stays in `title`.
        translations: { title: SESSION_TITLES[s.title] ?? {}, description: SESSION_DESCRIPTIONS[s.description] ?? {} },
        venueId: s.venue ? venueIds[s.venue] : null,
        startsAt: localToUtc(date, s.from, ZONE),
        endsAt: localToUtc(date, s.to, ZONE),
        timeZone: ZONE,
        onlineUrl: s.onlineUrl ?? null,
        deliveryLanguage: s.language,
        capacity: s.capacity ?? null,
        audience: s.audience,
        status: s.status ?? "scheduled",
        seriesId,
      })
      .returning({ id: t.trainingSessions.id })
      .get().id;
    if (s.trainers.length)
      tx.insert(t.trainingSessionTrainers)
        .values(s.trainers.map((k) => ({ trainingSessionId: id, trainerId: trainerIds[k] })))
        .run();
    if (s.interpreters.length)
      tx.insert(t.trainingSessionInterpreters)
        .values(s.interpreters.map((k) => ({ trainingSessionId: id, interpreterId: interpreterIds[k] })))
        .run();
  };
  for (const s of SESSIONS) insertSession(s, addDays(edition.startsOn, s.day));

  // The recurring series: every morning of the Hebian visit from the day after arrival.
  const hebian = tx
    .select()
    .from(t.exchangeVisits)
    .where(eq(t.exchangeVisits.id, visitBySite.hebian ?? -1))
    .get();
  if (hebian) {
    const rule = { start: addDays(hebian.arrivalOn, 1), until: hebian.departureOn, repeat: "daily" as const };
    const seriesId = tx
      .insert(t.trainingSeries)
      .values({ editionId: edition.id, rule: recurrenceText(rule) })
      .returning({ id: t.trainingSeries.id })
      .get().id;
    for (const date of occurrenceDates(rule)) insertSession(BRIEFING, date, seriesId);
  }
}

/**
 * Enrolments in the Yunnan edition's open-enrolment lecture (issue 12, item 21): its seats filled
 * by accepted participants and two more on the waiting list, so a newcomer sees enrolment and a
 * waiting list at work. Runs after the applications are seeded.
 */
export function seedEnrolments(tx: Db, editionId: number) {
  const training = tx
    .select({ id: t.trainingSessions.id })
    .from(t.trainingSessions)
    .where(sql`${t.trainingSessions.editionId} = ${editionId} and ${t.trainingSessions.title} = 'Microfinance for village development funds'`)
    .get();
  if (!training) return;
  const accepted = tx
    .select({ id: t.applications.id })
    .from(t.applications)
    .where(sql`${t.applications.editionId} = ${editionId} and ${t.applications.status} = 'accepted'`)
    .orderBy(t.applications.id)
    .all();
  const seats = Math.min(4, Math.max(accepted.length - 2, 1));
  tx.update(t.trainingSessions)
    .set({ capacity: seats })
    .where(sql`${t.trainingSessions.id} = ${training.id}`)
    .run();
  accepted.slice(0, seats + 2).forEach((a, i) => {
    const waiting = i >= seats;
    tx.insert(t.trainingEnrolments)
      .values({ trainingSessionId: training.id, applicationId: a.id, status: waiting ? "waitlisted" : "enrolled", position: waiting ? i - seats + 1 : null })
      .run();
  });
}
