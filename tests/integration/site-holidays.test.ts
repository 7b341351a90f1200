/**
 * Issue 12 item 19: the host site calendar takes its holidays from the same source as training
 * scheduling: the repo's official lists for Cambodia, Laos and Myanmar, and the days organizers
 * keep in holiday_overrides.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import * as sitePage from "~/routes/host.sites.$siteId._index";
import { call, cookieFor, createUser } from "../support/factories";
import { makeSite } from "./hosts-fixtures";

let cookie: string;
let siteId: number;

beforeAll(async () => {
  const host = await createUser({ roles: [{ role: "host_coordinator" }], name: "Host KH", email: "host.kh@example.org" });
  cookie = await cookieFor(host.id);
  siteId = makeSite({ name: "ភូមិ", nameLatin: "Phum", countryCode: "KH", timeZone: "Asia/Phnom_Penh", languages: ["km"] }, [host.id]).id;
  db().insert(t.holidayOverrides).values({ countryCode: "KH", date: "2027-04-20", name: "Royal funeral" }).run();
  db().insert(t.holidayOverrides).values({ countryCode: "TH", date: "2027-04-21", name: "Thai only" }).run();
});

describe("host site calendar holidays", () => {
  it("shows Cambodia's official holidays and the organizers' own days for the country", async () => {
    const res = await call(sitePage.loader, `/host/sites/${siteId}?month=2027-04`, { cookie, params: { siteId: String(siteId) } });
    expect(res.status).toBe(200);
    const data = (await res.json()) as { holidays: Record<string, string[]> };
    expect(data.holidays["2027-04-14"]).toEqual(["Khmer New Year's Day"]);
    expect(data.holidays["2027-04-20"]).toEqual(["Royal funeral"]);
    expect(data.holidays["2027-04-21"]).toBeUndefined();
  });
});
