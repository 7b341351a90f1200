// The participation dashboard (issue 6): every figure is checked against counts computed here in
// plain JS from the fixtures' own description, and against the CSV exports with the same filters.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { getDashboard } from "~/models/tracking/dashboard.server";
import { loader as dashboardLoader } from "~/routes/admin.dashboard";
import { loader as editionDashboardLoader } from "~/routes/admin.editions.$id_.dashboard";
import { loader as exportLoader } from "~/routes/admin.exports.$kind[.]csv";
import type { Actor } from "~/models/actor";
import { call, cookieFor, createUser, makeTraining } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";
import { attend, attendDay, bodyText, enrol } from "./tracking-fixtures";

const NOW = new Date("2031-07-08T12:00:00.000Z");
type Status = "present" | "late" | "absent" | "excused";
type P = { key: string; ed: "A" | "B"; cc: string; gender: "female" | "male"; kind: string; visit?: "V1" | "V2"; status?: string };
const PEOPLE: P[] = [
  { key: "p1", ed: "A", cc: "VN", gender: "female", kind: "village_head", visit: "V1" },
  { key: "p2", ed: "A", cc: "VN", gender: "male", kind: "village_official", visit: "V1" },
  { key: "p3", ed: "A", cc: "TH", gender: "female", kind: "village_head", visit: "V1" },
  { key: "p4", ed: "A", cc: "KH", gender: "male", kind: "expert", visit: "V2" },
  { key: "p5", ed: "A", cc: "KH", gender: "female", kind: "community_officer", visit: "V2" },
  { key: "p6", ed: "A", cc: "TH", gender: "male", kind: "village_head" },
  { key: "s1", ed: "A", cc: "VN", gender: "female", kind: "village_head", status: "submitted" },
  { key: "r1", ed: "A", cc: "TH", gender: "male", kind: "other", status: "rejected" },
  { key: "w1", ed: "A", cc: "KH", gender: "female", kind: "expert", status: "withdrawn" },
  { key: "p7", ed: "B", cc: "VN", gender: "female", kind: "village_head" },
];
type S = {
  key: string;
  ed: "A" | "B";
  audience: "edition" | "visit" | "enrol";
  visit?: "V1" | "V2";
  status: "held" | "scheduled" | "cancelled" | "draft";
  endsAt: string;
  enrolled?: string[];
  waitlisted?: string[];
};
const SESSIONS: S[] = [
  { key: "T1", ed: "A", audience: "edition", status: "held", endsAt: "2031-07-06T04:00:00.000Z" },
  { key: "T2", ed: "A", audience: "visit", visit: "V1", status: "held", endsAt: "2031-07-06T08:00:00.000Z" },
  { key: "T3", ed: "A", audience: "enrol", status: "held", endsAt: "2031-07-07T04:00:00.000Z", enrolled: ["p4", "p5"], waitlisted: ["p6"] },
  { key: "T4", ed: "A", audience: "edition", status: "cancelled", endsAt: "2031-07-07T08:00:00.000Z" },
  { key: "T5", ed: "A", audience: "edition", status: "scheduled", endsAt: "2031-07-20T04:00:00.000Z" },
  { key: "T6", ed: "A", audience: "visit", visit: "V2", status: "scheduled", endsAt: "2031-07-07T06:00:00.000Z" },
  { key: "T7", ed: "B", audience: "edition", status: "held", endsAt: "2031-07-06T04:00:00.000Z" },
];
const ATT: [string, string, Status][] = [
  ["T1", "p1", "present"],
  ["T1", "p2", "late"],
  ["T1", "p3", "absent"],
  ["T1", "p4", "present"],
  ["T1", "p5", "excused"],
  ["T2", "p1", "present"],
  ["T2", "p2", "present"],
  ["T2", "p3", "present"],
  ["T3", "p4", "late"],
  ["T3", "p5", "present"],
  ["T4", "p1", "present"],
  ["T6", "p4", "present"],
  ["T7", "p7", "present"],
];
const DAYS: ["V1" | "V2", string, string, Status][] = [
  ["V1", "2031-07-05", "p1", "present"],
  ["V1", "2031-07-05", "p2", "absent"],
  ["V1", "2031-07-06", "p1", "late"],
];

