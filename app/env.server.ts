/**
 * The process environment, read once and checked with zod at start.
 *
 * - PORT: HTTP port (default 3000).
 * - DATABASE_PATH: the SQLite file (default data/vlx.sqlite, relative to the working directory).
 * - SESSION_SECRET: signs the session cookie. Required when NODE_ENV=production and APP_URL names a
 *   public host; for local runs (APP_URL unset or localhost) a random one is generated once and kept
 *   in data/session-secret so logins survive restarts.
 * - APP_URL: the public base URL used in mailed links (default http://localhost:PORT). An https
 *   URL makes cookies Secure.
 * - SMTP_URL: e.g. smtp://user:pass@host:587; unset means mail is written to the log and outbox.
 * - MAIL_FROM: sender address for mail.
 * - SEED_DEMO: "true"/"false"; defaults to true for local runs (not production, or APP_URL unset or
 *   localhost: `npm install && npm start` on a laptop); seeds the demo edition into an empty database.
 * - BACKUP_DIR, BACKUP_INTERVAL_HOURS (0 = off, the default), BACKUP_KEEP (default 14): scheduled
 *   online backups (app/backup.server.ts); BACKUP_DIR defaults to data/backups.
 *
 * Throws an Error listing every bad variable at start, so a misconfigured server never serves.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as z from "zod";

const boolish = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default(path.join("data", "vlx.sqlite")),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  APP_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("VLX <no-reply@vlx.localhost>"),
  SEED_DEMO: boolish.optional(),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_INTERVAL_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 31)
    .default(0),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(14),
  VLX_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info"),
});

export type Env = {
  production: boolean;
  port: number;
  databasePath: string;
  sessionSecret: string;
  appUrl: string;
  secureCookies: boolean;
  smtpUrl?: string;
  mailFrom: string;
  seedDemo: boolean;
  logLevel: string;
  /** A run on this machine only (APP_URL unset or localhost): demo seed and a generated secret allowed. */
  local: boolean;
  backupDir: string;
  backupIntervalHours: number;
  backupKeep: number;
};

let cached: Env | undefined;

/** Returns the checked environment; throws with every problem listed when it is invalid. */
export function getEnv(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const local = !e.APP_URL || isLocalUrl(e.APP_URL);
  let secret = e.SESSION_SECRET;
  if (!secret) {
    if (production && !local) throw new Error("Invalid environment:\n  SESSION_SECRET: required in production");
    secret = localSecret(path.dirname(e.DATABASE_PATH));
  }
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  cached = {
    production,
    port: e.PORT,
    databasePath: e.DATABASE_PATH,
    sessionSecret: secret,
    appUrl,
    secureCookies: appUrl.startsWith("https:"),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    seedDemo: e.SEED_DEMO ?? (!production || local),
    logLevel: e.VLX_LOG_LEVEL,
    local,
    backupDir: e.BACKUP_DIR ?? path.join(path.dirname(e.DATABASE_PATH), "backups"),
    backupIntervalHours: e.BACKUP_INTERVAL_HOURS,
    backupKeep: e.BACKUP_KEEP,
  };
  return cached;
}

function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/** Generated once per data directory so local sessions survive a restart. */
function localSecret(dir: string): string {
  const file = path.join(dir, "session-secret");
  try {
    const s = fs.readFileSync(file, "utf8").trim();
    if (s.length >= 32) return s;
  } catch {
    // first run: fall through and create it
  }
  fs.mkdirSync(dir, { recursive: true });
  const s = crypto.randomBytes(32).toString("hex");
  fs.writeFileSync(file, s, { mode: 0o600 });
  return s;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
