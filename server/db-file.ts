/**
 * The database file's health, for start-up, /readyz and the write guard (issue 13).
 *
 * SQLite keeps writing through its open file descriptor when the file is deleted or replaced, so
 * without these checks a deleted data folder would swallow every sign-up silently. The identity
 * (device + inode) of the file is recorded once the database is opened; every check compares it
 * with what is on disk now. "Read-only" is read from the mode bits as well as access(2), because
 * root ignores permissions and would otherwise never see a read-only file.
 */
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../app/db.server";
import { MIGRATIONS_DIR } from "../db/client";

export type FileProblem = "missing" | "replaced" | "read-only" | "folder-read-only";

let identity: { file: string; dev: number; ino: number } | undefined;

/** Records the identity of `file` (call right after opening it). */
export function rememberDatabaseFile(file: string) {
  const st = fs.statSync(file);
  identity = { file: path.resolve(file), dev: st.dev, ino: st.ino };
}

function readOnly(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.W_OK);
  } catch {
    return true;
  }
  return (fs.statSync(p).mode & 0o222) === 0;
}

/**
 * Why `file` cannot take writes now, or null when it can: missing, replaced (another device or
 * inode than at start; skipped before rememberDatabaseFile), read-only, or its folder read-only
 * (SQLite needs to create the -wal and -shm files there).
 */
export function databaseFileProblem(file: string): FileProblem | null {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return "missing";
  }
  if (identity && identity.file === path.resolve(file) && (st.dev !== identity.dev || st.ino !== identity.ino)) return "replaced";
  if (readOnly(file)) return "read-only";
  if (readOnly(path.dirname(path.resolve(file)))) return "folder-read-only";
  return null;
}

/** The start-up check: null when the file is absent (it will be created in a writable folder) or usable. */
export function startupProblem(file: string): string | null {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(file)) {
    let d = dir;
    while (!fs.existsSync(d)) d = path.dirname(d);
    return readOnly(d) ? `cannot create the database: the folder ${d} is not writable` : null;
  }
  const p = databaseFileProblem(file);
  if (p === "read-only") return `the database file ${file} is read-only; make it writable by the server's user`;
  if (p === "folder-read-only") return `the folder ${dir} holding the database is read-only; SQLite needs to write its journal there`;
  return null;
}

/** Applied migration count against migrations/meta/_journal.json. */
export function migrationsCurrent(db: Db): { applied: number; expected: number } {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  const applied = (db.$client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n;
  return { applied, expected: journal.entries.length };
}

export type Readiness = { ok: boolean; checks: Record<string, string> };

/**
 * The /readyz answer: the database answers a query, its file is still the one opened at start
 * and writable, a write lock can be taken (BEGIN IMMEDIATE, rolled back), and every migration
 * is applied.
 */
export function readiness(db: Db, file: string): Readiness {
  const checks: Record<string, string> = {};
  try {
    db.$client.prepare("SELECT 1").get();
    checks.database = "ok";
  } catch (e) {
    checks.database = `error: ${(e as Error).message}`;
  }
  checks.file = databaseFileProblem(file) ?? "ok";
  if (checks.database === "ok" && checks.file === "ok") {
    try {
      db.$client.prepare("BEGIN IMMEDIATE").run();
      db.$client.prepare("ROLLBACK").run();
      checks.writable = "ok";
    } catch (e) {
      checks.writable = `error: ${(e as Error).message}`;
    }
    try {
      const m = migrationsCurrent(db);
      checks.migrations = m.applied === m.expected ? "ok" : `applied ${m.applied} of ${m.expected}`;
    } catch (e) {
      checks.migrations = `error: ${(e as Error).message}`;
    }
  }
  return { ok: Object.values(checks).every((v) => v === "ok"), checks };
}
