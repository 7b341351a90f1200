/**
 * The query core that the organizer dashboard and the CSV exports share, so every figure on the
 * dashboard is a count over exactly the rows an export holds (issue 6).
 *
 * `trackingCtes(filters)` returns a `WITH` clause of named, filtered row sets:
 * - `p`   participants: accepted applications (edition, country, gender, visit filters), with the
 *         visit of their accepted placement (`visit_id`);
 * - `s`   counted training sessions: held, or scheduled and already ended (`@now`); not drafts,
 *         not cancelled;
 * - `xa`  one row per (session, participant) the participant was expected at (audience 'edition':
 *         every participant of the edition; 'visit': those accepted on the visit; 'enrol': those
 *         enrolled) with the recorded attendance, if any (status null = not recorded);
 * - `vdx` one row per (participant, visit day) they were expected at: every day, arrival to
 *         departure, of their accepted placements' visits (not cancelled) up to today in the
 *         site's zone, with `attended` (a visit-day record present or late);
 * - `pp`  per participant: sessions expected and attended (present or late), visit days expected
 *         and attended, and `completed`: sessions and visit days together attended ≥ threshold %
 *         of those expected, with at least one expected (issue 12 item 5: in-person editions
 *         count the exchange-visit days too);
 * - `vd`  visit-day attendance records of the participants.
 * Callers append one SELECT (aggregate with GROUP BY for the dashboard, row by row for exports)
 * and run it with `params` on better-sqlite3. Raw SQL keeps the plan visible; the indexes used
 * are those of db/schema/*.ts (attendance_training_person, placements_application, ...).
 */

export type TrackingFilters = {
  edition?: number;
  country?: string;
  gender?: string;
  visit?: number;
  /** Completion threshold in percent (default 80). */
  threshold?: number;
  /** Only trainings of the filtered visit (host exports), not programme-wide ones. */
  visitSessionsOnly?: boolean;
};

export const DEFAULT_THRESHOLD = 80;

/**
 * Today's local date in every Asian IANA zone (the 13 member countries all lie in Asia/*), as
 * JSON for SQLite's json_extract: visit days count up to today in the site's own zone, as on the
 * dashboard. Memoised per UTC minute.
 */
