/**
 * Benchmarks of participation tracking (issue 6). Run: npx tsx bench/dashboard.bench.ts
 *
 * Data (seeded, in a temporary SQLite file with the migrations applied): 10 editions, 1,000
 * accepted participants (plus 500 applications in other statuses), 20 exchange visits of 8 weeks,
 * 500 held training sessions (400 for the whole edition, 100 for one visit), and 100,000
 * attendance records (45,000 at sessions, 55,000 visit days).
 *
 * 1. The organizer dashboard (getDashboard: its few GROUP BY queries), one edition and across all
 *    ten: median server time of repeated runs (target < 100 ms), against a naive baseline in the
 *    same run that loads every row and counts in JS; both must agree on the headline figures.
 * 2. The CSV export of all 100,000 attendance rows, streamed (target < 2 s), with the peak RSS
 *    and heap sampled every 20 ms during the stream.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-bench-dash-"));
process.env.DATABASE_PATH = path.join(dir, "bench.sqlite");
process.env.VLX_LOG_LEVEL ??= "silent";

const { db } = await import("../app/db.server");
const { getDashboard } = await import("../app/models/tracking/dashboard.server");
const { exportCsv } = await import("../app/models/tracking/exports.server");

const organizer = {
  id: 1,
  email: "bench@vlx.invalid",
  displayName: "Bench",
  locale: "en",
  timeZone: null,
  isOrganizer: true,
  focalPointCountries: [],
  isHostCoordinator: false,
};
const COUNTRIES = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "CN", "JP", "KR"];
const KINDS = ["village_head", "village_official", "community_officer", "expert", "other"];
const STATUSES = ["present", "present", "present", "present", "present", "present", "late", "absent", "excused"];

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate() {
  const raw = db().$client;
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  let records = 0;
  raw
    .transaction(() => {
      raw.prepare("insert into users (email, display_name) values ('bench@vlx.invalid', 'Bench')").run();
      const user = raw.prepare("insert into users (email, display_name) values (?, ?)");
      const app =
        raw.prepare(`insert into applications (edition_id, user_id, status, given_name, family_name, given_name_latin, family_name_latin, name_order, search_name, gender, nationality, position_kind)
      values (?, ?, ?, ?, ?, ?, ?, 'given_first', ?, ?, ?, ?)`);
      const site = raw.prepare("insert into host_sites (name, country_code, time_zone) values (?, 'CN', 'Asia/Shanghai')");
      const visit = raw.prepare(
        "insert into exchange_visits (edition_id, host_site_id, title, arrival_on, departure_on, capacity, per_country_cap) values (?, ?, ?, ?, ?, 60, 20)",
      );
      const placement = raw.prepare("insert into placements (visit_id, application_id, status) values (?, ?, 'accepted')");
      const session = raw.prepare(`insert into training_sessions (edition_id, visit_id, title, type, starts_at, ends_at, time_zone, audience, status)
      values (?, ?, ?, 'lecture', ?, ?, 'Asia/Shanghai', ?, 'held')`);
      const att = raw.prepare(`insert into attendance_records (subject_kind, training_session_id, visit_id, date, application_id, status, method, recorded_at)
      values (?, ?, ?, ?, ?, ?, 'list', '2025-01-01T00:00:00.000Z')`);
      const siteIds = Array.from({ length: 10 }, (_, i) => Number(site.run(`Site ${i}`).lastInsertRowid));
      let u = 0;
      for (let e = 0; e < 10; e++) {
        const start = addDays("2024-01-01", e * 70);
        const editionId = Number(
          raw
            .prepare(
              `insert into editions (name, ordinal, mode, host_countries, starts_on, ends_on, applications_open_on, applications_close_on, time_zone, themes)
        values (?, ?, 'in_person', '["CN"]', ?, ?, '2023-01-01', '2023-06-01', 'Asia/Shanghai', '[]')`,
            )
            .run(`Edition ${e + 1}`, e + 1, start, addDays(start, 55)).lastInsertRowid,
        );
        const visits = [0, 1].map((v) => Number(visit.run(editionId, siteIds[(e + v) % 10], `Visit ${e}-${v}`, start, addDays(start, 55)).lastInsertRowid));
        const people: { id: number; visit: number }[] = [];
        for (let p = 0; p < 150; p++) {
          const status = p < 100 ? "accepted" : pick(["submitted", "endorsed", "rejected", "withdrawn", "waitlisted"]);
          const uid = Number(user.run(`p${u++}@bench.invalid`, `P ${u}`).lastInsertRowid);
          const id = Number(
            app.run(
              editionId,
              uid,
              status,
              `Given ${p}`,
              `Family ${e}`,
              `Given ${p}`,
              `Family ${e}`,
              `given ${p} family ${e}`,
              r() < 0.45 ? "female" : "male",
              pick(COUNTRIES),
              pick(KINDS),
            ).lastInsertRowid,
          );
          if (status === "accepted") {
            const v = visits[p % 2];
            placement.run(v, id);
            people.push({ id, visit: v });
          }
        }
        for (let s = 0; s < 50; s++) {
          const visitId = s < 40 ? null : visits[s % 2];
          const startsAt = `${addDays(start, s)}T02:00:00.000Z`;
          const sid = Number(
            session.run(editionId, visitId, `Session ${s}`, startsAt, `${addDays(start, s)}T04:00:00.000Z`, visitId ? "visit" : "edition").lastInsertRowid,
          );
          for (const p of people)
            if (!visitId || p.visit === visitId) {
              att.run("training", sid, null, null, p.id, pick(STATUSES));
              records++;
            }
        }
        for (const p of people)
          for (let d = 0; d < 55; d++) {
            att.run("visit_day", null, p.visit, addDays(start, d), p.id, pick(STATUSES));
            records++;
          }
      }
    })
    .immediate();
  raw.pragma("optimize");
  return records;
}

/** The naive way: load every row and count in JS (no GROUP BY). Returns the headline figures. */
function naive(edition?: number) {
  const raw = db().$client;
  const apps = (
    raw.prepare("select * from applications").all() as {
      id: number;
      edition_id: number;
      status: string;
      nationality: string;
      gender: string;
      position_kind: string;
    }[]
  ).filter((a) => edition === undefined || a.edition_id === edition);
  const participants = apps.filter((a) => a.status === "accepted");
  const placements = raw.prepare("select * from placements where status = 'accepted'").all() as { visit_id: number; application_id: number }[];
  const sessions = (
    raw.prepare("select * from training_sessions").all() as { id: number; edition_id: number; visit_id: number | null; audience: string; status: string }[]
  ).filter((s) => (edition === undefined || s.edition_id === edition) && s.status === "held");
  const records = raw.prepare("select * from attendance_records").all() as { training_session_id: number | null; application_id: number; status: string }[];
  const status = new Map(records.filter((x) => x.training_session_id).map((x) => [`${x.training_session_id}:${x.application_id}`, x.status]));
  const visitOf = new Map(placements.map((p) => [p.application_id, p.visit_id]));
  let expected = 0,
    attended = 0,
    completed = 0;
  const byCountry = new Map<string, number>();
  for (const p of participants) {
    byCountry.set(p.nationality, (byCountry.get(p.nationality) ?? 0) + 1);
    let e = 0,
      a = 0;
    for (const s of sessions) {
      if (s.edition_id !== p.edition_id) continue;
      if (s.audience === "visit" && visitOf.get(p.id) !== s.visit_id) continue;
      e++;
      const st = status.get(`${s.id}:${p.id}`);
      if (st === "present" || st === "late") a++;
    }
    expected += e;
    attended += a;
    if (e > 0 && a * 100 >= 80 * e) completed++;
  }
  return { participants: participants.length, expected, attended, completed, countries: byCountry.size };
}

