// docs/design.md (placement: a visit never holds more accepted placements than seats), under true
// concurrency: as many worker threads as the machine runs at once (tests/support/workers.ts), each
// with its own better-sqlite3 connection to the same database file, released at the same instant
// by a barrier (Atomics on a SharedArrayBuffer), each accepting its own offer for a visit with one
// seat left. With the real accept (check and write in one BEGIN IMMEDIATE transaction) exactly one
// wins and the others are told the visit is full. The unguarded twin (read the count, then write
// in a deferred transaction once another worker has read too) lets several win: the visit is
// overbooked. No clock decides anything: readiness and the race window are signals.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { Barrier, bundleWorker, raceWorkerCount } from "../support/workers";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";

const N = raceWorkerCount();
/** The real accept function and connection factory, compiled for the workers. */
let bundle: Awaited<ReturnType<typeof bundleWorker>>;
const COUNTRIES = ["KH", "LA", "MM", "ID", "MY", "PH", "BN", "SG", "JP", "KR"];

type Outcome = { won: boolean; key: string | null };

/** A visit with `capacity` seats, capacity - 1 already accepted, and N offers for the last one. */
async function lastSeat() {
  const edition = makeEdition();
  const site = makeSite();
  const visit = makeVisit(edition.id, site.id, { capacity: 3, perCountryCap: N });
  for (let i = 0; i < 2; i++) place(visit.id, (await makeParticipant(edition.id, { nationality: "VN" })).app.id, "accepted");
  const offers: { placementId: number; userId: number }[] = [];
  for (let i = 0; i < N; i++) {
    const { user, app } = await makeParticipant(edition.id, { nationality: COUNTRIES[i % COUNTRIES.length] });
    const p = place(visit.id, app.id, "offered");
    db().update(t.placements).set({ replyBy: "2031-06-15" }).where(eq(t.placements.id, p.id)).run();
    offers.push({ placementId: p.id, userId: user.id });
  }
  return { visit, offers };
}

async function race(variant: "guarded" | "unguarded"): Promise<{ outcomes: Outcome[]; accepted: number }> {
  const { visit, offers } = await lastSeat();
  const barrier = new Barrier();
  const workerFile = path.resolve("tests/support/placement-accept-worker.mjs");
  const workers = offers.map(
    (o) =>
      new Worker(workerFile, {
        execArgv: [],
        workerData: {
          dbPath: process.env.DATABASE_PATH,
          bundle: bundle.url,
          ...o,
          visitId: visit.id,
          capacity: visit.capacity,
          variant,
          barrier: barrier.buffer,
        },
      }),
  );
  const results = workers.map(
    (w) =>
      new Promise<Outcome>((resolve, reject) => {
        w.once("message", resolve);
        w.once("error", reject);
        w.once("exit", (code) => (code ? reject(new Error(`worker exit ${code}`)) : undefined));
      }),
  );
  await barrier.allReady(workers);
  barrier.release(); // everyone at once
  const outcomes = await Promise.all(results);
  const accepted = db()
    .select({ n: sql<number>`count(*)` })
    .from(t.placements)
    .where(sql`${t.placements.visitId} = ${visit.id} and ${t.placements.status} = 'accepted'`)
    .get()!.n;
  return { outcomes, accepted };
}

describe(`${N} simultaneous accepts for the last seat`, { timeout: 600_000 }, () => {
  beforeAll(async () => {
    db(); // migrate the file before the workers open it
    bundle = await bundleWorker("placement-accept", {
      contents: 'export { openDatabase } from "./db/client.ts";\nexport { acceptOfferWith } from "./app/models/placement/offers.server.ts";\n',
    });
  });
  afterAll(() => bundle?.remove());

  it("with the guard (BEGIN IMMEDIATE): exactly one wins, the visit stays within capacity", async () => {
    const { outcomes, accepted } = await race("guarded");
    expect(outcomes.filter((o) => o.won)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.won).every((o) => o.key === "placement.errors.visitFull")).toBe(true);
    expect(accepted).toBe(3);
  });

  it("without the guard (read, then write in a deferred transaction once another worker has read): more than one wins, the visit is overbooked", async () => {
    const { outcomes, accepted } = await race("unguarded");
    const wins = outcomes.filter((o) => o.won).length;
    console.info(`unguarded: ${wins} of ${N} won the last seat; ${outcomes.filter((o) => o.key?.startsWith("error")).length} failed with a database error`);
    expect(wins).toBeGreaterThan(1);
    expect(accepted).toBe(2 + wins);
    expect(accepted).toBeGreaterThan(3);
  });
});
