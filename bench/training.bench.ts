/**
 * Benchmarks of the training-scheduling core (issue 5). Run: npx tsx bench/training.bench.ts
 *
 * 1. One conflict check against 10,000 existing trainings (target < 5 ms), indexed vs a linear scan.
 * 2. A free-slot search in an edition of 500 trainings (target < 50 ms), indexed sweep vs a
 *    naive search that runs the linear conflict check at every grid start.
 * 3. The schedule grid (days × venues) of 500 trainings rendered server-side (renderToString of
 *    the ScheduleGrid component with its data built from rows), vs a naive grid that scans every
 *    training for every cell; both must give the same HTML.
 * Each figure is the median of repeated runs after a warm-up; both sides run in the same process.
 * Data come from a seeded generator, so runs are comparable.
 */
import {
  buildScheduleIndex,
  checkConflicts,
  checkConflictsLinear,
  eachLocalDate,
  findFreeSlots,
  hasBlockingConflict,
  localToUtcMs,
  publicHolidaysOn,
  type FreeSlotRequest,
  type ScheduledTraining,
  type TrainingCandidate,
} from "../app/domain/training/index";

function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function measure(fn: () => unknown, runs: number, warmup = Math.ceil(runs / 5)): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const ZONE = "Asia/Yangon";
const COUNTRY = "TH"; // a country with holiday data, so the holiday lookup is part of the cost

function pick<T>(rand: () => number, list: readonly T[], n: number): T[] {
  const out = new Set<T>();
  while (out.size < Math.min(n, list.length)) out.add(list[Math.floor(rand() * list.length)]);
  return [...out];
}
const range = (n: number, prefix = "") => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** A multi-edition programme: `n` trainings over `days` days. */
function generate(
  n: number,
  days: number,
  sizes: { venues: number; trainers: number; interpreters: number; participants: number; audience: number },
  seed: number,
) {
  const rand = mulberry32(seed);
  const venues = range(sizes.venues, "v");
  const trainers = range(sizes.trainers, "t");
  const interpreters = range(sizes.interpreters, "i");
  const participants = range(sizes.participants, "p");
  const dates = eachLocalDate("2027-03-08", "2030-12-31").slice(0, days);
  const trainings: ScheduledTraining[] = [];
  for (let i = 0; i < n; i++) {
    const day = dates[Math.floor(rand() * dates.length)];
    const startMin = 8 * 60 + 15 * Math.floor(rand() * 36); // 08:00–16:45 on the quarter hour
    const start = localToUtcMs(day, `${String(Math.floor(startMin / 60)).padStart(2, "0")}:${String(startMin % 60).padStart(2, "0")}`, ZONE);
    const minutes = 45 + 15 * Math.floor(rand() * 8);
    trainings.push({
      id: i + 1,
      start: new Date(start).toISOString(),
      end: new Date(start + minutes * 60_000).toISOString(),
      venueId: rand() < 0.1 ? null : pick(rand, venues, 1)[0],
      trainerIds: pick(rand, trainers, 1 + Math.floor(rand() * 2)),
      interpreterIds: rand() < 0.3 ? pick(rand, interpreters, 1) : [],
      participantIds: pick(rand, participants, sizes.audience),
      status: rand() < 0.05 ? "cancelled" : "scheduled",
    });
  }
  return { trainings, venues, trainers, interpreters, participants, dates };
}

// ---------------------------------------------------------------------------------------------
// 1. One conflict check against 10,000 existing trainings

