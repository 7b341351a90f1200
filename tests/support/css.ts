/**
 * Reads stylesheet text for tests that check a layout rule, independent of how the file is
 * formatted (Prettier puts one selector and one declaration a line).
 *
 * `readCss(path)` returns the file with comments removed and every run of whitespace collapsed to
 * one space, so `.a, .b { x: y; }` matches however the file breaks its lines.
 * `mediaBlock(css, query)` returns the body of the first `@media <query> { … }` in such text, found
 * by matching braces, or "" when there is none.
 */
import fs from "node:fs";

export function readCss(path: string): string {
  return fs
    .readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function mediaBlock(css: string, query: string): string {
  const start = css.indexOf(`@media ${query} {`);
  if (start < 0) return "";
  const open = css.indexOf("{", start);
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === "{") depth++;
    else if (css[i] === "}" && --depth === 0) return css.slice(open + 1, i).trim();
  }
  return "";
}
