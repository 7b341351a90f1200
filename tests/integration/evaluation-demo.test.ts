// The demo's evaluated edition exported as CSV: rows split by country, gender, role and host site
// keep the indicator's group, and the figures there are the ones the results page shows.
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import * as csvRoute from "~/routes/admin.editions.$id_.evaluation[.]csv";
import { seedDemoIfEmpty } from "../../db/seed";
import { call, cookieFor } from "../support/factories";

describe("evaluation CSV of the demo's past edition", () => {
  it("keeps the indicator group on every disaggregated row", async () => {
    await seedDemoIfEmpty(db());
    const organizer = db().select().from(t.users).where(eq(t.users.email, "organizer@vlx.demo")).get()!;
    const edition = db()
      .select()
      .from(t.editions)
      .all()
      .find((e) => e.ordinal === 9)!;
    const res = await call(csvRoute.loader, "/", { cookie: await cookieFor(organizer.id), params: { id: String(edition.id) } });
    expect(res.status).toBe(200);
    const records = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    const split = records.filter((r) => r["split by"] !== "Everyone");
    expect(split.length).toBeGreaterThan(10);
    expect(new Set(split.map((r) => r["split by"]))).toContain("Country");
    const groups = new Set(["Economic development", "Social progress", "Environment and ecological protection", "Learning and satisfaction"]);
    for (const r of records) expect(groups, `${r.indicator_code} / ${r.subgroup}`).toContain(r.group);
  });
});
