/**
 * Runs before every unit/integration test file (vitest setupFiles): points DATABASE_PATH at a fresh
 * temporary SQLite file so each file gets its own real database with the migrations applied on
 * first use (see app/db.server.ts). Pure-module tests never open it. After the file's tests the
 * handle is closed and the folder (the database with its -wal and -shm files) is removed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.sqlite");
process.env.SESSION_SECRET ??= "test-session-secret-test-session-secret";
process.env.VLX_LOG_LEVEL ??= "silent";
process.env.SEED_DEMO = "false";

afterAll(async () => {
  // Closing first checkpoints the WAL; the folder goes either way.
  if (fs.existsSync(process.env.DATABASE_PATH!)) (await import("~/db.server")).closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
