// The README a fresh clone starts from (a tester's report): the quick start is exactly the two
// commands; it says that a signed-in person's saved language wins over `?lng=` (as the code does)
// and that npm 11's install-scripts warning is harmless.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chooseLanguage } from "~/domain/languages";

const readme = readFileSync("README.md", "utf8");

describe("README", () => {
  it("keeps the quick start to the two commands", () => {
    const quick = readme.slice(readme.indexOf("## Quick start"));
    const block = /```sh\n([\s\S]*?)```/.exec(quick)![1];
    expect(block.trim().split("\n")).toEqual(["npm install && npm start", "npm test"]);
  });

  it("says the saved language beats ?lng=, as chooseLanguage does, and how to change it", () => {
    expect(chooseLanguage({ saved: "vi", query: "th", cookie: "km" })).toBe("vi");
    expect(chooseLanguage({ saved: null, query: "th", cookie: "km" })).toBe("th");
    expect(readme).toMatch(/when signed in, `\?lng=` changes nothing/);
    expect(readme).toMatch(/switcher at the top of every page, which saves it to the account/);
  });

  it("explains npm 11's install-scripts warning for esbuild and better-sqlite3 as harmless", () => {
    expect(readme).toContain("npm warn install-scripts");
    expect(readme).toMatch(/`esbuild`[\s\S]{0,80}`better-sqlite3`/);
    expect(readme).toMatch(/harmless/);
  });
});
