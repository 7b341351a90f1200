/**
 * patches/@remix-run+router+1.23.3.patch (issue 13): route matching on the server builds each route
 * pattern's regular expression once, ranks a route array once, and tests a branch's whole pattern
 * before matching it segment by segment. These tests pin the matching results the patch must keep
 * (case sensitivity, optional segments, splats, index and layout routes, trailing and double
 * slashes) and fail if `npm install` did not apply the patch (postinstall: patch-package).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { AgnosticRouteObject } from "@remix-run/router";

const require = createRequire(import.meta.url);
// The server loads the router's CommonJS build (Remix's server runtime requires it): that is the
// file patched, so the tests load it the same way, not the ES module vitest would pick.
const { matchRoutes } = require("@remix-run/router") as typeof import("@remix-run/router");

const routes: AgnosticRouteObject[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      {
        id: "me",
        path: "me",
        children: [
          { id: "me-index", index: true },
          { id: "itinerary", path: "itinerary" },
        ],
      },
      { id: "app", path: "admin/applications/:id" },
      { id: "csv", path: "admin/import-template.csv" },
      { id: "exact", path: "Exact", caseSensitive: true },
      { id: "opt", path: "lang/:lng?/about" },
      { id: "files", path: "files/*" },
      { id: "verify", path: "verify/:code" },
    ],
  },
];

const ids = (path: string) => matchRoutes(routes, path)?.map((m) => m.route.id) ?? null;
const params = (path: string) => matchRoutes(routes, path)?.at(-1)?.params ?? null;

describe("route matching with the router patch", () => {
  it("is applied to the installed router", () => {
    const file = require.resolve("@remix-run/router");
    expect(file).toMatch(/router\.cjs\.js$/);
    expect(fs.readFileSync(file, "utf8")).toContain("VLX patch");
  });

  it("matches index, nested and dynamic routes as before", () => {
    expect(ids("/")).toEqual(["root", "home"]);
    expect(ids("/me")).toEqual(["root", "me", "me-index"]);
    expect(ids("/me/")).toEqual(["root", "me", "me-index"]);
    expect(ids("/ME/Itinerary")).toEqual(["root", "me", "itinerary"]);
    expect(ids("/admin/applications/12")).toEqual(["root", "app"]);
    expect(params("/admin/applications/12")).toEqual({ id: "12" });
    expect(ids("/admin/applications/12/more")).toBeNull();
    expect(ids("/admin/import-template.csv")).toEqual(["root", "csv"]);
    expect(ids("/admin/import-templateXcsv")).toBeNull();
    expect(ids("/nowhere")).toBeNull();
  });

  it("keeps case-sensitive routes case-sensitive", () => {
    expect(ids("/Exact")).toEqual(["root", "exact"]);
    expect(ids("/exact")).toBeNull();
  });

  it("matches optional segments and splats", () => {
    expect(ids("/lang/about")).toEqual(["root", "opt"]);
    expect(params("/lang/km/about")).toEqual({ lng: "km" });
    expect(params("/files/a/b.pdf")).toEqual({ "*": "a/b.pdf" });
    expect(params("/files")).toEqual({ "*": "" });
  });

  it("decodes the path before matching and returns fresh, equal results on repeated calls", () => {
    expect(params("/verify/%E0%B8%81%20X")).toEqual({ code: "ก X" });
    const a = matchRoutes(routes, "/admin/applications/7");
    const b = matchRoutes(routes, "/admin/applications/7");
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });
});
