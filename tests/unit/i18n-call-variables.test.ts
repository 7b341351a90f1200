/**
 * Every translation called with a literal key and a literal options object is given each variable
 * its English text uses (plural forms included). A missing one shows "{{n}}" on the server and an
 * empty gap in the browser, and the difference makes React redraw the page (a new user saw
 * "Milestones late: {{n}}" on the dashboard: the call passed `count`). Calls that spread an object
 * (`{ ...values }`) or pass no options are not checked here; i18n.test.ts checks the locales.
 * Errors translated later (`new RuleError(key, params)`, messageKey…) are checked the same way.
 *
 * The calls are found with the TypeScript compiler's parser, not a pattern over the text, so a
 * call written over several lines, or whose options hold nested calls and objects
 * (`{ date: formatDate(d, { … }) }`), is checked like a one-line one.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

function flatten(o: Record<string, unknown>, prefix = "", out = new Map<string, string>()) {
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === "object") flatten(v as Record<string, unknown>, `${prefix}${k}.`, out);
    else out.set(`${prefix}${k}`, String(v));
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const en = new Map<string, string>();
for (const f of fs.readdirSync("app/locales/en")) {
  for (const [k, v] of flatten(JSON.parse(fs.readFileSync(path.join("app/locales/en", f), "utf8")))) en.set(k, v);
}

/** The variable names of `key`'s English text and of its plural forms, or null for an unknown key. */
function variablesOf(key: string): Set<string> | null {
  const texts = [...en].filter(([k]) => k === key || new RegExp(`^${key.replace(/\./g, "\\.")}_(zero|one|two|few|many|other)$`).test(k));
  if (!texts.length) return null;
  const names = texts.flatMap(([, v]) => [...v.matchAll(/\{\{-?\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]));
  return new Set(names);
}

/**
 * Functions whose first argument is a translation key and second its options: `t(…)`, `tr(…)` (a
 * translator from translatorFor), and the messages translated later: `new RuleError(key, params)`,
 * messageKey (app/models/errors.ts), `param` (training series errors) and `withParams` (survey
 * answers).
 */
const TRANSLATING = new Set(["t", "tr", "RuleError", "messageKey", "param", "withParams"]);
const isTranslationCall = (node: ts.Node): node is ts.CallExpression | ts.NewExpression =>
  (ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression) && TRANSLATING.has(node.expression.text);

type Call = { line: number; key: string; given: Set<string> | null };

/**
 * The translation calls in `source` with a literal key and a literal options object: the key and
 * the option names given (null when the object spreads another, so its names are unknown).
 */
function translationCalls(fileName: string, source: string): Call[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const calls: Call[] = [];
  const visit = (node: ts.Node) => {
    if (isTranslationCall(node) && node.arguments && node.arguments.length >= 2) {
      const [key, options] = node.arguments;
      if ((ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) && ts.isObjectLiteralExpression(options)) {
        const spreads = options.properties.some((p) => ts.isSpreadAssignment(p));
        const names = options.properties.flatMap((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : []));
        calls.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, key: key.text, given: spreads ? null : new Set(names) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

/** "file:line key lacks a, b" for each call of `source` that does not give a variable its English text uses. */
function problemsIn(fileName: string, source: string): string[] {
  return translationCalls(fileName, source).flatMap(({ line, key, given }) => {
    const needed = given && variablesOf(key);
    const missing = needed ? [...needed].filter((n) => !given.has(n)) : [];
    return missing.length ? [`${fileName}:${line} ${key} lacks ${missing.join(", ")}`] : [];
  });
}

describe("translation calls", () => {
  it("give every variable their English text uses", () => {
    expect(sourceFiles("app").flatMap((file) => problemsIn(file, fs.readFileSync(file, "utf8")))).toEqual([]);
  });

  it("are found on one line and over several, with nested options, and a missing variable is named", () => {
    const source = [
      'const a = t("pilots.strand.lateCount", { count: 2 });',
      "const b = t(",
      '  "pilots.strand.lateCount",',
      "  {",
      "    count: late.length,",
      "  },",
      ");",
      'const c = tr("pilots.strand.lateCount", { n: f(x, { y: 1 }), extra });',
      'const d = t("pilots.strand.lateCount", { ...values });',
      'throw new RuleError("pilots.strand.lateCount", {',
      "  late,",
      "});",
    ].join("\n");
    expect(problemsIn("x.tsx", source)).toEqual([
      "x.tsx:1 pilots.strand.lateCount lacks n",
      "x.tsx:2 pilots.strand.lateCount lacks n",
      "x.tsx:10 pilots.strand.lateCount lacks n",
    ]);
  });
});