const big = generate(10_000, 365, { venues: 60, trainers: 300, interpreters: 80, participants: 3000, audience: 30 }, 42);
const buildMs = measure(() => buildScheduleIndex(big.trainings), 10, 2);
const bigIndex = buildScheduleIndex(big.trainings);
const candStart = localToUtcMs(big.dates[100], "10:00", ZONE);
const candidate: TrainingCandidate = {
  id: "new",
  start: new Date(candStart).toISOString(),
  end: new Date(candStart + 120 * 60_000).toISOString(),
  venueId: big.venues[3],
  trainerIds: [big.trainers[5], big.trainers[6]],
  interpreterIds: [big.interpreters[2]],
  participantIds: big.participants.slice(0, 80),
  venueZone: ZONE,
  venueCountry: COUNTRY,
  dateBounds: { from: big.dates[0], to: big.dates[364], scope: "edition" },
};
const a = checkConflicts(bigIndex, candidate);
const b = checkConflictsLinear(big.trainings, candidate);
if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error("indexed and linear conflict checks disagree");
const checkMs = measure(() => checkConflicts(bigIndex, candidate), 500);
const linearMs = measure(() => checkConflictsLinear(big.trainings, candidate), 50);

// ---------------------------------------------------------------------------------------------
// 2. Free-slot search in an edition of 500 trainings: a three-week multi-country stay (slots exist),
//    and a saturated one-week edition where every participant is busy most days (no slot: the whole
//    range is scanned, the worst case).

/** Naive search: every grid start of every allowed day, each checked by a linear scan of all trainings. */
function naiveFreeSlots(existing: readonly ScheduledTraining[], r: FreeSlotRequest): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  const step = (r.stepMinutes ?? 15) * 60_000;
  const duration = r.durationMinutes * 60_000;
  let lastEnd = -Infinity;
  for (const day of eachLocalDate(r.from, r.to)) {
    if (r.venueCountry && publicHolidaysOn(r.venueCountry, day).length > 0) continue;
    const s0 = localToUtcMs(day, r.workingHours?.start ?? "08:00", r.venueZone);
    const e0 = localToUtcMs(day, r.workingHours?.end ?? "18:00", r.venueZone);
    for (let t = s0; t + duration <= e0; t += step) {
      if (t < lastEnd) continue;
      const c: TrainingCandidate = {
        id: "naive",
        start: new Date(t).toISOString(),
        end: new Date(t + duration).toISOString(),
        venueId: r.venueId,
        trainerIds: r.trainerIds,
        interpreterIds: r.interpreterIds,
        participantIds: r.participantIds,
        venueZone: r.venueZone,
      };
      if (hasBlockingConflict(checkConflictsLinear(existing, c))) continue;
      out.push({ start: c.start, end: c.end });
      lastEnd = t + duration;
      if (out.length >= (r.count ?? 5)) return out;
    }
  }
  return out;
}

function slotCase(days: number, seed: number) {
  const ed = generate(500, days, { venues: 25, trainers: 40, interpreters: 8, participants: 80, audience: 4 }, seed);
  const index = buildScheduleIndex(ed.trainings);
  const request: FreeSlotRequest = {
    durationMinutes: 90,
    venueId: ed.venues[0],
    trainerIds: [ed.trainers[0]],
    interpreterIds: [ed.interpreters[0]],
    participantIds: ed.participants.slice(0, 3),
    from: ed.dates[0],
    to: ed.dates[days - 1],
    venueZone: ZONE,
    venueCountry: COUNTRY,
    count: 5,
  };
  const fast = findFreeSlots(index, request);
  const slow = naiveFreeSlots(ed.trainings, request);
  if (JSON.stringify(fast.map(({ start, end }) => ({ start, end }))) !== JSON.stringify(slow)) throw new Error("free-slot searches disagree");
  return {
    found: fast,
    indexedMs: measure(() => findFreeSlots(index, request), 300),
    withBuildMs: measure(() => findFreeSlots(buildScheduleIndex(ed.trainings), request), 300),
    naiveMs: measure(() => naiveFreeSlots(ed.trainings, request), 20, 3),
  };
}
const stay = slotCase(21, 7);
const saturated = slotCase(7, 7);

