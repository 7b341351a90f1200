/**
 * The HTTP server: Express serving the Remix build with helmet (a CSP with a per-request nonce),
 * compression, a request log without personal data (method, path without query, status, ms),
 * and graceful shutdown on SIGTERM/SIGINT. At start it checks the environment, opens and migrates
 * the database, seeds the demo edition into an empty database, and prints the demo logins.
 *
 * Run with `tsx server.ts` after `remix build` (scripts/start.mjs does both).
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

const env = getEnv();
db(); // open + migrate now so a broken database fails at start, not on the first request
const demo = env.seedDemo ? await seedDemoIfEmpty(db()) : null;
startOfferExpiry(); // placement offers past their reply-by date expire: once now, then every 15 minutes
startReminderJob(); // survey reminders: once now, then every few minutes (sends each reminder once)

const buildPath = path.resolve("build/index.js");
const build = (await import(buildPath)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", "loopback");

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
    // The path only: query strings can hold tokens and search terms (names).
    const p = req.path.replace(/\/(claim|reset|invite|i|feed|s)\/[^/]+/g, "/$1/:token");
    log.info({ method: req.method, path: p, status: res.statusCode, ms: Math.round(ms) }, "request");
  });
  next();
});

// Forms are small; the largest body is a 1 MB CSV import. Refuse anything far larger before Remix
// reads it into memory (browsers always send Content-Length with a form).
const MAX_BODY_BYTES = 2 * 1024 * 1024;
app.use((req, res, next) => {
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > MAX_BODY_BYTES) {
    res.status(413).type("text/plain").send("Request too large");
    return;
  }
  next();
});

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
// Browsers ask for /favicon.ico whatever the page links; answer with the SVG icon.
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.production ? "production" : "development",
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
  }),
);

const server = app.listen(env.port, () => {
  const lines = [`VLX is serving on ${env.appUrl} (port ${env.port}), database ${env.databasePath}`];
  if (demo) {
    lines.push("", "Demo accounts: role, saved language, e-mail (password for all: " + demo.password + "):");
    for (const a of demo.accounts) lines.push(`  ${a.role.padEnd(28)} ${a.language.padEnd(4)} ${a.email}`);
    lines.push("");
  }
  console.log(lines.join("\n"));
});

let closing = false;
function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info({ signal }, "shutting down");
  server.close(() => {
    closeDb();
    process.exit(0);
  });
  server.closeIdleConnections?.();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
