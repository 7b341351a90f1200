/**
 * The process environment, read once and checked with zod at start.
 *
 * - PORT: HTTP port (default 3000).
 * - DATABASE_PATH: the SQLite file (default data/vlx.sqlite, relative to the working directory).
 * - SESSION_SECRET: signs the session cookie. Required when NODE_ENV=production; for local runs a
 *   random one is generated once and kept in data/session-secret so logins survive restarts.
 * - APP_URL: the public base URL used in mailed links (default http://localhost:PORT). An https
 *   URL makes cookies Secure.
 * - SMTP_URL: e.g. smtp://user:pass@host:587; unset means mail is written to the log and outbox.
 * - MAIL_FROM: sender address for mail.
 * - SEED_DEMO: "true"/"false"; defaults to true outside production (seeds the demo edition into an
 *   empty database).
 *
 * Throws an Error listing every bad variable at start, so a misconfigured server never serves.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const boolish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default(path.join("data", "vlx.sqlite")),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  APP_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("VLX <no-reply@vlx.localhost>"),
  SEED_DEMO: boolish.optional(),
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
};

let cached: Env | undefined;

/** Returns the checked environment; throws with every problem listed when it is invalid. */
export function getEnv(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  let secret = e.SESSION_SECRET;
  if (!secret) {
    if (production) throw new Error("Invalid environment:\n  SESSION_SECRET: required in production");
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
    seedDemo: e.SEED_DEMO ?? !production,
    logLevel: e.VLX_LOG_LEVEL,
  };
  return cached;
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
