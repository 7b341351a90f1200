// A worker thread of tests/integration/placement-concurrency.test.ts: opens its own better-sqlite3
// connection to the test's database file, waits at a barrier (Atomics.wait on a SharedArrayBuffer)
// until the test releases every worker at once, then accepts one offer, either with the real
// model function (acceptOfferWith: BEGIN IMMEDIATE) or with an unguarded twin (read the count,
// sleep a few ms, write in a deferred transaction), and reports whether it won the seat.
// `bundle` is the app's own db/client.ts and app/models/placement/offers.server.ts, compiled once
// by the test with esbuild (packages left external), so 50 workers start in seconds.
import { parentPort, workerData } from "node:worker_threads";

const { dbPath, placementId, userId, visitId, capacity, variant, barrier, bundle } = workerData;
const { openDatabase, acceptOfferWith } = await import(bundle);

const handle = openDatabase(dbPath);
const sqlite = handle.$client;
const flags = new Int32Array(barrier);
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

Atomics.add(flags, 0, 1); // ready
Atomics.wait(flags, 1, 0); // until released

let result;
try {
  if (variant === "guarded") {
    const r = acceptOfferWith(handle, userId, placementId, new Date("2031-06-01T00:00:00Z"));
    result = { won: r.ok, key: r.ok ? null : r.key };
  } else {
    // The bug the guard prevents: check, then act, with the check outside the writing transaction.
    const { n } = sqlite.prepare("select count(*) as n from placements where visit_id = ? and status = 'accepted'").get(visitId);
    sleep(5);
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
