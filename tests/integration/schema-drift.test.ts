// Fails when db/schema and the committed migrations disagree: drizzle-kit generates against a copy
// of migrations/ and must find nothing to write.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";

describe("schema and migrations", () => {
  it("drizzle-kit finds no schema change that lacks a migration", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-drift-"));
    fs.cpSync("migrations", path.join(dir, "migrations"), { recursive: true });
    // drizzle-kit reads `out` relative to the working directory, so run it inside the copy.
    fs.writeFileSync(
      path.join(dir, "drizzle.config.json"),
      JSON.stringify({ dialect: "sqlite", schema: path.resolve("db/schema/index.ts"), out: "./migrations" }),
    );
    const bin = path.resolve("node_modules/.bin/drizzle-kit");
    try {
      const out = execFileSync(bin, ["generate", "--config", "drizzle.config.json"], { encoding: "utf8", cwd: dir });
      expect(out).toContain("No schema changes");
      const before = fs.readdirSync("migrations").filter((f) => f.endsWith(".sql")).length;
      expect(fs.readdirSync(path.join(dir, "migrations")).filter((f) => f.endsWith(".sql")).length).toBe(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it("migrations apply to an empty database with WAL, foreign keys and a busy timeout", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-mig-"));
    const file = path.join(dir, "x.sqlite");
    const db = openDatabase(file);
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(Number(db.$client.pragma("busy_timeout", { simple: true }))).toBeGreaterThanOrEqual(5000);
    const tables = (db.$client.prepare("select name from sqlite_master where type='table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(["users", "editions", "applications", "audit_events", "login_sessions"]));
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
