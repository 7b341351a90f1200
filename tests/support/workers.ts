/**
 * Helpers for the tests that race worker threads against one SQLite file
 * (tests/integration/placement-concurrency.test.ts, tests/integration/enrolment.test.ts).
 *
 * - `raceWorkerCount()`: how many workers to start: as many as the machine runs at once
 *   (os.availableParallelism), at least 4 so a race has several contenders, at most 16.
 * - `bundleWorker()`: compiles a TypeScript worker module (and the app code it imports) into one
 *   ES module with esbuild, packages left external, so a worker starts in milliseconds instead of
 *   each one loading a TypeScript loader. The file lives under node_modules/.cache (so bare
 *   package imports resolve) and is named after the process, so two suites running at once never
 *   share it; `remove()` deletes it.
 * - `Barrier`: a SharedArrayBuffer of Int32 slots. Workers announce "ready" on slot READY (and
 *   notify), the test waits for all of them by that signal (Atomics.waitAsync, no clock), then
 *   releases them all at once on slot GO. Slot READ is free for the workers' own use (the
 *   unguarded twins count their reads there). Waiting fails as soon as a worker errors or exits;
 *   otherwise only the test's own time limit bounds it.
 */
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Worker } from "node:worker_threads";
import { build } from "esbuild";

export const READY = 0;
export const GO = 1;
export const READ = 2;

/** Workers to start for a race: the machine's parallelism, clamped to 4..16. */
export function raceWorkerCount(): number {
  return Math.min(16, Math.max(4, os.availableParallelism()));
}

/** Compiles `entry` (a path from the repository root) into one ES module; returns its URL and a remover. */
export async function bundleWorker(name: string, entry: string | { contents: string }): Promise<{ url: string; file: string; remove: () => void }> {
  const file = path.resolve(`node_modules/.cache/vlx-${name}-${process.pid}.mjs`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await build({
    ...(typeof entry === "string"
      ? { entryPoints: [path.resolve(entry)] }
      : { stdin: { contents: entry.contents, resolveDir: process.cwd(), loader: "ts" as const } }),
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile: file,
    logLevel: "silent",
  });
  return { url: pathToFileURL(file).href, file, remove: () => fs.rmSync(file, { force: true }) };
}

/** Atomics.waitAsync (Node 16+), typed here because the project's TypeScript lib predates ES2024. */
const waitAsync = (
  Atomics as unknown as {
    waitAsync: (a: Int32Array, index: number, value: number) => { async: false; value: string } | { async: true; value: Promise<string> };
  }
).waitAsync;

export class Barrier {
  readonly buffer = new SharedArrayBuffer(4 * 4);
  private readonly slots = new Int32Array(this.buffer);

  /** Resolves once `n` workers have announced READY; rejects at once if a worker errors or exits first. */
  async allReady(workers: Worker[]): Promise<void> {
    const n = workers.length;
    let failed: ((e: unknown) => void) | undefined;
    const failure = new Promise<never>((_, reject) => (failed = reject));
    const onError = (e: unknown) => failed!(e);
    const onExit = (code: number) => failed!(new Error(`a worker exited (code ${code}) before it was ready`));
    for (const w of workers) w.on("error", onError).on("exit", onExit);
    try {
      for (let seen = Atomics.load(this.slots, READY); seen < n; seen = Atomics.load(this.slots, READY)) {
        const w = waitAsync(this.slots, READY, seen);
        if (w.async) await Promise.race([w.value, failure]);
      }
    } finally {
      for (const w of workers) w.off("error", onError).off("exit", onExit);
    }
  }

  /** Releases every worker waiting on GO at the same instant. */
  release() {
    Atomics.store(this.slots, GO, 1);
    Atomics.notify(this.slots, GO);
  }
}
