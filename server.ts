/**
 * The HTTP server: Express serving the Remix build with helmet (a CSP with a per-request nonce),
 * compression, a request log without personal data (method, path without query and with secret
 * tokens masked, status, ms), the guards of issue 13 (same-origin check on every state-changing
 * request, a streaming 2 MB body limit, writes refused with 503 while the database file is gone
 * or read-only), /healthz and /readyz, scheduled backups, and graceful shutdown on SIGTERM/SIGINT
 * (stop accepting, finish in-flight requests, close the database; forced exit after 10 s).
 *
 * At start it checks the environment and the database file (one clear line and exit 1 when it
 * cannot be used), opens and migrates the database, seeds the demo edition into an empty database
 * (local runs), and prints the demo logins.
 *
 * Production: `npm start` runs the compiled build/server.js (scripts/build.mjs) with
 * NODE_ENV=production. Development: `npm run dev` runs this file through tsx.
 */
import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { getEnv } from "./app/env.server";
import { closeDb, db } from "./app/db.server";
import { log } from "./app/log.server";
import { seedDemoIfEmpty } from "./db/seed";
import { startOfferExpiry } from "./app/models/placement/offers.server";
import { startReminderJob } from "./app/models/evaluation/reminders.server";
import { startDocumentRetention } from "./app/models/documents/retention.server";
import { MAX_DOCUMENT_BYTES, VISIT_FORM_MAX_BYTES } from "./app/domain/document-kinds";
import { startMailWorker, stopMailWorker } from "./app/mail.server";
import { databaseFileProblem, readiness, rememberDatabaseFile, startupProblem } from "./server/db-file";
import { bodyLimit, lastResort, sameOriginOnly } from "./server/guards";
import { redactPath } from "./server/redact";
import { startBackupSchedule } from "./server/backup";
import { runWithRequestMemo } from "./app/utils/request-memo.server";

const env = getEnv();
const dbFile = path.resolve(env.databasePath);
const problem = startupProblem(dbFile);
if (problem) {
  console.error(`VLX cannot start: ${problem}.`);
  process.exit(1);
}
try {
  db(); // open + migrate now so a broken database fails at start, not on the first request
  rememberDatabaseFile(dbFile);
  if (process.env.CHECK_DB_INTEGRITY === "true") {
    const result = db().$client.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`integrity_check: ${String(result)}`);
  }
} catch (e) {
  console.error(`VLX cannot start: the database ${dbFile} cannot be used (${(e as Error).message}).`);
  process.exit(1);
}
const demo = env.seedDemo ? await seedDemoIfEmpty(db()) : null;
startOfferExpiry(); // placement offers past their reply-by date expire: once now, then every 15 minutes
startReminderJob(); // survey reminders: once now, then every few minutes (sends each reminder once)
startDocumentRetention(); // participants' documents past retention: once now, then daily
const stopBackups = startBackupSchedule(env, db); // BACKUP_INTERVAL_HOURS > 0: every N hours
startMailWorker(); // queued mail (announcements, resent failures) goes out via SMTP: now, then every minute

const buildPath = path.resolve("build/index.js");
const build = (await import(buildPath)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", "loopback");

// Liveness and readiness come first: no session, no helmet, no log line per probe.
app.get("/healthz", (_req, res) => {
  res.type("text/plain").send("ok");
});
app.get("/readyz", (_req, res) => {
  const r = readiness(db(), dbFile);
  res.status(r.ok ? 200 : 503).json(r);
});

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
});
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
        upgradeInsecureRequests: env.secureCookies ? [] : null,
        formAction: ["'self'"],
      },
    },
    // helmet's default no-referrer makes Chromium send Origin: null on no-JS form posts.
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: env.secureCookies,
  }),
);
app.use(compression());

app.use((req, res, next) => {
  const start = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    // The path only (query strings can hold tokens and search terms), secret tokens masked.
    log.info({ method: req.method, path: redactPath(req.path), status: res.statusCode, ms: Math.round(ms) }, "request");
  });
  next();
});

app.use(sameOriginOnly(env.appUrl));

