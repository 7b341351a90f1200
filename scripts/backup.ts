/**
 * `npm run backup [-- DIR]`: an online backup of DATABASE_PATH (default data/vlx.sqlite) into DIR,
 * or BACKUP_DIR, or data/backups, as a dated file verified with integrity_check (server/backup.ts).
 * Safe while the server runs. Keeps the newest BACKUP_KEEP copies (default 14). Exit 1 on failure.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { getEnv } from "../app/env.server";
import { backupDatabase } from "../server/backup";

const env = getEnv();
const dir = process.argv[2] || env.backupDir;
if (!fs.existsSync(env.databasePath)) {
  console.error(`backup: there is no database at ${env.databasePath}`);
  process.exit(1);
}
const source = new Database(env.databasePath, { fileMustExist: true });
source.pragma("busy_timeout = 5000");
try {
  const file = await backupDatabase(source, dir, env.backupKeep);
  console.log(`backup: ${file} (verified with integrity_check)`);
} catch (e) {
  console.error(`backup: failed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  source.close();
}
