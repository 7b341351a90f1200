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
 * - `pp`  per participant: sessions expected, attended (present or late), and `completed`
 *         (attended ≥ threshold % of expected, with at least one expected);
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

export type SqlParams = Record<string, string | number | null>;

/** The WITH clause and its parameters for `filters` at instant `now`. */
export function trackingCtes(filters: TrackingFilters, now: Date = new Date()): { sql: string; params: SqlParams } {
  const params: SqlParams = {
    now: now.toISOString(),
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
  const sql = `with
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
pp as (
  select p.id, p.edition_id, p.nationality, p.gender, p.position_kind, p.visit_id,
    coalesce(c.expected, 0) as expected, coalesce(c.attended, 0) as attended,
    (coalesce(c.expected, 0) > 0 and coalesce(c.attended, 0) * 100 >= @threshold * c.expected) as completed
  from p left join (select aid, count(*) as expected, sum(attended) as attended from xa group by aid) c on c.aid = p.id
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