// 3. The schedule grid of 500 trainings, server-rendered.
import * as React from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { createInstance } from "i18next";
import { I18nextProvider, initReactI18next, useTranslation } from "react-i18next";
import { Link } from "@remix-run/react";
import { ScheduleGrid } from "../app/components/training/ScheduleGrid";
import { toGridData, type GridData, type GridItem, type GridRow } from "../app/components/training/grid-data";
import enTraining from "../app/locales/en/training.json";

function gridRows(n: number): GridRow[] {
  const rand = mulberry32(11);
  const dates = eachLocalDate("2027-03-08", "2027-03-21");
  const types = ["lecture", "workshop", "field_visit", "forum", "online"];
  return Array.from({ length: n }, (_, i) => {
    const day = dates[Math.floor(rand() * dates.length)];
    const startMin = 8 * 60 + 30 * Math.floor(rand() * 18);
    const start = localToUtcMs(day, `${String(Math.floor(startMin / 60)).padStart(2, "0")}:${String(startMin % 60).padStart(2, "0")}`, ZONE);
    const venue = Math.floor(rand() * 20);
    return {
      id: i + 1,
      title: `Training ${i + 1} — ဒေသဖွံ့ဖြိုးရေး`,
      type: types[i % types.length],
      status: i % 17 === 0 ? "cancelled" : "scheduled",
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 90 * 60_000).toISOString(),
      timeZone: ZONE,
      venueId: venue === 19 ? null : venue + 1,
      venueName: venue === 19 ? null : `Venue ${venue + 1}`,
      deliveryLanguage: ["en", "zh", "my"][i % 3],
      trainers: [`Trainer ${i % 40}`],
      interpreters: i % 2 ? [`Interpreter ${i % 8}`] : [],
    };
  });
}

/**
 * The baseline is the obvious implementation: same markup, but every cell (and every day of the
 * list) scans all trainings, and every card takes its own translation hook and a router-aware
 * Link (what ScheduleGrid did first).
 */
function NaiveCard({ it, showVenue }: { it: GridItem; showVenue?: string }) {
  const { t } = useTranslation();
  const h = React.createElement;
  return h(
    "div",
    { className: `sched-item sched-${it.status}` },
    h("span", { className: "sched-time" }, `${it.start}–${it.end}${it.endDay ? " (+1)" : ""} `, h("span", { className: "muted" }, it.zone)),
    " ",
    h(Link, { to: it.href }, it.title),
    h(
      "span",
      { className: "sched-meta" },
      `${t(`training.types.${it.type}`)} · ${it.language}${showVenue ? ` · ${showVenue}` : ""}${it.interpreters ? ` · ${t("training.grid.interpreters")}: ${it.interpreters}` : ""}`,
      it.status !== "scheduled" ? h(React.Fragment, null, " ", h("span", { className: `badge badge-${it.status}` }, t(`training.status.${it.status}`))) : null,
    ),
  );
}