const ids: Record<string, number> = {};
let organizer: Actor;
let editionA: number;
let editionB: number;

// ---- the independent oracle: plain JS over the description above ----
type F = { ed?: "A" | "B"; cc?: string; gender?: string; visit?: "V1" | "V2"; threshold?: number };
const participants = (f: F) =>
  PEOPLE.filter(
    (p) => !p.status && (!f.ed || p.ed === f.ed) && (!f.cc || p.cc === f.cc) && (!f.gender || p.gender === f.gender) && (!f.visit || p.visit === f.visit),
  );
const counted = (f: F) =>
  SESSIONS.filter((s) => (!f.ed || s.ed === f.ed) && (s.status === "held" || (s.status === "scheduled" && s.endsAt <= NOW.toISOString())));
function expectedPairs(f: F) {
  const ps = participants(f);
  return counted(f).flatMap((s) =>
    ps
      .filter(
        (p) =>
          p.ed === s.ed &&
          (s.audience === "edition" || (s.audience === "visit" && p.visit === s.visit) || (s.audience === "enrol" && s.enrolled?.includes(p.key))),
      )
      .map((p) => ({ s: s.key, p: p.key, status: ATT.find(([a, b]) => a === s.key && b === p.key)?.[2] ?? null })),
  );
}
const attended = (x: { status: string | null }) => x.status === "present" || x.status === "late";
// Visit days so far at NOW (19:00 in both sites' zones, UTC+7): 5 to 8 July for both visits.
const DAYS_SO_FAR = ["2031-07-05", "2031-07-06", "2031-07-07", "2031-07-08"];
/** The visit days a participant was expected at, with the recorded status (issue 12 item 5). */
const dayPairs = (p: P) =>
  p.visit ? DAYS_SO_FAR.map((d) => ({ status: DAYS.find(([v, dd, pp]) => v === p.visit && dd === d && pp === p.key)?.[3] ?? null })) : [];
function completedCount(f: F) {
  const pairs = expectedPairs(f);
  return participants(f).filter((p) => {
    // Training sessions and exchange-visit days count together.
    const mine = [...pairs.filter((x) => x.p === p.key), ...dayPairs(p)];
    return mine.length > 0 && mine.filter(attended).length * 100 >= (f.threshold ?? 80) * mine.length;
  }).length;
}
const filtersOf = (f: F) => ({
  edition: f.ed ? ids[f.ed] : undefined,
  country: f.cc,
  gender: f.gender,
  visit: f.visit ? ids[f.visit] : undefined,
  threshold: f.threshold,
});

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  editionA = ids.A = makeEdition({ name: "Edition A" }).id;
  editionB = ids.B = makeEdition({ name: "Edition B", ordinal: 100 }).id;
  const site1 = makeSite();
  const site2 = makeSite({ name: "Làng Đông Hòa", nameLatin: "Dong Hoa", countryCode: "VN", timeZone: "Asia/Ho_Chi_Minh" });
  ids.V1 = makeVisit(editionA, site1.id, { arrivalOn: "2031-07-05", departureOn: "2031-07-12", capacity: 6 }).id;
  ids.V2 = makeVisit(editionA, site2.id, { arrivalOn: "2031-07-05", departureOn: "2031-07-09", capacity: 4 }).id;
  for (const p of PEOPLE) {
    const { app } = await makeParticipant(ids[p.ed], {
      nationality: p.cc,
      gender: p.gender,
      positionKind: p.kind,
      status: (p.status ?? "accepted") as "accepted",
    });
    ids[p.key] = app.id;
    if (p.visit) place(ids[p.visit], app.id, "accepted");
  }
  place(ids.V2, ids.p6, "offered");
  for (const s of SESSIONS) {
    ids[s.key] = makeTraining(ids[s.ed], {
      audience: s.audience,
      status: s.status,
      visitId: s.visit ? ids[s.visit] : null,
      startsAt: new Date(Date.parse(s.endsAt) - 2 * 3600_000).toISOString(),
      endsAt: s.endsAt,
    }).id;
    for (const p of s.enrolled ?? []) enrol(ids[s.key], ids[p]);
    for (const p of s.waitlisted ?? []) enrol(ids[s.key], ids[p], "waitlisted");
  }
  for (const [s, p, st] of ATT) attend(ids[s], ids[p], st);
  for (const [v, d, p, st] of DAYS) attendDay(ids[v], d, ids[p], st);
});

