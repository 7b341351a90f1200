// safeRedirect (issue 13, finding 1): only a same-origin path survives; everything a browser could
// read as another site, and anything that cannot go into a Location header, falls back.
import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/utils/http.server";

describe("safeRedirect", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeRedirect("/me")).toBe("/me");
    expect(safeRedirect("/admin/applications?status=submitted#x")).toBe("/admin/applications?status=submitted#x");
    expect(safeRedirect("/invite/abc_DEF-123")).toBe("/invite/abc_DEF-123");
  });

  it("percent-encodes non-ASCII so the Location header is valid", () => {
    expect(safeRedirect("/me?q=ສະບາຍດີ")).toMatch(/^\/me\?q=(%[0-9A-F]{2})+$/);
  });

  it.each([
    ["//evil.example", "protocol-relative"],
    ["/\t/evil.example/pwned", "tab (browsers strip it: //evil.example)"],
    ["/\n/evil.example", "newline"],
    ["/me\r\nSet-Cookie: x=1", "header injection"],
    ["/\\evil.example", "backslash"],
    ["/\\/evil.example", "backslash after slash"],
    ["\\\\evil.example", "double backslash"],
    ["https://evil.example/", "absolute URL"],
    ["evil.example", "relative"],
    ["javascript:alert(1)", "javascript: URL"],
    [" /me", "leading space"],
    ["", "empty"],
    ["/" + "a".repeat(2001), "too long"],
  ])("refuses %j (%s)", (to) => {
    expect(safeRedirect(to, "/fallback")).toBe("/fallback");
  });

  it("refuses non-strings", () => {
    expect(safeRedirect(null, "/f")).toBe("/f");
    expect(safeRedirect(undefined, "/f")).toBe("/f");
  });
});
