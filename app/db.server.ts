/**
 * The process-wide database handle, opened lazily from DATABASE_PATH (app/env.server.ts).
 * Tests point DATABASE_PATH at a temporary file before the first call (tests/support/setup-db.ts).
 */
import { openDatabase, type Db } from "../db/client";
import { getEnv } from "./env.server";

export { immediate, type Db } from "../db/client";
export * as t from "../db/schema";

let handle: Db | undefined;

/** The shared handle; opens and migrates the database on first use. */
export function db(): Db {
  if (!handle) handle = openDatabase(process.env.DATABASE_PATH || getEnv().databasePath);
  return handle;
}

/** Closes the handle (graceful shutdown, tests). */
export function closeDb() {
  handle?.$client.close();
  handle = undefined;
}
