// A worker thread of tests/integration/placement-concurrency.test.ts: opens its own better-sqlite3
// connection to the test's database file, announces it is ready and waits at a barrier
// (tests/support/workers.ts: Atomics on a SharedArrayBuffer) until the test releases every worker
// at once, then accepts one offer, either with the real model function (acceptOfferWith: BEGIN
// IMMEDIATE) or with an unguarded twin (read the count, then write in a deferred transaction), and
// reports whether it won the seat.
// `bundle` is the app's own db/client.ts and app/models/placement/offers.server.ts, compiled once
// by the test with esbuild (packages left external), so the workers start in milliseconds.
import { parentPort, workerData } from "node:worker_threads";

const READY = 0;
const GO = 1;
const READ = 2;
const { dbPath, placementId, userId, visitId, capacity, variant, barrier, bundle } = workerData;
const { openDatabase, acceptOfferWith } = await import(bundle);

const handle = openDatabase(dbPath);
const sqlite = handle.$client;
// The app waits 5 s for the write lock; a loaded 2-core machine running every worker in turn can
// need longer, and this test is about who wins the seat, not about the wait.
sqlite.pragma("busy_timeout = 120000");
const flags = new Int32Array(barrier);

Atomics.add(flags, READY, 1);
Atomics.notify(flags, READY);
Atomics.wait(flags, GO, 0); // until released

let result;
try {
  if (variant === "guarded") {
    const r = acceptOfferWith(handle, userId, placementId, new Date("2031-06-01T00:00:00Z"));
    result = { won: r.ok, key: r.ok ? null : r.key };
  } else {
    // The bug the guard prevents: check, then act, with the check outside the writing transaction.
    const { n } = sqlite.prepare("select count(*) as n from placements where visit_id = ? and status = 'accepted'").get(visitId);
    // The window between check and write, made certain rather than timed: no one writes before a
    // second worker has read too (on a busy machine a few milliseconds of sleep may let the workers
    // run one after another and hide the race).
    Atomics.add(flags, READ, 1);
    Atomics.notify(flags, READ);
    for (let r = Atomics.load(flags, READ); r < 2; r = Atomics.load(flags, READ)) Atomics.wait(flags, READ, r);
    if (n < capacity) {
      sqlite.exec("BEGIN DEFERRED");
      sqlite.prepare("update placements set status = 'accepted' where id = ?").run(placementId);
      sqlite.exec("COMMIT");
      result = { won: true, key: null };
    } else result = { won: false, key: "full" };
  }
} catch (e) {
  result = { won: false, key: `error: ${e.code ?? e.message}` };
}
sqlite.close();
parentPort.postMessage(result);
