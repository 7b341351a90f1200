/** The placement CLI (scripts/place.ts), run as `npm run place` does: node scripts/place.mjs, the compiled build/place.js. */
import { afterAll, describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");
const run = (...args: string[]) => spawnSync(process.execPath, ["scripts/place.mjs", ...args], { cwd: root, encoding: "utf8" });
const runStdin = (input: string, ...args: string[]) => spawnSync(process.execPath, ["scripts/place.mjs", ...args], { cwd: root, encoding: "utf8", input });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-place-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const tmp = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

describe("place CLI", () => {
  it("solves the example and prints valid JSON, explanations only with --explain", () => {
    const r = run("examples/placement-instance.json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.mode).toBe("optimal");
    expect(out.objective.placed + out.objective.unplaced).toBe(out.placements.length);
    expect(out.placements.find((p: { participantId: string }) => p.participantId === "vn-01").visitId).toBe("cn-mengla");
    expect(out.explanations).toBeUndefined();
    const e = run("examples/placement-instance.json", "--explain");
    expect(e.status).toBe(0);
    const withText = JSON.parse(e.stdout);
    expect(withText.placements).toEqual(out.placements);
    expect(withText.explanations).toHaveLength(out.placements.length);
    expect(typeof withText.explanations[0].text).toBe("string");
  });

  it("reads the instance from stdin, and --timings goes to stderr: stdout stays JSON only", () => {
    const text = fs.readFileSync(path.join(root, "examples/placement-instance.json"), "utf8");
    const fromFile = JSON.parse(run("examples/placement-instance.json").stdout);
    for (const args of [[], ["-"], ["-", "--timings"]]) {
      const r = runStdin(text, ...args);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(fromFile);
    }
    const t = runStdin(text, "--timings");
    expect(t.stderr).toMatch(/start-up \d+ ms, read \d+ ms, parse \d+ ms, validate \d+ ms, solve \d+ ms, write \d+ ms, total \d+ ms/);
  });

  it("accepts --mode stable and --compare", () => {
    const r = run("examples/placement-instance.json", "--mode", "stable", "--compare");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.mode).toBe("stable");
    expect(out.comparison.blockingPairsStable).toBe(0);
  });

  it("malformed JSON: message on stderr, exit 2, no stack trace", () => {
    const r = run(tmp("bad.json", '{ "participants": [ }'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/malformed JSON/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });

  it("invalid instance: the message names the field, exit 2", () => {
    const inst = JSON.parse(fs.readFileSync(path.join(root, "examples/placement-instance.json"), "utf8"));
    inst.visits[1].arrival = "2027-13-01";
    inst.participants[2].languages = ["Khmer"];
    const r = run(tmp("invalid.json", JSON.stringify(inst)));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("visits[1].arrival");
    expect(r.stderr).toContain("participants[2].languages[0]");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("bad --mode exits 2", () => {
    const r = run("examples/placement-instance.json", "--mode", "fastest");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--mode");
  });
});
