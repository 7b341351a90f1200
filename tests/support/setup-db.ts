/**
 * Runs before every unit/integration test file (vitest setupFiles): points DATABASE_PATH at a fresh
 * temporary SQLite file so each file gets its own real database with the migrations applied on
 * first use (see app/db.server.ts). Pure-module tests never open it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.sqlite");
process.env.SESSION_SECRET ??= "test-session-secret-test-session-secret";
process.env.VLX_LOG_LEVEL ??= "silent";
process.env.SEED_DEMO = "false";
