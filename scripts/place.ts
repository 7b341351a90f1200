/**
 * Placement CLI: `npm run place -- instance.json [--mode optimal|stable] [--compare]`.
 *
 * Reads an instance (format: docs/placement-instance.md), prints the placement, the objective and
 * the explanations as JSON on stdout (each explanation with an English `text` from toEnglish).
 * `--compare` adds the optimal-versus-stable comparison. Malformed JSON or an invalid instance
 * prints a message naming the field on stderr and exits with code 2, without a stack trace.
 */
import fs from "node:fs";
import { compareModes, explanationToEnglish, runPlacement, type PlacementMode } from "../app/domain/placement";

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function main(argv: string[]): void {
  let file: string | undefined;
  let mode: PlacementMode = "optimal";
  let compare = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--mode" || a.startsWith("--mode=")) {
      const m = a.includes("=") ? a.slice(7) : argv[++i];
      if (m !== "optimal" && m !== "stable") fail(`--mode: expected "optimal" or "stable", got ${JSON.stringify(m ?? "")}`);
      mode = m;
    } else if (a === "--compare") compare = true;
    else if (a === "--help" || a === "-h") {
      process.stdout.write("usage: place <instance.json> [--mode optimal|stable] [--compare]\n");
      return;
    } else if (a.startsWith("--")) fail(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else fail(`unexpected argument ${a}`);
  }
  if (!file) fail("usage: place <instance.json> [--mode optimal|stable] [--compare]");
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    fail(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    fail(`${file}: malformed JSON: ${(e as Error).message}`);
  }
  const run = runPlacement(data, { mode });
  if (!run.ok) fail(`${file}: invalid instance:\n${run.issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
  const { result } = run;
  const out = {
    mode: result.mode,
    objective: result.objective,
    genderImbalance: result.genderImbalance,
    placements: Object.entries(result.assignment).map(([participantId, visitId]) => ({ participantId, visitId })),
    explanations: result.explanations.map((e) => ({ ...e, text: explanationToEnglish(e) })),
    ...(compare ? { comparison: compareModes(run.instance) } : {}),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  fail(`place: ${(e as Error).message}`, 1);
}
