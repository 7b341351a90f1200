/**
 * End-to-end helpers: starts the built server (build/ must exist: npm test builds first) on a free
 * port with its own temporary database seeded with the demo edition, drives Debian's Chromium with
 * playwright-core, and runs axe on pages.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed";

export type TestServer = { url: string; port: number; pid: number; dbPath: string; stop: () => Promise<void>; output: () => string };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/**
 * Starts the compiled production server (`node build/server.js`, NODE_ENV=production: what
 * `npm start` runs; `npm run build` makes it) with a fresh database; resolves once it serves.
 */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-e2e-"));
  const dbPath = path.join(dir, "e2e.sqlite");
  let out = "";
  // Its own process group, so stop() ends it and anything it started.
  const child: ChildProcess = spawn(process.execPath, ["build/server.js"], {
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      DATABASE_PATH: dbPath,
      SEED_DEMO: "true",
      VLX_LOG_LEVEL: "warn",
      ...env,
    } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  // Ready when the server says so (its log line), failed when it exits first: a signal, not a
  // clock; the hook's own time limit stops a server that never starts.
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (out.includes("VLX is serving")) done(resolve);
    };
    const exited = () => done(() => reject(new Error(`server exited:\n${out}`)));
    const done = (fn: () => void) => {
      child.stdout!.off("data", check);
      child.stderr!.off("data", check);
      child.off("exit", exited);
      fn();
    };
    child.stdout!.on("data", check);
    child.stderr!.on("data", check);
    child.once("exit", exited);
    check();
  });
  return {
    url,
    port,
    pid: child.pid!,
    dbPath: env.DATABASE_PATH ?? dbPath,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on("exit", () => resolve());
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {
          child.kill("SIGTERM");
        }
      }),
  };
}

/**
 * The text of the newest mail to `to` as stored in the server's database (the recipient's copy,
 * with its live links: the outbox page masks them). Opened read-only beside the running server
 * (WAL lets both read).
 */
export function lastMailText(server: TestServer, to: string): string | undefined {
  const sqlite = new Database(server.dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = sqlite.prepare("SELECT text FROM outbox WHERE to_address = ? ORDER BY id DESC LIMIT 1").get(to) as { text: string } | undefined;
    return row?.text;
  } finally {
    sqlite.close();
  }
}

/**
 * Runs `fn(db)` on the running server's database (a read-write connection of its own, closed again
 * afterwards) and returns what `fn` returns: for tests that look up or change demo records and then
 * open the pages that show them. WAL lets the server and the test both write; the busy timeout
 * waits for the server's lock instead of failing on it.
 */
