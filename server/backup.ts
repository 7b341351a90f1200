/**
 * Online backups of the SQLite database (issue 13, data safety), used by `npm run backup`
 * (scripts/backup.ts), `npm run restore` (scripts/restore.ts) and the server's schedule.
 *
 * A backup uses SQLite's online backup API (better-sqlite3 `db.backup()`): it copies a consistent
 * snapshot while the server keeps serving. Each copy is written as `vlx-YYYYMMDD-HHMMSS.sqlite`
 * into the backup folder, then opened read-only and checked with `PRAGMA integrity_check`; a copy
 * that fails the check is deleted and the call throws. Old copies beyond `keep` are removed,
 * oldest first.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Db } from "../app/db.server";
import type { Env } from "../app/env.server";
import { log } from "../app/log.server";

const NAME_RE = /^vlx-\d{8}-\d{6}(-\d+)?\.sqlite$/;

/** `PRAGMA integrity_check` on `file` opened read-only; throws unless it answers "ok". */
export function verifyDatabaseFile(file: string) {
  const check = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`integrity_check failed for ${file}: ${String(result)}`);
    const users = check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'users'").get() as { n: number };
    if (users.n !== 1) throw new Error(`${file} is not a VLX database (no users table)`);
  } finally {
    check.close();
  }
}

function stamp(d: Date) {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/**
 * Backs `source` (an open better-sqlite3 handle) up into `dir`, verifies the copy and prunes to
 * `keep` copies. Returns the new file's path. Throws (and leaves no bad copy) on any failure.
 */
export async function backupDatabase(source: Database.Database, dir: string, keep: number, now = new Date()): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  let file = path.join(dir, `vlx-${stamp(now)}.sqlite`);
  for (let i = 1; fs.existsSync(file); i++) file = path.join(dir, `vlx-${stamp(now)}-${i}.sqlite`);
  const partial = `${file}.partial`;
  try {
    await source.backup(partial);
    verifyDatabaseFile(partial);
    fs.renameSync(partial, file);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  pruneBackups(dir, keep);
  return file;
}

/** The backup files in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => NAME_RE.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

function pruneBackups(dir: string, keep: number) {
  const all = listBackups(dir);
  for (const f of all.slice(0, Math.max(0, all.length - keep))) fs.rmSync(f, { force: true });
}

/** Starts the schedule when BACKUP_INTERVAL_HOURS > 0; returns a stop function. */
export function startBackupSchedule(env: Env, db: () => Db): () => void {
  if (!env.backupIntervalHours) return () => {};
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const file = await backupDatabase(db().$client, env.backupDir, env.backupKeep);
      log.info({ file }, "backup written and verified");
    } catch (e) {
      log.error({ error: (e as Error).message }, "scheduled backup failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), env.backupIntervalHours * 3_600_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