// While the database file is missing, replaced or read-only, nothing may be written: SQLite would
// write into a deleted file (lost at restart) or fail with a 500. Answer 503 and let /readyz say why.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const p = databaseFileProblem(dbFile);
  if (!p) return next();
  log.error({ problem: p }, "database file unusable; refusing writes");
  res.status(503).set("Retry-After", "60").type("text/plain").send("Service unavailable: the database cannot take writes");
});

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
// Files in public/ all have an extension (favicon.svg, robots.txt); pages never do except the
// .ics/.csv/.json routes. Asking the disk only for names with one spares every page a stat call.
// The service worker (public/sw.js, served from the root so its scope is every page) is checked
// for updates on every visit: never cached by HTTP (issue 14).
const publicFiles = express.static("public", {
  maxAge: "1h",
  setHeaders: (res, file) => {
    if (file.endsWith(`${path.sep}sw.js`)) res.setHeader("Cache-Control", "no-cache");
  },
});
app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
// Browsers ask for /favicon.ico whatever the page links; answer with the SVG icon.
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));

// Forms are small; the largest body is a 1 MB CSV import. Placed right before Remix, which reads
// the body as a stream: the limit counts it as it arrives. The document upload (issue 15 item 2)
// takes files up to MAX_DOCUMENT_BYTES; its route refuses a larger file with a translated message
// while reading it (stopping at the kind's limit), so its body limit sits well above that; a body
// past even this one is sent back to the page, which says the file was too large.
// The monitoring visit form (issue 16 item 3, new and edit) carries up to VISIT_PHOTO_SLOTS photos
// the same way (its route drops a file past the photo limit and says so next to the field).
const VISIT_FORM_PATH = /^\/pilots\/projects\/\d+\/visits\/(new|\d+\/edit)$/;
app.use(
  bodyLimit(2 * 1024 * 1024, [
    { path: "/me/documents", maxBytes: 3 * MAX_DOCUMENT_BYTES, tooLargeRedirect: "/me/documents?tooLarge=1" },
    { path: VISIT_FORM_PATH, maxBytes: 2 * VISIT_FORM_MAX_BYTES, tooLargeRedirect: (p) => `${p}?tooLarge=1` },
  ]),
);
const remix = createRequestHandler({
  build,
  mode: env.production ? "production" : "development",
  getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
});
// A GET's loaders and renderer share one lookup of the session, actor and language
// (app/utils/request-memo.server.ts). Requests that can write get none: their page must show
// what the action changed.
app.all("*", (req, res, next) => (req.method === "GET" || req.method === "HEAD" ? runWithRequestMemo(() => remix(req, res, next)) : remix(req, res, next)));

app.use(lastResort((err, req) => log.error({ err, method: req.method, path: redactPath(req.path) }, "unhandled error")));

const server = app.listen(env.port, () => {
  const lines = [`VLX is serving on ${env.appUrl} (port ${env.port}), database ${env.databasePath}`];
  if (demo) {
    lines.push("", "Demo accounts: role, saved language, e-mail (password for all: " + demo.password + "):");
    for (const a of demo.accounts) lines.push(`  ${a.role.padEnd(28)} ${a.language.padEnd(4)} ${a.email}`);
    lines.push("");
  }
  console.log(lines.join("\n"));
});
// An idle kept-alive connection stays open 65 s, not Node's 5 s: a client or reverse proxy that
// reuses a connection just as the server closes it gets a reset (ECONNRESET, or a proxy's 502).
// Proxies keep upstream connections about 60 s (nginx keepalive_timeout), so the server must wait
// longer than they do; headersTimeout must exceed it. server.close() still ends idle connections
// at once on shutdown (Node 19+).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

let closing = false;
function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info({ signal }, "shutting down");
  stopBackups();
  stopMailWorker();
  // Stop accepting; idle keep-alive sockets close now, busy ones after their answer.
  server.close(() => {
    closeDb();
    log.info("stopped");
    process.exit(0);
  });
  server.closeIdleConnections();
  const closeIdle = setInterval(() => server.closeIdleConnections(), 200);
  closeIdle.unref();
  setTimeout(() => {
    log.warn("requests still running after 10 s; exiting");
    server.closeAllConnections();
    closeDb();
    process.exit(1);
  }, 9_500).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