export function writeDb<T>(server: TestServer, fn: (db: Database.Database) => T): T {
  const db = new Database(server.dbPath, { fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Contexts made with JavaScript off: axe cannot run inside them (see expectAccessible). */
const noScriptContexts = new WeakSet<BrowserContext>();

/** A phone-sized context (360 px wide), with or without JavaScript. */
export async function newContext(browser: Browser, opts: { javaScript?: boolean; width?: number } = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: { width: opts.width ?? 360, height: 780 },
    javaScriptEnabled: opts.javaScript ?? true,
    locale: "en-US",
  });
  // Fail a stuck step with its own message instead of the whole test's timeout; wide, because a
  // loaded 2-core machine can take many seconds for a page that takes 100 ms when idle.
  ctx.setDefaultTimeout(90_000);
  ctx.setDefaultNavigationTimeout(120_000);
  if (opts.javaScript === false) noScriptContexts.add(ctx);
  return ctx;
}

/** Runs axe on the page and fails on any serious or critical violation (listing them). */
export async function expectAccessible(page: Page, label = page.url()) {
  let target = page;
  let scratch: BrowserContext | undefined;
  if (noScriptContexts.has(page.context())) {
    // axe is a script, and a page with JavaScript off never runs it: scan the very same DOM (the
    // server's answer, e.g. a form re-shown with errors) in a scripting context, scripts removed.
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
    scratch = await page
      .context()
      .browser()!
      .newContext({ viewport: page.viewportSize() ?? undefined });
    target = await scratch.newPage();
    const url = page.url();
    await target.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await target.goto(url);
  }
  const result = await new AxeBuilder({ page: target }).analyze();
  await scratch?.close();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(summary, `axe on ${label}`).toEqual([]);
}

/**
 * Logs in through the (English) form, then saves `lng` (default "en") as the account's language
 * through the switcher's POST /language: demo village leaders keep their country's language
 * (issue 11), and tests that read English labels say so here. Pass `lng: null` to keep the
 * account's own language.
 */
export async function logInAs(page: Page, baseUrl: string, email: string, password: string, opts: { lng?: string | null } = {}) {
  await page.goto(`${baseUrl}/login?lng=en`);
  await page.getByLabel("E-mail address").fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  const lng = opts.lng === undefined ? "en" : opts.lng;
  if (lng) {
    const res = await page.request.post(`${baseUrl}/language`, { form: { lng, redirectTo: "/" }, headers: { Origin: baseUrl }, maxRedirects: 0 });
    expect(res.status(), `saving language ${lng}`).toBe(302);
  }
}

/** The demo server and browser of a test file, from withDemoServer. */
export type DemoServer = {
  /** The running server (its database path, its output). */
  readonly server: TestServer;
  /** The server's base URL, "http://127.0.0.1:<port>". */
  readonly url: string;
  /** The Chromium shared by the file's tests (each test opens its own context). */
  readonly browser: Browser;
  /** logInAs on this server with a demo account's address and the demo password (DEMO_PASSWORD). */
  logIn(page: Page, email: string, opts?: { lng?: string | null }): Promise<void>;
};

/**
 * The setup most end-to-end files share: registers a beforeAll that starts the built server on the
 * demo data (startServer with `env`) and launches Chromium, and an afterAll that closes both.
 * Call it at the top of the file (a later beforeAll may then read `demo.server.dbPath` for
 * fixtures); the getters throw when read before the hook ran (at import time), instead of handing
 * out undefined.
 */
export function withDemoServer(env: Record<string, string> = {}): DemoServer {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet: read it inside a test or a hook registered after withDemoServer()`);
    return value;
  };
  return {
    get server() {
      return started(server, "The demo server");
    },
    get url() {
      return started(server, "The demo server").url;
    },
    get browser() {
      return started(browser, "The browser");
    },
    logIn: (page, email, opts) => logInAs(page, started(server, "The demo server").url, email, DEMO_PASSWORD, opts),
  };
}

/** Saves a screenshot under test-results/ for a person to look at. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync("test-results", { recursive: true });
  await page.screenshot({ path: path.join("test-results", `${name}.png`), fullPage: true });
}

/**
 * How many CSS pixels the page sticks out sideways beyond the viewport the context was made with
 * (0 or less when nothing does): window.innerWidth, scrollbar included, so a test checks against
 * the width it asked for (expectPageFits measures against clientWidth instead).
 */
export const horizontalOverflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * The checks every page of a flow gets: axe (no serious or critical violation), no sideways
 * scrolling of the whole page at its viewport width, and a screenshot named `name` for a person
 * to look at.
 */
export async function expectPageFits(page: Page, name: string) {
  await expectAccessible(page, name);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${name}`).toBeLessThanOrEqual(0);
  await screenshot(page, name);
}

/**
 * Resolves once React has finished hydrating the document (or re-rendering it after a mismatch):
 * the root's state is no longer dehydrated and no render is pending. React 18's own fields, read
 * from the test so the page carries no extra script for it.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const key = Object.keys(document).find((k) => k.startsWith("__reactContainer$"));
    if (!key) return false;
    const root = (document as unknown as Record<string, { stateNode?: { current?: { memoizedState?: { isDehydrated?: boolean } }; callbackNode?: unknown } }>)[
      key
    ].stateNode;
    return root?.current?.memoizedState?.isDehydrated === false && root.callbackNode === null;
  });
}
