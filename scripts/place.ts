/**
 * Placement CLI: `npm run place -- [instance.json | -] [--mode optimal|stable] [--compare] [--explain] [--timings]`.
 *
 * Reads an instance (format: docs/placement-instance.md) from the file, or from stdin when the
 * file is `-` or absent, and prints the placement and the objective as JSON on stdout, and
 * nothing else there (so `> out.json` is valid JSON). `--explain` adds the per-participant
 * explanations (each with an English `text` from toEnglish); they are built only then.
 * `--compare` adds the optimal-versus-stable comparison. `--timings` prints the wall time split
 * (start-up, read, parse, validate, solve, write) on stderr. Malformed JSON or an invalid
 * instance prints a message naming the field on stderr and exits with code 2, without a stack
 * trace. `npm run place` runs the compiled build/place.js (scripts/place.mjs builds it with
 * esbuild when missing or older than the sources), so no TypeScript loader starts at run time.
 */
import fs from "node:fs";
import { compareModes, explanationToEnglish, solvePlacement, validateInstance, type PlacementMode } from "../app/domain/placement";

const USAGE = "usage: place [instance.json | -] [--mode optimal|stable] [--compare] [--explain] [--timings]";

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readStdin(): string {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(1 << 20);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") continue;
      if (code === "EOF") break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString("utf8");
}

function main(argv: string[]): void {
  // performance.now() counts from the process start: t0 is the start-up (Node, module loading).
  const t0 = performance.now();
  let file: string | undefined;
  let mode: PlacementMode = "optimal";
  let compare = false;
  let explain = false;
  let timings = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--mode" || a.startsWith("--mode=")) {
      const m = a.includes("=") ? a.slice(7) : argv[++i];
      if (m !== "optimal" && m !== "stable") fail(`--mode: expected "optimal" or "stable", got ${JSON.stringify(m ?? "")}`);
      mode = m;
    } else if (a === "--compare") compare = true;
    else if (a === "--explain") explain = true;
    else if (a === "--timings") timings = true;
    else if (a === "--help" || a === "-h") {
      process.stdout.write(`${USAGE}\n`);
      return;
    } else if (a.startsWith("--")) fail(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else fail(`unexpected argument ${a}`);
  }
  if (file === undefined && process.stdin.isTTY) fail(USAGE);
  const name = file === undefined || file === "-" ? "stdin" : file;
  let text: string;
  try {
    text = name === "stdin" ? readStdin() : fs.readFileSync(name, "utf8");
  } catch (e) {
    fail(`${name}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const t1 = performance.now();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    fail(`${name}: malformed JSON: ${(e as Error).message}`);
  }
  const t2 = performance.now();
  const v = validateInstance(data);
  if (!v.ok) fail(`${name}: invalid instance:\n${v.issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
  const t3 = performance.now();
  const result = solvePlacement(v.instance, { mode, explain });
  const comparison = compare ? compareModes(v.instance) : undefined;
  const t4 = performance.now();
  const out = {
    mode: result.mode,
    objective: result.objective,
    genderImbalance: result.genderImbalance,
    placements: Object.entries(result.assignment).map(([participantId, visitId]) => ({ participantId, visitId })),
    ...(explain ? { explanations: result.explanations.map((e) => ({ ...e, text: explanationToEnglish(e) })) } : {}),
    ...(comparison ? { comparison } : {}),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  const t5 = performance.now();
  if (timings) {
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    process.stderr.write(
      `place timings: start-up ${ms(t0)}, read ${ms(t1 - t0)}, parse ${ms(t2 - t1)}, validate ${ms(t3 - t2)}, ` +
        `solve${explain ? " + explanations" : ""}${compare ? " + comparison" : ""} ${ms(t4 - t3)}, write ${ms(t5 - t4)}, total ${ms(t5)}\n`,
    );
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  fail(`place: ${(e as Error).message}`, 1);
}