describe("dashboard figures equal independent counts", () => {
  const cases: F[] = [
    { ed: "A" },
    {},
    { ed: "A", cc: "VN" },
    { ed: "A", gender: "female" },
    { ed: "A", visit: "V1" },
    { ed: "A", threshold: 50 },
    { ed: "A", visit: "V2", gender: "male" },
  ];
  for (const f of cases) {
    it(`filters ${JSON.stringify(f)}`, () => {
      const d = getDashboard(organizer, filtersOf(f), NOW);
      const ps = participants(f);
      const pairs = expectedPairs(f);
      expect(d.participants).toBe(ps.length);
      expect(d.attendance.expected).toBe(pairs.length);
      expect(d.attendance.attended).toBe(pairs.filter(attended).length);
      expect(d.completion.completed).toBe(completedCount(f));
      expect(d.balance.women).toBe(ps.filter((p) => p.gender === "female").length);
      expect(d.balance.men).toBe(ps.filter((p) => p.gender === "male").length);
      expect(d.balance.villageHeads).toBe(ps.filter((p) => p.kind === "village_head").length);
      for (const c of ["VN", "TH", "KH"]) {
        const row = d.byCountry.find((r) => r.country === c);
        const mine = ps.filter((p) => p.cc === c);
        expect(row?.participants ?? 0, c).toBe(mine.length);
        expect(row?.female ?? 0).toBe(mine.filter((p) => p.gender === "female").length);
        const cp = pairs.filter((x) => mine.some((p) => p.key === x.p));
        expect(row?.expected ?? 0).toBe(cp.length);
        expect(row?.attended ?? 0).toBe(cp.filter(attended).length);
      }
      for (const kind of ["village_head", "village_official", "community_officer", "expert", "other"]) {
        expect(d.byPosition.find((r) => r.kind === kind)!.count, kind).toBe(ps.filter((p) => p.kind === kind).length);
      }
      const bySession = new Map(d.sessions.map((s) => [s.id, s]));
      const sessionKeys = [...new Set(pairs.map((x) => x.s))];
      expect(d.sessions.length).toBe(sessionKeys.length);
      for (const s of sessionKeys) {
        const mine = pairs.filter((x) => x.s === s);
        const got = bySession.get(ids[s])!;
        expect(got.expected, s).toBe(mine.length);
        expect(got.present + got.late).toBe(mine.filter(attended).length);
        expect(got.absent).toBe(mine.filter((x) => x.status === "absent").length);
        expect(got.unrecorded).toBe(mine.filter((x) => x.status === null).length);
      }
    });
  }

  it("application funnel, seats filled and visit-day attendance", () => {
    const d = getDashboard(organizer, filtersOf({ ed: "A" }), NOW);
    const apps = PEOPLE.filter((p) => p.ed === "A");
    for (const st of ["accepted", "submitted", "rejected", "withdrawn", "draft"]) {
      expect(d.funnel.find((r) => r.status === st)!.count, st).toBe(apps.filter((p) => (p.status ?? "accepted") === st).length);
    }
    const v1 = d.visits.find((v) => v.id === ids.V1)!;
    expect(v1.accepted).toBe(PEOPLE.filter((p) => p.visit === "V1").length);
    // 2031-07-05 .. 2031-07-08 (NOW, Bangkok) = 4 days × 3 participants; present/late on days: 2.
    expect(v1.days_elapsed).toBe(4);
    expect(v1.day_expected).toBe(12);
    expect(v1.day_attended).toBe(DAYS.filter(([v, , , s]) => v === "V1" && (s === "present" || s === "late")).length);
    const v2 = d.visits.find((v) => v.id === ids.V2)!;
    expect([v2.accepted, v2.offered, v2.capacity]).toEqual([2, 1, 4]);
  });

  it("across editions lists each edition", () => {
    const d = getDashboard(organizer, {}, NOW);
    expect(d.byEdition.find((e) => e.editionId === editionA)!.participants).toBe(participants({ ed: "A" }).length);
    expect(d.byEdition.find((e) => e.editionId === editionB)!.participants).toBe(participants({ ed: "B" }).length);
  });
});

