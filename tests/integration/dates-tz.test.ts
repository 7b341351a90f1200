// A birth date stays the same calendar day on every page whatever the server's time zone
// (docs/design.md: date-only values are YYYY-MM-DD text, never a JS Date at UTC midnight).
//
// The parent test runs this same file again in three child processes of vitest with TZ=UTC,
// TZ=Asia/Yangon (UTC+06:30) and TZ=America/Los_Angeles (UTC-08:00). Each child (VLX_TZ_CHILD=1)
// saves a draft through the real action, reads it back through the loaders, and server-renders
// the form page and the status page (the route components inside a static data router); it
// writes what it saw to a JSON file, and the parent compares the three. The children run no more
// at once than the machine has cores, each with generous time limits of its own (a child vitest
// would otherwise inherit the config's per-test limit, which a loaded machine can miss).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";

const CHILD = process.env.VLX_TZ_CHILD === "1";
const ZONES = ["UTC", "Asia/Yangon", "America/Los_Angeles"];
const BIRTH = "1968-01-01";

type Seen = {
  zone: string;
  offsetMinutes: number;
  stored: string | null;
  formDefault: string;
  formInputValue: string | null;
  statusValue: string | null;
  statusText: string | null;
  statusTextVi: string | null;
};

async function childRun(): Promise<Seen> {
  await import("~/forms/zod-errors");
  const React = await import("react");
  const { renderToString } = await import("react-dom/server");
  const { createStaticHandler, createStaticRouter, StaticRouterProvider } = await import("react-router-dom/server");
  const { createInstance } = await import("i18next");
  const { I18nextProvider, initReactI18next } = await import("react-i18next");
  const { db, t } = await import("~/db.server");
  const { addDays, todayIn } = await import("~/domain/dates");
  const { getResources } = await import("~/i18n.server");
  const applyRoute = await import("~/routes/apply.$editionId");
  const statusRoute = await import("~/routes/me.applications.$id");
  const { call, cookieFor, createUser } = await import("../support/factories");
  const i18n = (await import("~/i18n")).default;

  const today = todayIn("Asia/Yangon");
  const editionId = db()
    .insert(t.editions)
    .values({
      name: "TZ edition",
      ordinal: 1,
      mode: "online",
      hostCountries: ["MM"],
      startsOn: addDays(today, 30),
      endsOn: addDays(today, 35),
      applicationsOpenOn: addDays(today, -5),
      applicationsCloseOn: addDays(today, 5),
      timeZone: "Asia/Yangon",
      themes: ["cooperatives"],
    })
    .returning({ id: t.editions.id })
    .get().id;
  const user = await createUser({ name: "ဒေါ်အေး" });
  const cookie = await cookieFor(user.id);
  const saved = await call(applyRoute.action, `/apply/${editionId}`, {
    params: { editionId: String(editionId) },
    cookie,
    form: { intent: "save", givenName: "အေး", nationality: "MM", birthDate: BIRTH },
  });
  if (saved.status !== 302) throw new Error(`save answered ${saved.status}: ${await saved.text()}`);
  const app = db().select().from(t.applications).get()!;
  const form = await (await call(applyRoute.loader, `/apply/${editionId}`, { params: { editionId: String(editionId) }, cookie })).json();

  async function render(url: string, routeId: string, mod: { loader: (a: LoaderFunctionArgs) => unknown; default: () => React.ReactNode }, lng: string) {
    // The Remix loader has the same ({ request, params, context }) signature as a router loader.
    const loader = mod.loader as (args: unknown) => Promise<Response>;
    const routes = [{ id: routeId, path: routeId === "apply" ? "/apply/:editionId" : "/me/applications/:id", loader, Component: mod.default }];
    const handler = createStaticHandler(routes);
    const request = new Request(`http://localhost${url}`, { headers: { Cookie: cookie, "Accept-Language": lng } });
    const context = await handler.query(request, { requestContext: { clientIp: "127.0.0.1" } });
    if (context instanceof Response) throw new Error(`render of ${url} answered ${context.status}`);
    const router = createStaticRouter(handler.dataRoutes, context);
    const inst = createInstance();
    await inst.use(initReactI18next).init({ ...i18n, lng, resources: getResources() });
    return renderToString(React.createElement(I18nextProvider, { i18n: inst }, React.createElement(StaticRouterProvider, { router, context, hydrate: false })));
  }
  const formHtml = await render(`/apply/${editionId}`, "apply", applyRoute, "en");
  const statusHtml = await render(`/me/applications/${app.id}`, "status", statusRoute, "en");
  // The saved preference outranks Accept-Language (issue 11), so the Vietnamese reader saves vi.
  db().update(t.users).set({ locale: "vi" }).where(eq(t.users.id, user.id)).run();
  const statusHtmlVi = await render(`/me/applications/${app.id}`, "status", statusRoute, "vi");
  const dd = (html: string) => /<dd data-testid="birth-date" data-value="([^"]*)">([^<]*)<\/dd>/.exec(html);
  return {
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offsetMinutes: new Date(1968, 0, 1).getTimezoneOffset(),
    stored: app.birthDate,
    formDefault: form.defaultValue.birthDate,
    formInputValue:
      /<input[^>]*name="birthDate"[^>]*value="([^"]*)"|<input[^>]*value="([^"]*)"[^>]*name="birthDate"/.exec(formHtml)?.slice(1).find(Boolean) ?? null,
    statusValue: dd(statusHtml)?.[1] ?? null,
    statusText: dd(statusHtml)?.[2] ?? null,
    statusTextVi: dd(statusHtmlVi)?.[2] ?? null,
  };
}

