// The minimal app's data: a temporary SQLite file (BASELINE_DB) with 10,000 people, an index on
// country, and one statement prepared once (what a hand-written Remix app would do).
import Database from "better-sqlite3";

const COUNTRIES = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "CN", "JP", "KR"];

function open() {
  const sqlite = new Database(process.env.BASELINE_DB || ":memory:");
  sqlite.pragma("journal_mode = WAL");
  sqlite.exec("create table if not exists people (id integer primary key, country text not null, name text not null)");
  sqlite.exec("create index if not exists people_country on people (country)");
  if ((sqlite.prepare("select count(*) as n from people").get() as { n: number }).n === 0) {
    const insert = sqlite.prepare("insert into people (country, name) values (?, ?)");
    sqlite.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run(COUNTRIES[i % COUNTRIES.length], `Person ${i}`);
    })();
  }
  return sqlite.prepare("select id, name from people where country = ? order by id limit 20");
}

const g = globalThis as typeof globalThis & { __baselineQuery?: ReturnType<typeof open> };

/** The first 20 people of `country` (one indexed query). */
export function peopleOf(country: string): { id: number; name: string }[] {
  g.__baselineQuery ??= open();
  return g.__baselineQuery.all(country) as { id: number; name: string }[];
}