let zoneTodayMemo: { minute: number; json: string } | null = null;
function zoneTodayJson(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (zoneTodayMemo?.minute === minute) return zoneTodayMemo.json;
  const zones = Intl.supportedValuesOf("timeZone").filter((z) => z.startsWith("Asia/"));
  // Aliases the tz database keeps as links are not all listed by Intl; add the programme's.
  for (const z of [
    "Asia/Phnom_Penh",
    "Asia/Vientiane",
    "Asia/Rangoon",
    "Asia/Yangon",
    "Asia/Saigon",
    "Asia/Ho_Chi_Minh",
    "Asia/Kuala_Lumpur",
    "Asia/Brunei",
    "Asia/Chongqing",
    "Asia/Harbin",
  ])
    if (!zones.includes(z)) zones.push(z);
  const out: Record<string, string> = {};
  for (const z of zones) {
    try {
      out[z] = new Intl.DateTimeFormat("en-CA", { timeZone: z, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
    } catch {
      // A zone this runtime does not know: the site falls back to the UTC date.
    }
  }
  zoneTodayMemo = { minute, json: JSON.stringify(out) };
  return zoneTodayMemo.json;
}

export type SqlParams = Record<string, string | number | null>;

/** The WITH clause and its parameters for `filters` at instant `now`. */
export function trackingCtes(filters: TrackingFilters, now: Date = new Date()): { sql: string; params: SqlParams } {
  const params: SqlParams = {
    now: now.toISOString(),
    zoneToday: zoneTodayJson(now),
    threshold: filters.threshold ?? DEFAULT_THRESHOLD,
  };
  const pWhere = ["a.status = 'accepted'"];
  const sWhere = ["(ts.status = 'held' or (ts.status = 'scheduled' and ts.ends_at <= @now))"];
  if (filters.edition !== undefined) {
    params.edition = filters.edition;
    pWhere.push("a.edition_id = @edition");
    sWhere.push("ts.edition_id = @edition");
  }
  if (filters.country) {
    params.country = filters.country;
    pWhere.push("a.nationality = @country");
  }
  if (filters.gender) {
    params.gender = filters.gender;
    pWhere.push("a.gender = @gender");
  }
  if (filters.visit !== undefined) {
    params.visit = filters.visit;
    pWhere.push("exists (select 1 from placements v where v.application_id = a.id and v.status = 'accepted' and v.visit_id = @visit)");
    if (filters.visitSessionsOnly) sWhere.push("ts.visit_id = @visit");
  }
  const sql = `with recursive
p as materialized (
  select a.id, a.edition_id, a.nationality, a.gender, a.position_kind,
    ${filters.visit !== undefined ? "@visit" : "(select v.visit_id from placements v where v.application_id = a.id and v.status = 'accepted' order by v.id limit 1)"} as visit_id
  from applications a
  where ${pWhere.join(" and ")}
),
s as materialized (
  select ts.id, ts.edition_id, ts.visit_id, ts.audience from training_sessions ts where ${sWhere.join(" and ")}
),
x as (
  select s.id as sid, p.id as aid from s join p on p.edition_id = s.edition_id where s.audience = 'edition'
  union all
  select s.id, p.id from s join placements pl on pl.visit_id = s.visit_id and pl.status = 'accepted' join p on p.id = pl.application_id
    where s.audience = 'visit'
  union all
  select s.id, p.id from s join training_enrolments e on e.training_session_id = s.id and e.status = 'enrolled' join p on p.id = e.application_id
    where s.audience = 'enrol'
),
xa as (
  select x.sid, x.aid, r.status, r.note, r.method, r.recorded_by, r.recorded_at,
    coalesce(r.status in ('present', 'late'), 0) as attended
  from x left join attendance_records r on r.training_session_id = x.sid and r.application_id = x.aid
),
vdays(aid, visit_id, d, last) as (
  select * from (
    select p.id, v.id, v.arrival_on,
      min(v.departure_on, coalesce(json_extract(@zoneToday, '$."' || hs.time_zone || '"'), substr(@now, 1, 10))) as last
    from p join placements pl on pl.application_id = p.id and pl.status = 'accepted'
      join exchange_visits v on v.id = pl.visit_id and v.edition_id = p.edition_id and v.status <> 'cancelled'
      join host_sites hs on hs.id = v.host_site_id
  ) where arrival_on <= last
  union all
  select aid, visit_id, date(d, '+1 day'), last from vdays where d < last
),
vdx as (
  select vdays.aid, vdays.visit_id, vdays.d as date, coalesce(r.status in ('present', 'late'), 0) as attended
  from vdays left join attendance_records r
    on r.subject_kind = 'visit_day' and r.visit_id = vdays.visit_id and r.date = vdays.d and r.application_id = vdays.aid
),
pp as (
  select p.id, p.edition_id, p.nationality, p.gender, p.position_kind, p.visit_id,
    coalesce(c.expected, 0) as expected, coalesce(c.attended, 0) as attended,
    coalesce(dx.expected, 0) as days_expected, coalesce(dx.attended, 0) as days_attended,
    (coalesce(c.expected, 0) + coalesce(dx.expected, 0) > 0
      and (coalesce(c.attended, 0) + coalesce(dx.attended, 0)) * 100 >= @threshold * (coalesce(c.expected, 0) + coalesce(dx.expected, 0))) as completed
  from p left join (select aid, count(*) as expected, sum(attended) as attended from xa group by aid) c on c.aid = p.id
    left join (select aid, count(*) as expected, sum(attended) as attended from vdx group by aid) dx on dx.aid = p.id
),
vd as (
  select r.visit_id, r.date, r.application_id, r.status, r.note, r.method, r.recorded_by, r.recorded_at
  from attendance_records r join p on p.id = r.application_id
  where r.subject_kind = 'visit_day'${filters.visit !== undefined ? " and r.visit_id = @visit" : ""}
)
`;
  return { sql, params };
}

/** WHERE of the application funnel (applications in every status): edition, country, gender. */
export function applicationWhere(filters: TrackingFilters): { sql: string; params: SqlParams } {
  const where = ["1 = 1"];
  const params: SqlParams = {};
  if (filters.edition !== undefined) {
    where.push("a.edition_id = @edition");
    params.edition = filters.edition;
  }
  if (filters.country) {
    where.push("a.nationality = @country");
    params.country = filters.country;
  }
  if (filters.gender) {
    where.push("a.gender = @gender");
    params.gender = filters.gender;
  }
  return { sql: where.join(" and "), params };
}

/** WHERE of placements: the applications' filters plus edition/visit of the placement's visit. */
export function placementWhere(filters: TrackingFilters): { sql: string; params: SqlParams } {
  const base = applicationWhere({ ...filters, edition: undefined });
  const where = [base.sql];
  const params: SqlParams = { ...base.params };
  if (filters.edition !== undefined) {
    where.push("v.edition_id = @edition");
    params.edition = filters.edition;
  }
  if (filters.visit !== undefined) {
    where.push("v.id = @visit");
    params.visit = filters.visit;
  }
  return { sql: where.join(" and "), params };
}

/** Rate in percent with one decimal, or null when nothing was expected. */
export function rate(attended: number, expected: number): number | null {
  return expected > 0 ? Math.round((attended * 1000) / expected) / 10 : null;
}
