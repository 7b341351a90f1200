/**
 * The process-wide database handle, opened lazily from DATABASE_PATH (app/env.server.ts).
 * Tests point DATABASE_PATH at a temporary file before the first call (tests/support/setup-db.ts).
 *
 * The handle lives on globalThis: the compiled server (build/server.js) and the Remix build
 * (build/index.js) each bundle this module, and they must share one connection (one set of
 * prepared statements, one file identity check, one close at shutdown).
 */
import { openDatabase, type Db } from "../db/client";
import { getEnv } from "./env.server";

export { immediate, type Db } from "../db/client";
export * as t from "../db/schema";

const g = globalThis as typeof globalThis & { __vlxDb?: Db };

/** The shared handle; opens and migrates the database on first use. */
export function db(): Db {
  if (!g.__vlxDb) g.__vlxDb = openDatabase(process.env.DATABASE_PATH || getEnv().databasePath);
  return g.__vlxDb;
}

/** Closes the handle (graceful shutdown, tests). */
export function closeDb() {
  g.__vlxDb?.$client.close();
  g.__vlxDb = undefined;
}
