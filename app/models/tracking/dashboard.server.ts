/**
 * The organizer's participation dashboard (issue 6), per edition or across editions: the
 * application funnel, participants by country × gender and by position, seats filled per visit,
 * attendance per session, visit, country and participant, completion (attended ≥ threshold % of
 * one's sessions), the balance of countries and of women and men, the share of village heads.
 *
 * Every figure comes from a few GROUP BY queries over app/models/tracking/sql.server.ts, the
 * same row sets the CSV exports stream (app/models/tracking/exports.server.ts), so the dashboard and the
 * files always agree. Organizers only (NotFoundError otherwise).
 */
import { eq, inArray } from "drizzle-orm";
import { db, t } from "../../db.server";
import { pickField, siteNameShown, visitTitleShown } from "../../domain/local-text";
import { countryName, memberCountries } from "../../domain/countries";
import { todayIn, daysBetween } from "../../domain/dates";
import { displayName, latinName } from "../../domain/names";
import { GENDERS, POSITION_KINDS } from "../../domain/vocabulary";
import { APPLICATION_STATUSES } from "../../../db/schema/programme";
import { requireOrganizer, type Actor } from "../actor";
import { NotFoundError } from "../errors";
import { applicationWhere, DEFAULT_THRESHOLD, placementWhere, rate, trackingCtes, type TrackingFilters } from "./sql.server";

const all = <T>(sql: string, params: object): T[] => db().$client.prepare(sql).all(params) as T[];

