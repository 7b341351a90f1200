// Enrolment in trainings open to enrolment: seats, the waiting list and its promotion, scope, and
// the last seat under true concurrency — as many worker threads as the machine runs at once, each
// with its own better-sqlite3 connection to the same file, released at one instant by a barrier:
// with the guard (BEGIN IMMEDIATE) exactly one gets the last seat; the unguarded twin (read, wait
// for another worker's read, write) gives it away more than once. Signals, not clocks.
import { Worker } from "node:worker_threads";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import * as page from "~/routes/me_.trainings.$trainingId";
import { call, cookieFor, createUser } from "../support/factories";
import { Barrier, bundleWorker, raceWorkerCount } from "../support/workers";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";

let edition: ReturnType<typeof makeEdition>;
let visit: ReturnType<typeof makeVisit>;
let venue: number;
let slot = 0;

beforeAll(async () => {
  edition = makeEdition();
  const site = makeSite({});
  visit = makeVisit(edition.id, site.id);
  venue = db().insert(t.venues).values({ name: "Hall", countryCode: "TH", timeZone: "Asia/Bangkok" }).returning().get().id;
});

function training(capacity: number | null, over: Partial<typeof t.trainingSessions.$inferInsert> = {}) {
  slot += 1;
  const start = Date.UTC(2031, 6, 6, 1) + slot * 3 * 3600_000;
  return db()
    .insert(t.trainingSessions)
    .values({
      editionId: edition.id,
      title: `Optional ${slot}`,
      type: "workshop",
      venueId: venue,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3600_000).toISOString(),
      timeZone: "Asia/Bangkok",
      audience: "enrol",
      capacity,
      status: "scheduled",
      ...over,
    })
    .returning()
    .get();
}

async function people(n: number) {
  const out: { user: Actor; app: { id: number }; cookie: string }[] = [];
  for (let i = 0; i < n; i++) {
    const { user, app } = await makeParticipant(edition.id);
    out.push({ user, app, cookie: await cookieFor(user.id) });
  }
  return out;
}
const post = (id: number, cookie: string, intent: "enrol" | "leave") =>
  call(page.action, `/me/trainings/${id}`, { cookie, params: { trainingId: String(id) }, form: { intent } });
const rows = (id: number) => db().select().from(t.trainingEnrolments).where(eq(t.trainingEnrolments.trainingSessionId, id)).all();

describe("enrolment", () => {
  it("gives seats up to the capacity, then waiting-list places in order; leaving promotes the next", async () => {
    const tr = training(2);
    const ps = await people(4);
    for (const p of ps) expect((await post(tr.id, p.cookie, "enrol")).status).toBe(302);
    const byApp = (appId: number) => rows(tr.id).find((r) => r.applicationId === appId)!;
    expect(ps.map((p) => [byApp(p.app.id).status, byApp(p.app.id).position])).toEqual([
      ["enrolled", null],
      ["enrolled", null],
      ["waitlisted", 1],
      ["waitlisted", 2],
    ]);
    // Enrolling twice changes nothing.
    await post(tr.id, ps[0].cookie, "enrol");
    expect(rows(tr.id).filter((r) => r.status === "enrolled")).toHaveLength(2);
    await post(tr.id, ps[0].cookie, "leave");
    expect(byApp(ps[0].app.id).status).toBe("cancelled");
    expect(byApp(ps[2].app.id)).toMatchObject({ status: "enrolled", position: null });
    expect(byApp(ps[3].app.id)).toMatchObject({ status: "waitlisted", position: 1 });
    // Leaving the waiting list needs no promotion; the list closes up.
    await post(tr.id, ps[3].cookie, "leave");
    expect(rows(tr.id).filter((r) => r.status === "waitlisted")).toHaveLength(0);
  });

  it("is 404 for a training outside the participant's scope or a draft; 409 when not open to enrolment", async () => {
    const [p] = await people(1);
    const other = makeEdition({ name: "Other edition" });
    const foreign = training(5, { editionId: other.id });
    expect((await post(foreign.id, p.cookie, "enrol")).status).toBe(404);
    const draft = training(5, { status: "draft" });
    expect((await post(draft.id, p.cookie, "enrol")).status).toBe(404);
    // A visit's training: only for those placed on the visit.
    const visitOnly = training(5, { visitId: visit.id });
    expect((await post(visitOnly.id, p.cookie, "enrol")).status).toBe(404);
    place(visit.id, p.app.id, "accepted");
    expect((await post(visitOnly.id, p.cookie, "enrol")).status).toBe(302);
    const everyone = training(null, { audience: "edition" });
    expect((await post(everyone.id, p.cookie, "enrol")).status).toBe(409);
    const stranger = await createUser();
    expect((await post(everyone.id, await cookieFor(stranger.id), "enrol")).status).toBe(404);
  });

  it("refuses enrolling in a session that clashes with one the participant already attends", async () => {
    const [p] = await people(1);
    const a = training(5);
    const b = training(5, { startsAt: a.startsAt, endsAt: a.endsAt, venueId: null, onlineUrl: "https://meet.example.org/x" });
    expect((await post(a.id, p.cookie, "enrol")).status).toBe(302);
    const res = await post(b.id, p.cookie, "enrol");
    expect(res.status).toBe(409);
    expect(JSON.stringify(await res.json())).toContain(a.title);
  });
});

