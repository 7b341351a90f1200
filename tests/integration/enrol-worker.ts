/**
 * Worker thread for the enrolment concurrency test: opens its OWN better-sqlite3 connection to the
 * test's database file, waits at a shared barrier so every worker starts at the same instant, then
 * enrols one application in one training — with the guard (BEGIN IMMEDIATE, the app's code) or a
 * deliberately unguarded variant (read the count, pause, then write).
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
const sync = new Int32Array(barrier); // [0] = workers ready, [1] = go
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Unguarded: the count is read, then (after a pause) the write happens on what was read. */
function enrolUnguarded(): { status: string } {
  const capacity = db.select({ c: t.trainingSessions.capacity }).from(t.trainingSessions).where(eq(t.trainingSessions.id, trainingId)).get()!.c!;
  const taken = db
    .select({ n: sql<number>`count(*)` })
    .from(t.trainingEnrolments)
    .where(and(eq(t.trainingEnrolments.trainingSessionId, trainingId), eq(t.trainingEnrolments.status, "enrolled")))
    .get()!.n;
  sleep(30);
  const status = taken < capacity ? "enrolled" : "waitlisted";
  db.$client.transaction(() => {
    db.insert(t.trainingEnrolments).values({ trainingSessionId: trainingId, applicationId, status, position: status === "waitlisted" ? 1 : null }).run();
  })();
  return { status };
}

Atomics.add(sync, 0, 1);
Atomics.wait(sync, 1, 0); // until the main thread says go
try {
  const r = guarded ? enrolApplication(db, trainingId, applicationId) : enrolUnguarded();
  parentPort!.postMessage({ ok: true, status: r?.status });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: String(e) });
} finally {
  db.$client.close();
}