/** Filters from a GET form's query string; unknown or malformed values are ignored. */
export function parseTrackingFilters(search: URLSearchParams, edition?: number): TrackingFilters {
  const int = (k: string) => {
    const n = Number(search.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const country = search.get("country")?.toUpperCase();
  const gender = search.get("gender") ?? "";
  const threshold = Number(search.get("threshold"));
  return {
    edition: edition ?? int("edition"),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    gender: (GENDERS as readonly string[]).includes(gender) ? gender : undefined,
    visit: int("visit"),
    threshold: search.get("threshold") && Number.isInteger(threshold) && threshold >= 1 && threshold <= 100 ? threshold : DEFAULT_THRESHOLD,
  };
}

/** Applications by status (the funnel). */
export function funnel(filters: TrackingFilters) {
  const w = applicationWhere(filters);
  const rows = all<{ status: string; n: number }>(`select a.status, count(*) as n from applications a where ${w.sql} group by a.status`, w.params);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return APPLICATION_STATUSES.map((status) => ({ status, count: by[status] ?? 0 }));
}

export type CubeRow = {
  edition_id: number;
  visit_id: number | null;
  nationality: string | null;
  gender: string | null;
  position_kind: string | null;
  completed: number;
  bucket: number;
  n: number;
  expected: number;
  attended: number;
};

/** Participants grouped by edition, country, gender, position, completion and attendance bucket (0-4 by 20 %; 5 = no sessions). */
export function participantCube(filters: TrackingFilters, now = new Date()): CubeRow[] {
  const c = trackingCtes(filters, now);
  return all<CubeRow>(
    `${c.sql} select edition_id, visit_id, nationality, gender, position_kind, completed,
       case when expected = 0 then 5 else min(4, (attended * 5) / expected) end as bucket,
       count(*) as n, sum(expected) as expected, sum(attended) as attended
     from pp group by 1, 2, 3, 4, 5, 6, 7`,
    c.params,
  );
}

export type SessionStat = {
  id: number;
  title: string;
  type: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  status: string;
  visit_id: number | null;
  edition_id: number;
  expected: number;
  present: number;
  late: number;
  absent: number;
  excused: number;
  unrecorded: number;
};

/** Attendance per counted training session (same rows as the sessions export). */
export function sessionStats(filters: TrackingFilters, now = new Date()): SessionStat[] {
  const c = trackingCtes(filters, now);
  return all<SessionStat>(
    `${c.sql}, agg as (
       select sid, count(*) as expected, coalesce(sum(status = 'present'), 0) as present, coalesce(sum(status = 'late'), 0) as late,
         coalesce(sum(status = 'absent'), 0) as absent, coalesce(sum(status = 'excused'), 0) as excused, sum(status is null) as unrecorded
       from xa group by sid)
     select ts.id, ts.title, ts.type, ts.starts_at, ts.ends_at, ts.time_zone, ts.status, ts.visit_id, ts.edition_id,
       agg.expected, agg.present, agg.late, agg.absent, agg.excused, agg.unrecorded
     from agg join training_sessions ts on ts.id = agg.sid order by ts.starts_at, ts.id`,
    c.params,
  );
}

export type VisitStat = {
  id: number;
  title: string;
  edition_id: number;
  capacity: number;
  arrival_on: string;
  departure_on: string;
  status: string;
  site_name: string;
  site_name_latin: string;
  time_zone: string;
  accepted: number;
  offered: number;
  proposed: number;
  day_attended: number;
  day_recorded: number;
  training_expected: number;
  training_attended: number;
};

/**
 * Visits with seats filled (placements of the filtered applications), visit-day attendance, and
 * the training attendance of their participants (from the cube's per-visit rows when given).
 */
export function visitStats(filters: TrackingFilters, now = new Date(), cube?: CubeRow[]) {
  const c = trackingCtes(filters, now);
  const pw = placementWhere(filters);
  const rows = all<VisitStat>(
    `${c.sql},
     seats as (
       select pl.visit_id, sum(pl.status = 'accepted') as accepted, sum(pl.status = 'offered') as offered, sum(pl.status = 'proposed') as proposed
       from placements pl join applications a on a.id = pl.application_id join exchange_visits v on v.id = pl.visit_id
       where ${pw.sql} group by pl.visit_id),
     days as (select visit_id, sum(status in ('present', 'late')) as attended, count(*) as recorded from vd group by visit_id),
     tr as (${cube ? "select null as visit_id, 0 as expected, 0 as attended" : "select visit_id, sum(expected) as expected, sum(attended) as attended from pp where visit_id is not null group by visit_id"})
     select v.id, v.title, v.edition_id, v.capacity, v.arrival_on, v.departure_on, v.status, hs.name as site_name,
       hs.name_latin as site_name_latin, hs.time_zone,
       coalesce(seats.accepted, 0) as accepted, coalesce(seats.offered, 0) as offered, coalesce(seats.proposed, 0) as proposed,
       coalesce(days.attended, 0) as day_attended, coalesce(days.recorded, 0) as day_recorded,
       coalesce(tr.expected, 0) as training_expected, coalesce(tr.attended, 0) as training_attended
     from exchange_visits v join host_sites hs on hs.id = v.host_site_id
       left join seats on seats.visit_id = v.id left join days on days.visit_id = v.id left join tr on tr.visit_id = v.id
     where 1 = 1${filters.edition !== undefined ? " and v.edition_id = @edition" : ""}${filters.visit !== undefined ? " and v.id = @visit" : ""}
     order by v.arrival_on, v.id`,
    { ...c.params, ...pw.params },
  );
  const fromCube = new Map<number, { expected: number; attended: number }>();
  for (const r of cube ?? []) {
    if (r.visit_id === null) continue;
    const acc = fromCube.get(r.visit_id) ?? { expected: 0, attended: 0 };
    acc.expected += r.expected;
    acc.attended += r.attended;
    fromCube.set(r.visit_id, acc);
  }
  if (cube)
    for (const v of rows) Object.assign(v, { training_expected: fromCube.get(v.id)?.expected ?? 0, training_attended: fromCube.get(v.id)?.attended ?? 0 });
  return rows.map((v) => {
    // Visit days so far (in the site's zone) × accepted participants = the days expected.
    const today = todayIn(v.time_zone, now);
    const last = today < v.departure_on ? today : v.departure_on;
    const days = last < v.arrival_on ? 0 : daysBetween(v.arrival_on, last) + 1;
    const dayExpected = days * v.accepted;
    return {
      ...v,
      days_elapsed: days,
      day_expected: dayExpected,
      day_rate: rate(v.day_attended, dayExpected),
      training_rate: rate(v.training_attended, v.training_expected),
    };
  });
}

/** The participants with the lowest attendance rate (ties by id), at most `limit`. */
export function lowestAttendance(filters: TrackingFilters, now = new Date(), limit = 15) {
  const c = trackingCtes(filters, now);
  return all<{
    id: number;
    given_name: string;
    family_name: string;
    given_name_latin: string;
    family_name_latin: string;
    name_order: "given_first" | "family_first";
    nationality: string | null;
    expected: number;
    attended: number;
    completed: number;
  }>(
    `${c.sql} select pp.id, a.given_name, a.family_name, a.given_name_latin, a.family_name_latin, a.name_order, pp.nationality,
       pp.expected, pp.attended, pp.completed
     from pp join applications a on a.id = pp.id where pp.expected > 0
     order by (pp.attended * 1.0 / pp.expected), pp.id limit ${Math.max(1, Math.min(200, limit))}`,
    c.params,
  ).map((r) => ({
    id: r.id,
    name: displayName({ givenName: r.given_name, familyName: r.family_name, nameOrder: r.name_order }),
    latin: latinName({ givenName: r.given_name, givenNameLatin: r.given_name_latin, familyNameLatin: r.family_name_latin, nameOrder: r.name_order }),
    country: r.nationality,
    expected: r.expected,
    attended: r.attended,
    rate: rate(r.attended, r.expected),
    completed: !!r.completed,
  }));
}

const sumBy = <T>(rows: T[], key: (r: T) => string, val: (r: T) => Record<string, number>) => {
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const acc = out.get(key(r)) ?? {};
    for (const [k, v] of Object.entries(val(r))) acc[k] = (acc[k] ?? 0) + v;
    out.set(key(r), acc);
  }
  return out;
};

/**
 * The dashboard for `filters` (organizer only). The cube is at most a few hundred grouped rows;
 * the roll-ups below sum those, never the participants or attendance rows themselves.
 */
export function getDashboard(actor: Actor, filters: TrackingFilters, now = new Date()) {
  requireOrganizer(actor);
  if (filters.edition !== undefined && !db().$client.prepare("select 1 from editions where id = ?").get(filters.edition)) {
    throw new NotFoundError("edition");
  }
  const cube = participantCube(filters, now);
  const one = (r: CubeRow) => ({
    n: r.n,
    expected: r.expected,
    attended: r.attended,
    completed: r.completed ? r.n : 0,
    female: r.gender === "female" ? r.n : 0,
    male: r.gender === "male" ? r.n : 0,
    heads: r.position_kind === "village_head" ? r.n : 0,
  });
  const total = [...sumBy(cube, () => "all", one).values()][0] ?? { n: 0, expected: 0, attended: 0, completed: 0, female: 0, male: 0, heads: 0 };
  const byCountry = [...sumBy(cube, (r) => r.nationality ?? "", one).entries()]
    .map(([country, v]) => ({
      country,
      participants: v.n,
      female: v.female,
      male: v.male,
      other: v.n - v.female - v.male,
      expected: v.expected,
      attended: v.attended,
      rate: rate(v.attended, v.expected),
      completed: v.completed,
    }))
    .sort((a, b) => b.participants - a.participants || a.country.localeCompare(b.country));
  const byPosition = POSITION_KINDS.map((kind) => ({ kind, count: cube.filter((r) => r.position_kind === kind).reduce((s, r) => s + r.n, 0) }));
  const byGender = GENDERS.map((gender) => ({ gender, count: cube.filter((r) => r.gender === gender).reduce((s, r) => s + r.n, 0) }));
  const buckets = [0, 1, 2, 3, 4, 5].map((b) => ({ bucket: b, count: cube.filter((r) => r.bucket === b).reduce((s, r) => s + r.n, 0) }));
  const byEdition = [...sumBy(cube, (r) => String(r.edition_id), one).entries()].map(([id, v]) => ({
    editionId: Number(id),
    participants: v.n,
    female: v.female,
    male: v.male,
    heads: v.heads,
    completed: v.completed,
    rate: rate(v.attended, v.expected),
  }));
  const lowest = filters.edition !== undefined ? lowestAttendance(filters, now) : [];
  const sessions = sessionStats(filters, now).map((s) => ({ ...s, rate: rate(s.present + s.late, s.expected) }));
  const visits = visitStats(filters, now, cube);
  return {
    filters: { ...filters, threshold: filters.threshold ?? DEFAULT_THRESHOLD },
    funnel: funnel(filters),
    participants: total.n,
    attendance: { expected: total.expected, attended: total.attended, rate: rate(total.attended, total.expected) },
    completion: { completed: total.completed, total: total.n, pct: rate(total.completed, total.n) },
    balance: {
      countries: byCountry.filter((c) => c.country).length,
      women: total.female,
      men: total.male,
      womenPct: rate(total.female, total.n),
      villageHeads: total.heads,
      villageHeadPct: rate(total.heads, total.n),
    },
    byCountry,
    byGender,
    byPosition,
    buckets,
    byEdition,
    sessions,
    visits,
    lowest,
  };
}
export type Dashboard = ReturnType<typeof getDashboard>;

/** The dashboard with every label resolved in `lng` and the filter choices, for DashboardView. */
export function dashboardViewData(actor: Actor, filters: TrackingFilters, lng: string, fixedEdition: boolean, now = new Date()) {
  const d = getDashboard(actor, filters, now);
  const editions = db().$client.prepare("select id, name from editions order by starts_on desc, id desc").all() as { id: number; name: string }[];
  // Organizer-written names and titles in the reader's language (issue 11 item 8), with their lang.
  const editionTr = new Map(
    db()
      .select({ id: t.editions.id, tr: t.editions.translations })
      .from(t.editions)
      .all()
      .map((e) => [e.id, e.tr]),
  );
  const editionShown = new Map(editions.map((e) => [e.id, pickField(e.name, editionTr.get(e.id), "name", lng)]));
  const editionName = new Map([...editionShown].map(([id, s]) => [id, s.text]));
  const visits = db()
    .$client.prepare(
      `select v.id, v.title, v.arrival_on, hs.name_latin, hs.name from exchange_visits v join host_sites hs on hs.id = v.host_site_id
              ${filters.edition !== undefined ? "where v.edition_id = ?" : ""} order by v.arrival_on, v.id`,
    )
    .all(...(filters.edition !== undefined ? [filters.edition] : [])) as { id: number; title: string; arrival_on: string; name_latin: string; name: string }[];
  const visitIds = [...new Set([...visits.map((v) => v.id), ...d.visits.map((v) => v.id)])];
  const visitRows = visitIds.length
    ? db()
        .select({
          id: t.exchangeVisits.id,
          tr: t.exchangeVisits.translations,
          site: { name: t.hostSites.name, nameLatin: t.hostSites.nameLatin, countryCode: t.hostSites.countryCode, translations: t.hostSites.translations },
        })
        .from(t.exchangeVisits)
        .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
        .where(inArray(t.exchangeVisits.id, visitIds))
        .all()
    : [];
  const visitTr = new Map(visitRows.map((v) => [v.id, v.tr]));
  // A visit without a title is named by its site, in the reader's language too.
  const visitSite = new Map(visitRows.map((v) => [v.id, siteNameShown(v.site, lng)]));
  const sessionIds = d.sessions.map((s) => s.id);
  const sessionTr = new Map(
    sessionIds.length
      ? db()
          .select({ id: t.trainingSessions.id, tr: t.trainingSessions.translations })
          .from(t.trainingSessions)
          .where(inArray(t.trainingSessions.id, sessionIds))
          .all()
          .map((s) => [s.id, s.tr])
      : [],
  );
  const visitTitle = (v: { id: number; title: string }) =>
    visitTitleShown(v.title, visitTr.get(v.id), visitSite.get(v.id) ?? { text: `#${v.id}`, lang: "en" }, lng);
  const visitLabel = (v: { id: number; title: string; arrival_on: string }) => `${visitTitle(v).text} (${v.arrival_on})`;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries({
    edition: filters.edition,
    country: filters.country,
    gender: filters.gender,
    visit: filters.visit,
    threshold: filters.threshold,
  })) {
    if (v !== undefined && v !== "") query.set(k, String(v));
  }
  const q = query.toString();
  return {
    dashboard: {
      ...d,
      byCountry: d.byCountry.map((c) => ({ ...c, countryName: c.country ? countryName(c.country, lng) : "?" })),
      byEdition: d.byEdition.map((e) => ({
        ...e,
        editionName: editionName.get(e.editionId) ?? `#${e.editionId}`,
        editionLang: editionShown.get(e.editionId)?.lang,
      })),
      sessions: d.sessions.map((s) => {
        const title = pickField(s.title, sessionTr.get(s.id), "title", lng);
        return { ...s, title: title.text, titleLang: title.lang, localStart: localDateTime(s.starts_at, s.time_zone, lng) };
      }),
      visits: d.visits.map((v) => ({ ...v, label: visitLabel(v), labelLang: visitTitle(v).lang })),
      lowest: d.lowest.map((p) => ({ ...p, countryName: p.country ? countryName(p.country, lng) : "" })),
    },
    filters: d.filters,
    options: {
      editions: editions.map((e) => ({ value: String(e.id), label: editionName.get(e.id) ?? e.name, lang: editionShown.get(e.id)?.lang })),
      countries: memberCountries(lng).map((c) => ({ value: c.code, label: c.name })),
      visits: visits.map((v) => ({ value: String(v.id), label: visitLabel(v), lang: visitTitle(v).lang })),
    },
    exportQuery: q ? `?${q}` : "",
    fixedEdition,
    editionName: filters.edition !== undefined ? (editionName.get(filters.edition) ?? "") : "",
    editionLang: filters.edition !== undefined ? editionShown.get(filters.edition)?.lang : undefined,
  };
}

/** "29 Nov, 14:00" in the zone, in `lng`. */
function localDateTime(iso: string, zone: string, lng: string) {
  return new Intl.DateTimeFormat(lng, { calendar: "gregory", timeZone: zone, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(
    new Date(iso),
  );
}
