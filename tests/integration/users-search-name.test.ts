// users.search_name (migration users_search_name): the display name folded for search, which the
// audit log's person filter matches in SQL. Rows written before the column existed are filled at
// open (db/client.ts foldUserSearchNames, idempotent); every write of a user's name sets it
// (userNameColumns), sign-up included; and no code inserts a user without it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { foldUserSearchNames, MIGRATIONS_DIR, openDatabase } from "../../db/client";
import { db, t } from "~/db.server";
import { signUp } from "~/models/accounts/accounts.server";

describe("users.search_name", () => {
  it("is filled at open for the users of a database made before the column, once", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-upgrade-"));
    try {
      // The migrations as they were before this one.
      const old = path.join(dir, "migrations");
      fs.mkdirSync(path.join(old, "meta"), { recursive: true });
      const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
      const upTo = journal.entries.findIndex((e) => e.tag.endsWith("_users_search_name"));
      expect(upTo).toBeGreaterThan(0);
      const before = { ...journal, entries: journal.entries.slice(0, upTo) };
      fs.writeFileSync(path.join(old, "meta", "_journal.json"), JSON.stringify(before));
      for (const e of before.entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(old, `${e.tag}.sql`));

      const file = path.join(dir, "old.sqlite");
      const sqlite = new Database(file);
      sqlite.pragma("journal_mode = WAL");
      migrate(drizzle(sqlite), { migrationsFolder: old });
      const insert = sqlite.prepare("INSERT INTO users (email, display_name) VALUES (?, ?)");
      insert.run("anh@example.org", "Nguyễn  Thị Ánh");
      insert.run("somchai@example.org", "สมชาย ใจดี");
      sqlite.close();

      const opened = openDatabase(file);
      const rows = () => opened.$client.prepare("SELECT email, search_name AS searchName FROM users ORDER BY id").all();
      expect(rows()).toEqual([
        { email: "anh@example.org", searchName: "nguyen thi anh" },
        { email: "somchai@example.org", searchName: "สมชาย ใจดี" },
      ]);
      // Idempotent: a second run finds nothing to fill and leaves a name written since alone.
      opened.$client.prepare("UPDATE users SET display_name = 'Anh', search_name = 'anh' WHERE email = 'anh@example.org'").run();
      expect(foldUserSearchNames(opened.$client)).toBe(0);
      expect(rows()).toEqual([
        { email: "anh@example.org", searchName: "anh" },
        { email: "somchai@example.org", searchName: "สมชาย ใจดี" },
      ]);
      opened.$client.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is written at sign-up", async () => {
    const id = await signUp({ email: "duc.search@example.org", password: "correct horse battery staple", displayName: " Phạm Đức ", ip: null });
    expect(db().select({ name: t.users.displayName, searchName: t.users.searchName }).from(t.users).where(eq(t.users.id, id)).get()).toEqual({
      name: "Phạm Đức",
      searchName: "pham duc",
    });
  });

  it("is set by every insert of a user in the code (userNameColumns beside the name)", () => {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
      });
    const inserts: string[] = [];
    const missing: string[] = [];
    for (const file of [...files("app"), ...files("db"), ...files("tests/support")]) {
      const src = fs.readFileSync(file, "utf8");
      for (const m of src.matchAll(/\.insert\(t\.users\)/g)) {
        const at = `${file}:${src.slice(0, m.index).split("\n").length}`;
        inserts.push(at);
        // The values object follows the insert within a few lines.
        if (!src.slice(m.index, m.index + 400).includes("userNameColumns(")) missing.push(at);
      }
      if (/insert\s+into\s+users\b/i.test(src)) missing.push(`${file}: raw INSERT INTO users`);
    }
    expect(inserts.length).toBeGreaterThanOrEqual(6);
    expect(missing).toEqual([]);
  });
});