/** Runs one enrolment per application, each from its own worker thread, all released at the same instant. */
async function race(workerUrl: string, trainingId: number, appIds: number[], guarded: boolean) {
  const barrier = new Barrier();
  const file = process.env.DATABASE_PATH!;
  const workers = appIds.map(
    (applicationId) => new Worker(new URL(workerUrl), { workerData: { file, trainingId, applicationId, guarded, barrier: barrier.buffer } }),
  );
  const results = workers.map(
    (w) =>
      new Promise<{ ok: boolean; status?: string; error?: string }>((resolve, reject) => {
        w.once("message", resolve);
        w.once("error", reject);
      }),
  );
  await barrier.allReady(workers);
  barrier.release();
  const out = await Promise.all(results);
  await Promise.all(workers.map((w) => w.terminate()));
  return out;
}

describe("the last seat under true concurrency", { timeout: 600_000 }, () => {
  const N = raceWorkerCount();
  let worker: Awaited<ReturnType<typeof bundleWorker>>;
  beforeAll(async () => {
    // Compiled once with esbuild: each worker then starts without a TypeScript loader of its own.
    worker = await bundleWorker("enrol-worker", "tests/integration/enrol-worker.ts");
  });
  afterAll(() => worker?.remove());

  it("with the guard (BEGIN IMMEDIATE), exactly one of N simultaneous enrolments gets it", async () => {
    const tr = training(1);
    const ps = await people(N);
    const out = await race(
      worker.url,
      tr.id,
      ps.map((p) => p.app.id),
      true,
    );
    expect(out.filter((r) => !r.ok)).toEqual([]);
    expect(out.filter((r) => r.status === "enrolled")).toHaveLength(1);
    expect(rows(tr.id).filter((r) => r.status === "enrolled")).toHaveLength(1);
    const positions = rows(tr.id)
      .filter((r) => r.status === "waitlisted")
      .map((r) => r.position)
      .sort((a, b) => a! - b!);
    expect(positions).toEqual(Array.from({ length: N - 1 }, (_, i) => i + 1));
  });

  it("without it (read, wait for another read, write), more than one gets the last seat", async () => {
    const tr = training(1);
    const ps = await people(N);
    const out = await race(
      worker.url,
      tr.id,
      ps.map((p) => p.app.id),
      false,
    );
    const enrolled = db()
      .select()
      .from(t.trainingEnrolments)
      .where(and(eq(t.trainingEnrolments.trainingSessionId, tr.id), eq(t.trainingEnrolments.status, "enrolled")))
      .all();
    expect(out.filter((r) => r.ok).length).toBeGreaterThan(1);
    expect(enrolled.length).toBeGreaterThan(1);
  });
});