function median(fn: () => unknown, runs: number) {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const t0 = performance.now();
const records = generate();
console.log(
  `data: 10 editions, 1,000 participants, 500 sessions, ${records.toLocaleString("en")} attendance records (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);

const editionId = 5;
if (process.env.PROFILE) {
  const m = await import("../app/models/tracking/dashboard.server");
  for (const [name, fn] of Object.entries({
    cube: () => m.participantCube({}),
    sessions: () => m.sessionStats({}),
    visits: () => m.visitStats({}),
    funnel: () => m.funnel({}),
  })) {
    console.log(name, median(fn, 5).toFixed(1), "ms");
  }
}
for (const [label, filters] of [
  ["one edition", { edition: editionId }],
  ["all ten editions", {}],
] as const) {
  const d = getDashboard(organizer, filters);
  const n = naive((filters as { edition?: number }).edition);
  const same =
    d.participants === n.participants && d.attendance.expected === n.expected && d.attendance.attended === n.attended && d.completion.completed === n.completed;
  if (!same) throw new Error(`dashboard and naive count disagree: ${JSON.stringify({ d: [d.participants, d.attendance, d.completion], n })}`);
  const fast = median(() => getDashboard(organizer, filters), 15);
  const slow = median(() => naive((filters as { edition?: number }).edition), 5);
  console.log(
    `dashboard, ${label}: median ${fast.toFixed(1)} ms (target < 100 ms) ${fast < 100 ? "OK" : "SLOW"}; naive load-all-and-count ${slow.toFixed(1)} ms; ratio ${(slow / fast).toFixed(1)}x; ` +
      `figures agree (${n.participants} participants, ${n.expected} expected, ${n.attended} attended, ${n.completed} completed)`,
  );
}

if (process.env.PROFILE) {
  const { trackingCtes } = await import("../app/models/tracking/sql.server");
  const { stringify } = await import("csv-stringify/sync");
  const c = trackingCtes({});
  const q0 = performance.now();
  let n = 0;
  const sample: unknown[][] = [];
  for (const r of db()
    .$client.prepare(`${c.sql} select xa.sid, xa.aid, xa.status from xa union all select vd.visit_id, vd.application_id, vd.status from vd`)
    .iterate(c.params) as Iterable<Record<string, unknown>>) {
    n++;
    if (sample.length < 100000)
      sample.push(
        Object.values(r).concat([
          "Given name",
          "Family",
          "Nguyễn Thị Ánh",
          "VN",
          "Viet Nam",
          "female",
          "list",
          "",
          "x",
          "2025-01-01T00:00:00.000Z",
          "Session title",
          "Asia/Shanghai",
        ]),
      );
  }
  console.log("iterate only", n, (performance.now() - q0).toFixed(0), "ms");
  const c0 = performance.now();
  stringify(sample);
  console.log("csv-stringify sync of", sample.length, "rows", (performance.now() - c0).toFixed(0), "ms");
}
// Streamed export of every attendance row.
const base = process.memoryUsage();
let peakRss = base.rss,
  peakHeap = base.heapUsed;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 20);
const s0 = performance.now();
const reader = exportCsv(organizer, "attendance", {}).getReader();
let bytes = 0,
  lines = 0;
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  bytes += value.byteLength;
  for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}
clearInterval(sampler);
const secs = (performance.now() - s0) / 1000;
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
console.log(
  `export of ${(lines - 1).toLocaleString("en")} attendance rows (${mb(bytes)} of CSV) streamed in ${secs.toFixed(2)} s (target < 2 s) ${secs < 2 ? "OK" : "SLOW"}; ` +
    `peak RSS ${mb(peakRss)} (+${mb(peakRss - base.rss)} over the start), peak heap ${mb(peakHeap)} (+${mb(peakHeap - base.heapUsed)})`,
);
fs.rmSync(dir, { recursive: true, force: true });
