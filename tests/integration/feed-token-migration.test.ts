// Upgrading a database made before migration 0007_feed_token_hash: a calendar feed token stored in
// clear survives the table rebuild, is hashed at open (db/client.ts hashLegacyFeedTokens), and no
// longer appears in clear anywhere in the file.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, openDatabase } from "../../db/client";

describe("migration feed_token_hash", () => {
  it("keeps and hashes the feed tokens of an existing database", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-upgrade-"));
    try {
      // The migrations as they were before this one.
      const old = path.join(dir, "migrations");
      fs.mkdirSync(path.join(old, "meta"), { recursive: true });
      const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
      const upTo = journal.entries.findIndex((e) => e.tag.endsWith("_feed_token_hash"));
      expect(upTo).toBeGreaterThan(0);
      const before = { ...journal, entries: journal.entries.slice(0, upTo) };
      fs.writeFileSync(path.join(old, "meta", "_journal.json"), JSON.stringify(before));
      for (const e of before.entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(old, `${e.tag}.sql`));

      const file = path.join(dir, "old.sqlite");
      const sqlite = new Database(file);
      sqlite.pragma("journal_mode = WAL");
      migrate(drizzle(sqlite), { migrationsFolder: old });
      const token = "Zq7_plain_token_from_an_old_release_x1";
      sqlite.prepare("INSERT INTO calendar_feed_tokens (token, kind) VALUES (?, 'visit')").run(token);
      sqlite.close();

      const db = openDatabase(file);
      const rows = db.$client.prepare("SELECT token, token_hash FROM calendar_feed_tokens").all() as { token: string | null; token_hash: string }[];
      expect(rows).toEqual([{ token: null, token_hash: createHash("sha256").update(token).digest("hex") }]);
      for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) expect(fs.readFileSync(f).includes(token), f).toBe(false);
      db.$client.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
