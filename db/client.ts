/**
 * Opens the SQLite database with the pragmas the app relies on and applies the committed
 * migrations (drizzle's migrator, reading migrations/).
 *
 * Pragmas: WAL (readers never block the writer), busy_timeout 5000 ms (a second writer waits
 * instead of failing with SQLITE_BUSY), foreign_keys ON, synchronous NORMAL (safe with WAL).
 * Writers must start their transactions with BEGIN IMMEDIATE (`db.transaction(fn).immediate()`
 * on the raw handle, or `immediate()` below) so a check and its write cannot interleave.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { foldForSearch } from "../app/domain/names";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The migrations folder, resolved from the working directory (the repo root). */
export const MIGRATIONS_DIR = path.resolve(process.cwd(), "migrations");

/**
 * Opens (creating if needed) the database at `file` (":memory:" allowed) and migrates it.
 * Throws if the file cannot be opened or a migration fails.
 */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  hashLegacyFeedTokens(sqlite);
  foldUserSearchNames(sqlite);
  return db;
}

/** How many compiled statements a connection keeps (least recently used dropped first). */
export const STATEMENT_CACHE_SIZE = 400;

/**
 * Makes `sqlite.prepare(sql)` reuse the statement already compiled for the same SQL text on this
 * connection (issue 13, item 2: compiling every query on every request was 7% of a page's CPU).
 * drizzle prepares each query it runs through this method, so every query of the app benefits.
 *
 * A statement is handed out again only when it is not in the middle of an `.iterate()` (busy);
 * then a fresh one is compiled. Reused readers are put back in plain row mode (drizzle switches
 * its statements to `.raw()` for mapped selects), so each caller gets what a new statement would
 * give. Statements never `.bind()` their parameters in this code base (a bound statement could
 * not be shared).
 */
function cacheStatements(sqlite: Database.Database) {
  const compile = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      cache.delete(source); // most recently used last
      cache.set(source, hit);
      if (hit.reader) hit.raw(false);
      return hit;
    }
    const stmt = compile(source);
    if (!hit) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(source, stmt);
    }
    return stmt;
  }) as typeof sqlite.prepare;
}

/**
 * Calendar feed tokens made before migration feed_token_hash are stored in clear (column
 * `token`). SQLite has no SHA-256, so the migration keeps them and this step, run at every open
 * right after the migrations, replaces each by its SHA-256 (`token_hash`, hex, as
 * app/models/training/feeds.server.ts computes it) and empties `token`: calendars already
 * subscribed keep working, and no secret stays readable in the file (VACUUM once, then a WAL
 * checkpoint). A no-op once done.
 * Returns the number of tokens hashed.
 */
export function hashLegacyFeedTokens(sqlite: Database.Database): number {
  const rows = sqlite.prepare("SELECT id, token FROM calendar_feed_tokens WHERE token IS NOT NULL").all() as { id: number; token: string }[];
  if (rows.length === 0) return 0;
  const update = sqlite.prepare("UPDATE calendar_feed_tokens SET token_hash = ?, token = NULL WHERE id = ?");
  sqlite
    .transaction(() => {
      for (const r of rows) update.run(createHash("sha256").update(r.token).digest("hex"), r.id);
    })
    .immediate();
  // The rebuilt table's old pages (and the rows before the update) may still hold the secrets in
  // free pages and in the WAL: rewrite the file once and fold the WAL in.
  sqlite.exec("VACUUM");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  return rows.length;
}

/**
 * Fills `users.search_name` (the display name folded for search, as userNameColumns in
 * app/domain/names.ts writes it) where it is null: the rows written before migration
 * users_search_name added the column. A migration is SQL and cannot fold diacritics (SQLite has no
 * Unicode folding), so this step runs at every open right after the migrations; it is a no-op once
 * done, and reads and writes in one BEGIN IMMEDIATE transaction so two processes starting at once
 * cannot interleave with a name written meanwhile. Returns the number of rows filled.
 */
export function foldUserSearchNames(sqlite: Database.Database): number {
  return sqlite
    .transaction(() => {
      const rows = sqlite.prepare("SELECT id, display_name AS name FROM users WHERE search_name IS NULL").all() as { id: number; name: string }[];
      const update = sqlite.prepare("UPDATE users SET search_name = ? WHERE id = ?");
      for (const r of rows) update.run(foldForSearch(r.name), r.id);
      return rows.length;
    })
    .immediate();
}

/**
 * Runs `fn` inside BEGIN IMMEDIATE ... COMMIT (rolled back on throw). better-sqlite3 is
 * synchronous, so `fn` must not await. Use for every check-then-write (capacity, quotas).
 */
export function immediate<T>(db: Db, fn: (tx: Db) => T): T {
  return db.$client.transaction(() => fn(db)).immediate();
}
