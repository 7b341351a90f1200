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

/**
 * A query built and compiled once per connection (issue 13, item 2): drizzle builds the SQL and
 * better-sqlite3 prepares the statement on the first call for the current handle; later calls
 * reuse both. Use for queries that run on most requests, with `sql.placeholder("name")` for
 * their inputs:
 *
 *   const userById = preparedQuery((d) => d.select().from(t.users).where(eq(t.users.id, sql.placeholder("id"))).prepare());
 *   userById().get({ id });
 *
 * Pass a model function's `tx` handle when it has one. Keyed by the handle, so a closed and reopened database (tests, restore) gets fresh statements.
 */
export function preparedQuery<T>(make: (d: Db) => T): (handle?: Db) => T {
  const perHandle = new WeakMap<Db, T>();
  return (handle) => {
    const d = handle ?? db();
    let q = perHandle.get(d);
    if (q === undefined) {
      q = make(d);
      perHandle.set(d, q);
    }
    return q;
  };
}

/** Closes the handle (graceful shutdown, tests). */
export function closeDb() {
  g.__vlxDb?.$client.close();
  g.__vlxDb = undefined;
}
