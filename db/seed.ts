/**
 * Demo data for first start. (Placeholder being filled in: see db/seed/*.)
 */
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import * as t from "./schema";

export type DemoInfo = { password: string; accounts: { role: string; email: string }[] };

/** Seeds the demo edition when the database has no users; returns the demo logins, or null. */
export async function seedDemoIfEmpty(db: Db): Promise<DemoInfo | null> {
  const n = db.select({ n: sql<number>`count(*)` }).from(t.users).get()?.n ?? 0;
  if (n > 0) return null;
  return null;
}