function NaiveGrid({ data, caption }: { data: GridData; caption: string }) {
  const h = React.createElement;
  const venueName = (key: string) => data.venues.find((v) => v.key === key)?.name;
  return h(
    "div",
    { className: "sched" },
    h(
      "div",
      { className: "table-wrap sched-table", role: "region", "aria-label": caption, tabIndex: 0 },
      h(
        "table",
        null,
        h("caption", null, caption),
        h("thead", null, h("tr", null, h("th", { scope: "col" }, "Day"), ...data.venues.map((v) => h("th", { scope: "col", key: v.key }, v.name)))),
        h(
          "tbody",
          null,
          ...data.days.map((d) =>
            h(
              "tr",
              { key: d.date },
              h("th", { scope: "row" }, d.label),
              ...data.venues.map((v) =>
                h("td", { key: v.key }, ...data.items.filter((it) => it.day === d.date && it.venueKey === v.key).map((it) => h(NaiveCard, { key: it.id, it }))),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      "div",
      { className: "sched-list" },
      ...data.days.map((d) => {
        const items = data.items.filter((it) => it.day === d.date);
        return items.length
          ? h(
              "section",
              { key: d.date },
              h("h3", null, d.label),
              h("ul", null, ...items.map((it) => h("li", { key: it.id }, h(NaiveCard, { it, showVenue: venueName(it.venueKey) })))),
            )
          : null;
      }),
    ),
  );
}

async function gridBench() {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ lng: "en", resources: { en: { translation: enTraining } }, interpolation: { escapeValue: false } });
  const rowsIn = gridRows(500);
  const build = () => toGridData(rowsIn, "2027-03-08", "2027-03-21", "en", (id) => `/admin/trainings/${id}`, "Online");
  const render = (Grid: typeof ScheduleGrid, data: GridData) => {
    const routes = [{ id: "grid", path: "/", Component: () => React.createElement(Grid, { data, caption: "Schedule" }) }];
    const handler = createStaticHandler(routes);
    return { handler, routes };
  };
  const data = build();
  const mk = async (Grid: typeof ScheduleGrid) => {
    const { handler } = render(Grid, data);
    const context = await handler.query(new Request("http://localhost/"));
    if (context instanceof Response) throw new Error("grid route answered a Response");
    const router = createStaticRouter(handler.dataRoutes, context);
    return () => renderToString(React.createElement(I18nextProvider, { i18n }, React.createElement(StaticRouterProvider, { router, context, hydrate: false })));
  };
  const fast = await mk(ScheduleGrid);
  const naive = await mk(NaiveGrid as typeof ScheduleGrid);
  const html = fast();
  // Same visible content (the baseline's Link adds router attributes only).
  const text = (x: string) => x.replace(/<[^>]+>/g, "");
  if (text(html) !== text(naive())) throw new Error("grid renderings differ");
  return {
    cells: data.days.length * data.venues.length,
    kb: Math.round(Buffer.byteLength(html) / 1024),
    buildMs: measure(build, 30, 5),
    renderMs: measure(fast, 30, 5),
    naiveMs: measure(naive, 30, 5),
  };
}
const grid = await gridBench();

// ---------------------------------------------------------------------------------------------

const f = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const rows = [
  ["case", "indexed (median)", "naive linear (median)", "naive / indexed", "target", "ok"],
  ["conflict check, 10,000 trainings", f(checkMs), f(linearMs), `${(linearMs / checkMs).toFixed(0)}×`, "< 5 ms", checkMs < 5 ? "yes" : "NO"],
  ["  (index build, once, 10,000)", f(buildMs), "", "", "", ""],
];
for (const [name, c] of [
  [`free slots, 500 trainings / 3 weeks (${stay.found.length} found)`, stay],
  [`free slots, 500 trainings / 1 week, saturated (${saturated.found.length} found)`, saturated],
] as const) {
  rows.push([name, f(c.indexedMs), f(c.naiveMs), `${(c.naiveMs / c.indexedMs).toFixed(0)}×`, "< 50 ms", c.indexedMs < 50 ? "yes" : "NO"]);
  rows.push([
    "  (same, index built per call)",
    f(c.withBuildMs),
    "",
    `${(c.naiveMs / c.withBuildMs).toFixed(0)}×`,
    "< 50 ms",
    c.withBuildMs < 50 ? "yes" : "NO",
  ]);
}
rows.push([
  `grid render, 500 trainings (${grid.cells} cells, ${grid.kb} KB HTML)`,
  f(grid.renderMs),
  f(grid.naiveMs),
  `${(grid.naiveMs / grid.renderMs).toFixed(1)}×`,
  "",
  "",
]);
rows.push(["  (grid data built from rows, once per page)", f(grid.buildMs), "", "", "", ""]);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(
  `training scheduling bench (Node ${process.version}); ${a.length} conflicts found in case 1; first free slot of the 3-week stay: ${stay.found[0]?.label ?? "none"}`,
);
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join("  │  "));
