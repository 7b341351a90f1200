/**
 * Error pages and error logging: which translated message a status shows (every status gets one,
 * in every locale), and Remix's handleError (app/entry.server.tsx) logging a 4xx as one debug line
 * without a stack and a real error with its stack.
 */
import fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isRouteErrorResponse } from "@remix-run/react";
import { handleError } from "~/entry.server";
import { log } from "~/log.server";
import { supportedLngs } from "~/i18n";
import { errorPageKey } from "~/utils/error-page";

afterEach(() => vi.restoreAllMocks());

const args = (url = "http://localhost/no-such-page") => ({ request: new Request(url), params: {}, context: {} });

describe("error page messages", () => {
  it("maps statuses to messages", () => {
    expect(errorPageKey(404)).toBe("notFound");
    expect(errorPageKey(403)).toBe("forbidden");
    expect(errorPageKey(429)).toBe("rateLimited");
    expect(errorPageKey(400)).toBe("badRequest");
    expect(errorPageKey(405)).toBe("badRequest");
    expect(errorPageKey(500)).toBe("server");
    expect(errorPageKey(503)).toBe("server");
  });

  it("every message has a title and body in every locale", () => {
    for (const lng of supportedLngs) {
      const page = JSON.parse(fs.readFileSync(`app/locales/${lng}/common.json`, "utf8")).errorPage;
      expect(page.home, lng).toBeTruthy();
      for (const key of ["notFound", "forbidden", "rateLimited", "badRequest", "server"]) {
        expect(page[key]?.title, `${lng} ${key}`).toBeTruthy();
        expect(page[key]?.body, `${lng} ${key}`).toBeTruthy();
      }
    }
  });
});

describe("handleError", () => {
  it("logs a thrown 404 Response at debug level, one line, no stack", () => {
    const debug = vi.spyOn(log, "debug").mockImplementation(() => undefined);
    const error = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    handleError(new Response(null, { status: 404 }), args());
    expect(debug).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(debug.mock.calls[0])).not.toMatch(/\bat /);
    expect(debug.mock.calls[0][0]).toMatchObject({ status: 404, method: "GET", path: "/no-such-page" });
    expect(error).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("logs Remix's own 404 (an error response carrying an Error) without its stack", () => {
    const debug = vi.spyOn(log, "debug").mockImplementation(() => undefined);
    const error = vi.spyOn(log, "error").mockImplementation(() => undefined);
    // What Remix hands over for an unmatched URL or a missing action: status 404/405 and an Error inside.
    const routeError = { status: 405, statusText: "Method Not Allowed", internal: true, data: "", error: new Error("no action") };
    expect(isRouteErrorResponse(routeError)).toBe(true);
    handleError(routeError, args());
    expect(debug).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(debug.mock.calls[0])).not.toContain("no action");
    expect(error).not.toHaveBeenCalled();
  });

  it("logs a real error with its stack, and tokens in the path masked", () => {
    const error = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const boom = new Error("boom");
    handleError(boom, args("http://localhost/claim/abcdefabcdefabcdefabcdef?x=1"));
    expect(error).toHaveBeenCalledTimes(1);
    const [fields] = error.mock.calls[0] as unknown as [{ err: Error; path: string }];
    expect(fields.err).toBe(boom);
    expect(fields.err.stack).toContain("boom");
    expect(fields.path).not.toContain("abcdef");
  });

  it("says nothing about a request the visitor abandoned", () => {
    const error = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const controller = new AbortController();
    controller.abort();
    handleError(new Error("aborted"), { request: new Request("http://localhost/", { signal: controller.signal }), params: {}, context: {} });
    expect(error).not.toHaveBeenCalled();
  });
});
