import { defineConfig } from "vitest/config";
import path from "node:path";

// Two projects: "unit" (pure modules plus integration tests against a real SQLite file) runs in
// parallel workers; "e2e" drives the built server in Chromium and runs its files one at a time.
// Time limits are wide on purpose: they must hold for an honest run on a 2-core machine that is
// busy with other work (load 10), where a test can take many times its idle duration. Tests wait
// by signals, never by a clock; a limit only stops a run that is really stuck.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
          setupFiles: ["tests/support/setup-db.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // expect.poll gives up after 1 s by default: far too short for a page on a busy machine.
          expect: { poll: { timeout: 60_000, interval: 100 } },
          // Each file starts its own server on its own copy of the demo data (tests/support/e2e.ts),
          // so no file sees another's changes. One shared server was measured and not worth it:
          // a start (boot plus seed) costs about 3.5 s on a busy 2-core machine, about 30 s over the
          // ten files, against 11-14 minutes for the project, less than the run-to-run spread; the
          // placement, evaluation, tracking and nomination files change demo data others read.
          fileParallelism: false,
        },
      },
    ],
  },
});