/** Limits for a child run: the child's one test does a migration, a save and three renders. */
const CHILD_LIMIT_MS = 300_000;

function runChild(zone: string): Promise<Seen> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-tz-"));
  const out = path.join(dir, "seen.json");
  return new Promise<Seen>((resolve, reject) => {
    const limits = [`--testTimeout=${CHILD_LIMIT_MS}`, `--hookTimeout=${CHILD_LIMIT_MS}`, "--reporter=dot"];
    const child = spawn("npx", ["vitest", "run", "--project", "unit", ...limits, "tests/integration/dates-tz.test.ts"], {
      env: { ...process.env, TZ: zone, VLX_TZ_CHILD: "1", VLX_TZ_OUT: out, DATABASE_PATH: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("exit", (code) => {
      if (code !== 0 || !fs.existsSync(out)) return reject(new Error(`child TZ=${zone} failed (${code}):\n${log}`));
      resolve(JSON.parse(fs.readFileSync(out, "utf8")));
    });
  }).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}

/** Runs the children at most `os.availableParallelism()` at a time, results in ZONES order. */
async function runChildren(): Promise<Seen[]> {
  const seen: Seen[] = new Array(ZONES.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < ZONES.length; i = next++) seen[i] = await runChild(ZONES[i]);
  };
  await Promise.all(Array.from({ length: Math.min(ZONES.length, os.availableParallelism()) }, lane));
  return seen;
}

describe.runIf(CHILD)("dates in this process's time zone (child)", () => {
  it("saves and renders the birth date", async () => {
    const seen = await childRun();
    fs.writeFileSync(process.env.VLX_TZ_OUT!, JSON.stringify(seen));
  });
});

describe.runIf(!CHILD)("birth date across server time zones", () => {
  it(
    "is 1968-01-01 on every page with TZ=UTC, Asia/Yangon and America/Los_Angeles",
    async () => {
      const seen = await runChildren();
      // The children really ran in different zones.
      // (ICU may name Yangon by its old alias Asia/Rangoon, so compare offsets.)
      expect(seen.map((s) => s.offsetMinutes)).toEqual([0, -390, 480]);
      for (const s of seen) {
        expect(s, s.zone).toMatchObject({
          stored: BIRTH,
          formDefault: BIRTH,
          formInputValue: BIRTH,
          statusValue: BIRTH,
          statusText: "January 1, 1968",
        });
        expect(s.statusTextVi, s.zone).toMatch(/1.*1.*1968/);
        expect(s.statusTextVi).toBe(seen[0].statusTextVi);
      }
    },
    ZONES.length * CHILD_LIMIT_MS,
  );
});
