// The document upload's own body limit (issue 15 item 2, server/guards.ts BodyLimitOverride): the
// upload path takes bodies past the default limit, other paths still get 413, and a body past
// even the upload's limit sends the browser back to its page (303) instead of a bare 413 page.
import type { AddressInfo } from "node:net";
import type http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimit, lastResort } from "../../server/guards";

const LIMIT = 64 * 1024;
let server: http.Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(
    bodyLimit(LIMIT, [
      { path: "/upload", maxBytes: 4 * LIMIT, tooLargeRedirect: "/upload?tooLarge=1" },
      // Pages with ids (the monitoring visit form): a pattern, and the way back made from the path.
      { path: /^\/visits\/\d+\/edit$/, maxBytes: 4 * LIMIT, tooLargeRedirect: (p) => `${p}?tooLarge=1` },
    ]),
  );
  const count: express.RequestHandler = (req, res, next) => {
    let n = 0;
    req.on("data", (c: Buffer) => (n += c.length));
    req.on("end", () => res.type("text/plain").send(String(n)));
    req.on("error", (e) => next(e));
    req.resume(); // bodyLimit pauses the stream until its reader pulls, as Remix does
  };
  app.post("/form", count);
  app.post("/upload", count);
  app.post("/visits/:id/edit", count);
  app.post("/visits/:id/other", count);
  app.use(lastResort(() => {}));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (path: string, bytes: number) => fetch(`${base}${path}`, { method: "POST", body: Buffer.alloc(bytes, 1), redirect: "manual" });

describe("a route with its own body limit", () => {
  it("takes a body past the default limit on the upload path only", async () => {
    const ok = await post("/upload", 2 * LIMIT);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe(String(2 * LIMIT));
    expect((await post("/form", 2 * LIMIT)).status).toBe(413);
  });

  it("sends a body past the upload's limit back to the page with a flag, not a bare 413", async () => {
    const res = await post("/upload", 6 * LIMIT);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/upload?tooLarge=1");
  });
});

describe("a pattern of paths with its own body limit", () => {
  it("takes a larger body on matching paths only, and sends a body past it back to the same page", async () => {
    expect((await post("/visits/7/edit", 2 * LIMIT)).status).toBe(200);
    expect((await post("/visits/7/other", 2 * LIMIT)).status).toBe(413);
    const res = await post("/visits/7/edit", 6 * LIMIT);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/visits/7/edit?tooLarge=1");
  });
});
