// Every page a signed-in person can reach by following links answers without a server error.
// Crawls same-origin links breadth-first for each demo role (GET only), so a page that crashes on
// real demo data (a date format, a missing record) fails here even if no flow test visits it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/e2e";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function login(email: string): Promise<string> {
  const res = await fetch(`${server.url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: "vlx-demo-2026" }),
    redirect: "manual",
  });
  expect(res.status, `login ${email}`).toBe(302);
  return res.headers.get("set-cookie")!.split(";")[0];
}

const SKIP = /^\/(logout|language)\b|\.(csv|ics)$|\/feeds\//;

async function crawl(cookie: string, start: string, limit: number) {
  const seen = new Set<string>([start]);
  const shapes = new Set<string>([`${start}?`]);
  const queue = [start];
  const failures: string[] = [];
  while (queue.length && seen.size <= limit) {
    const path = queue.shift()!;
    const res = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
    if (res.status >= 500) failures.push(`${res.status} ${path}`);
    if (!(res.headers.get("content-type") ?? "").includes("text/html")) continue;
    const html = await res.text();
    for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = m[1].replace(/&amp;/g, "&");
      if (href.startsWith("/build/") || href.startsWith("/locales/") || href.endsWith(".svg") || SKIP.test(href.split("?")[0])) continue;
      // One URL per path and set of query keys: calendars link month after month forever.
      const u = new URL(href, server.url);
      const shape = `${u.pathname}?${[...new Set(u.searchParams.keys())].sort().join("&")}`;
      if (!shapes.has(shape)) {
        shapes.add(shape);
        seen.add(href);
        queue.push(href);
      }
    }
  }
  return { failures, visited: seen.size };
}

describe("no page answers 500", () => {
  const roles: [string, string][] = [
    ["organizer", "organizer@vlx.demo"],
    ["focal point", "focal.vn@vlx.demo"],
    ["host coordinator", "host.xishuangbanna@vlx.demo"],
    ["participant", "sari.id@vlx.demo"],
    ["applicant with a draft", "somchai.jaidee@vlx.demo"],
  ];
  for (const [role, email] of roles) {
    it(`for the ${role}`, async () => {
      const cookie = await login(email);
      const { failures, visited } = await crawl(cookie, "/", 600);
      expect(visited).toBeGreaterThan(3);
      console.log(`${role}: ${visited} pages`);
      expect(failures).toEqual([]);
    });
  }
});
