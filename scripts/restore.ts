/**
 * `npm run restore -- FILE`: replaces DATABASE_PATH (default data/vlx.sqlite) with the backup FILE,
 * in a stopped deployment. Refuses when the backup fails integrity_check or when the server is
 * running (another process holds the database: a write lock cannot be taken, or the port answers
 * /healthz). The current database is kept beside it as `<name>.before-restore-<time>`. The next
 * `npm start` applies any newer migrations to the restored data.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { getEnv } from "../app/env.server";
import { verifyDatabaseFile } from "../server/backup";

const env = getEnv();
const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error("restore: usage: npm run restore -- FILE (an existing backup file)");
  process.exit(1);
}
try {
  verifyDatabaseFile(file);
} catch (e) {
  console.error(`restore: refused: ${(e as Error).message}`);
  process.exit(1);
}

async function serverAnswers(): Promise<boolean> {
  try {
    const r = await fetch(`http://127.0.0.1:${env.port}/healthz`, { signal: AbortSignal.timeout(1000) });
    return r.ok;
  } catch {
    return false;
  }
}

/** True when another process has the database open for writing (the server holds it in WAL mode). */
function databaseInUse(p: string): boolean {
  if (!fs.existsSync(p)) return false;
  const probe = new Database(p, { fileMustExist: true, timeout: 0 });
  try {
    // A running server keeps the -shm file mapped; an exclusive lock fails while it is open.
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.prepare("BEGIN EXCLUSIVE").run();
    probe.prepare("ROLLBACK").run();
    return false;
  } catch {
    return true;
  } finally {
    probe.close();
  }
}

const target = path.resolve(env.databasePath);
if ((await serverAnswers()) || databaseInUse(target)) {
  console.error(`restore: refused: the server is running (port ${env.port} answers or ${target} is in use); stop it first`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
if (fs.existsSync(target)) {
  const kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  // Fold the WAL into the file first so the kept copy is complete on its own.
  const old = new Database(target, { fileMustExist: true });
  old.pragma("wal_checkpoint(TRUNCATE)");
  old.close();
  fs.renameSync(target, kept);
  console.log(`restore: the previous database is kept as ${kept}`);
}
for (const ext of ["-wal", "-shm"]) fs.rmSync(target + ext, { force: true });
fs.copyFileSync(file, `${target}.restoring`);
fs.renameSync(`${target}.restoring`, target);
verifyDatabaseFile(target);
console.log(`restore: ${file} -> ${target}; start the server (npm start) to serve it`);