describe("exports hold exactly the dashboard's rows", () => {
  it("participants, attendance, sessions and placements with the same filters", async () => {
    const cookie = await cookieFor(organizer.id);
    for (const f of [{ ed: "A" }, { ed: "A", cc: "KH" }, { ed: "A", visit: "V1" }] as F[]) {
      const q = new URLSearchParams(
        Object.entries(filtersOf(f))
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      ).toString();
      const d = getDashboard(organizer, filtersOf(f));
      const get = async (kind: string) => {
        const res = await call(exportLoader, `/admin/exports/${kind}.csv?${q}`, { cookie, params: { kind } });
        expect(res.status).toBe(200);
        expect(res.headers.get("Content-Type")).toContain("text/csv");
        return parse(await bodyText(res), { bom: true, columns: true }) as Record<string, string>[];
      };
      const people = await get("participants");
      expect(people.length).toBe(d.participants);
      expect(people.filter((r) => r.completed === "yes").length).toBe(d.completion.completed);
      const att = (await get("attendance")).filter((r) => r.subject === "training");
      expect(att.length).toBe(d.attendance.expected);
      expect(att.filter((r) => r.status === "present" || r.status === "late").length).toBe(d.attendance.attended);
      const sessions = await get("sessions");
      expect(sessions.map((s) => Number(s.session_id)).sort()).toEqual(d.sessions.map((s) => s.id).sort());
      const placements = await get("placements");
      for (const v of d.visits) expect(placements.filter((p) => Number(p.visit_id) === v.id && p.status === "accepted").length).toBe(v.accepted);
      const apps = await get("applications");
      expect(apps.length).toBe(d.funnel.reduce((s, r) => s + r.count, 0));
    }
  });
});

describe("scope", () => {
  it("only organizers see the dashboards and exports (404 otherwise)", async () => {
    const host = await createUser({ roles: [{ role: "host_coordinator" }] });
    const focal = await createUser({ roles: [{ role: "focal_point", countryCode: "VN" }] });
    for (const u of [host, focal]) {
      const cookie = await cookieFor(u.id);
      expect((await call(dashboardLoader, "/admin/dashboard", { cookie })).status).toBe(404);
      expect((await call(editionDashboardLoader, `/admin/editions/${editionA}/dashboard`, { cookie, params: { id: String(editionA) } })).status).toBe(404);
      expect((await call(exportLoader, "/admin/exports/attendance.csv", { cookie, params: { kind: "attendance" } })).status).toBe(404);
    }
    const cookie = await cookieFor(organizer.id);
    expect((await call(editionDashboardLoader, "/admin/editions/99999/dashboard", { cookie, params: { id: "99999" } })).status).toBe(404);
    expect((await call(exportLoader, "/admin/exports/passwords.csv", { cookie, params: { kind: "passwords" } })).status).toBe(404);
    const ok = await call(editionDashboardLoader, `/admin/editions/${editionA}/dashboard?country=VN`, { cookie, params: { id: String(editionA) } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).dashboard.participants).toBe(participants({ ed: "A", cc: "VN" }).length);
  });
});
