/**
 * Worker thread for the enrolment concurrency test: opens its OWN better-sqlite3 connection to the
 * test's database file, announces it is ready and waits at a shared barrier (tests/support/workers.ts)
 * so every worker starts at the same instant, then enrols one application in one training — with the
 * guard (BEGIN IMMEDIATE, the app's code) or a deliberately unguarded variant (read the count, wait
 * until another worker has read too, then write). The test compiles this file with esbuild first.
 */
import { parentPort, workerData } from "node:worker_threads";
import { and, eq, sql } from "drizzle-orm";
import { openDatabase } from "../../db/client";
import * as t from "../../db/schema";
import { enrolApplication } from "../../app/models/training/enrolment-seats.server";

const { file, trainingId, applicationId, guarded, barrier } = workerData as {
  file: string;
  trainingId: number;
  applicationId: number;
  guarded: boolean;
  barrier: SharedArrayBuffer;
};
const db = openDatabase(file);
// The app waits 5 s for the write lock; on a loaded 2-core machine every worker may queue for
// longer, and this test is about who gets the seat, not about the wait.
db.$client.pragma("busy_timeout = 120000");
const sync = new Int32Array(barrier); // [0] = workers ready, [1] = go, [2] = unguarded reads done
const [READY, GO, READ] = [0, 1, 2];

/** Unguarded: the count is read, then (after a pause) the write happens on what was read. */
function enrolUnguarded(): { status: string } {
  const capacity = db.select({ c: t.trainingSessions.capacity }).from(t.trainingSessions).where(eq(t.trainingSessions.id, trainingId)).get()!.c!;
  const taken = db
    .select({ n: sql<number>`count(*)` })
    .from(t.trainingEnrolments)
    .where(and(eq(t.trainingEnrolments.trainingSessionId, trainingId), eq(t.trainingEnrolments.status, "enrolled")))
    .get()!.n;
  // The window between check and write, made certain rather than timed: nobody writes before a
  // second worker has read too (a timed pause can be too short on a busy machine).
  Atomics.add(sync, READ, 1);
  Atomics.notify(sync, READ);
  for (let r = Atomics.load(sync, READ); r < 2; r = Atomics.load(sync, READ)) Atomics.wait(sync, READ, r);
  const status = taken < capacity ? "enrolled" : "waitlisted";
  db.$client.transaction(() => {
    db.insert(t.trainingEnrolments)
      .values({ trainingSessionId: trainingId, applicationId, status, position: status === "waitlisted" ? 1 : null })
      .run();
  })();
  return { status };
}

Atomics.add(sync, READY, 1);
Atomics.notify(sync, READY);
Atomics.wait(sync, GO, 0); // until the main thread says go
try {
  const r = guarded ? enrolApplication(db, trainingId, applicationId) : enrolUnguarded();
  parentPort!.postMessage({ ok: true, status: r?.status });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: String(e) });
} finally {
  db.$client.close();
}
