// Every page a person can reach by following links answers: no broken link (404) and no server
// error (5xx). Crawls same-origin links breadth-first for each demo role and for an anonymous
// visitor (GET only, redirects followed), so a page that crashes on real demo data (a date format,
// a missing record) or a link to a page that does not exist fails here even if no flow test
// visits it. Prints how many pages each role visited.
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

/**
 * Follows every same-origin link and source (`href`, `src`; relative ones resolved against the
 * page) breadth-first from `start`, GET only, as the
 * person the cookie belongs to (none: anonymous). Redirects are followed by hand (a link that
 * redirects is fine; where it lands is checked too). Pages are deduplicated by path and set of
 * query keys (calendars link month after month forever); assets (scripts, styles, fonts,
 * translations) and downloads (CSV, iCalendar feeds) are checked but not read for links.
 * Returns every 404 or 5xx with the page that linked to it.
 */
async function crawl(cookie: string | null, start: string, limit: number) {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const shapes = new Set<string>();
  const queue: { path: string; from: string }[] = [];
  const failures: string[] = [];
  let visited = 0;
  const others: string[] = [];
  const enqueue = (href: string, from: string) => {
    if (/^(mailto|tel|data|javascript|blob):/i.test(href)) return;
    const u = new URL(href, `${server.url}${from.startsWith("/") ? from : "/"}`);
    if (u.origin !== server.url) return;
    const shape = `${u.pathname}?${[...new Set(u.searchParams.keys())].sort().join("&")}`;
    if (shapes.has(shape)) return;
    shapes.add(shape);
    queue.push({ path: u.pathname + u.search, from });
  };
  enqueue(start, "(start)");
  while (queue.length && visited < limit) {
    const { path, from } = queue.shift()!;
    visited += 1;
    const res = await fetch(`${server.url}${path}`, { headers, redirect: "manual" });
    if (res.status === 404 || res.status >= 500) failures.push(`${res.status} ${path} (linked from ${from})`);
    else if (res.status >= 400) others.push(`${res.status} ${path}`);
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) enqueue(location, path);
    if (!(res.headers.get("content-type") ?? "").includes("text/html")) {
      await res.body?.cancel();
      continue;
    }
    const html = await res.text();
    for (const m of html.matchAll(/\s(?:href|src)="([^"#]*)"/g)) if (m[1]) enqueue(m[1].replace(/&amp;/g, "&"), path);
  }
  expect(queue, `more than ${limit} pages: raise the limit`).toEqual([]);
  return { failures, visited, others };
}

describe("every link works (no 404, no 5xx)", () => {
  const roles: [string, string | null][] = [
    ["organizer", "organizer@vlx.demo"],
    ["focal point", "focal.vn@vlx.demo"],
    ["host coordinator", "host.xishuangbanna@vlx.demo"],
    ["participant", "sari.id@vlx.demo"],
    ["participant of past editions (surveys, certificates)", "sophal.chea@vlx.demo"],
    ["applicant with a draft", "somchai.jaidee@vlx.demo"],
    ["anonymous visitor", null],
  ];
  for (const [role, email] of roles) {
    it(`for the ${role}`, async () => {
      const cookie = email ? await login(email) : null;
      const { failures, visited, others } = await crawl(cookie, "/", 1500);
      console.log(`crawl, ${role}: ${visited} URLs visited${others.length ? `; other 4xx: ${others.join(", ")}` : ""}`);
      expect(visited).toBeGreaterThan(3);
      expect(failures).toEqual([]);
    });
  }
});
