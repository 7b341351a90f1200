// Calendar feeds at secret URLs: parsed with ical.js, a 09:00 session in Asia/Yangon is 02:30 UTC
// and in Asia/Jayapura 00:00 UTC; arrival/departure are all-day; cancelled sessions are
// STATUS:CANCELLED; a revoked token is 404; a participant only reaches their own feed; and the
// bytes are identical under TZ=UTC, Asia/Tokyo and America/Los_Angeles (child processes).
// Issue 13: only the token's SHA-256 is stored, the URL is shown once (in the answer to the POST
// that makes it) and built from APP_URL whatever Host the request named; tokens stored in clear
// before the migration are hashed at start and keep working.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db, t } from "~/db.server";
import { hashLegacyFeedTokens } from "../../db/client";
import { getEnv } from "~/env.server";
import * as feedRoute from "~/routes/feeds.$token[.]ics";
import * as hostRoute from "~/routes/host.visits.$visitId.trainings";
import * as itinerary from "~/routes/me_.itinerary";
import { call, cookieFor, createUser, localSlot, makeTraining } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";

let cookie: string, otherCookie: string, hostCookie: string;
let applicationId: number, visitId: number;

beforeAll(async () => {
  const edition = makeEdition({ hostCountries: ["MM", "ID"], timeZone: "Asia/Yangon" });
  const host = await createUser({ roles: [{ role: "host_coordinator" }] });
  hostCookie = await cookieFor(host.id);
  const site = makeSite({ countryCode: "MM", timeZone: "Asia/Yangon", name: "ရွာ", nameLatin: "Ywa village" }, [host.id]);
  const visit = makeVisit(edition.id, site.id, { title: "Inle week", arrivalOn: "2031-07-05", departureOn: "2031-07-12" });
  visitId = visit.id;
  const { user, app } = await makeParticipant(edition.id);
  applicationId = app.id;
  place(visit.id, app.id, "accepted");
  cookie = await cookieFor(user.id);
  otherCookie = await cookieFor((await makeParticipant(edition.id)).user.id);
  const yangon = db().insert(t.venues).values({ name: "Yangon hall", countryCode: "MM", timeZone: "Asia/Yangon" }).returning().get().id;
  const jayapura = db().insert(t.venues).values({ name: "Jayapura hall", countryCode: "ID", timeZone: "Asia/Jayapura" }).returning().get().id;
  const add = (title: string, venueId: number, zone: string, date: string, over: Partial<typeof t.trainingSessions.$inferInsert> = {}) =>
    makeTraining(edition.id, {
      visitId: visit.id,
      title,
      type: "lecture",
      venueId,
      ...localSlot(date, "09:00", 90, zone),
      audience: "visit",
      status: "scheduled",
      deliveryLanguage: "my",
      updatedAt: "2031-06-01T00:00:00.000Z",
      ...over,
    });
  add("Lake farming — ကန်", yangon, "Asia/Yangon", "2031-07-06");
  add("Papua forests", jayapura, "Asia/Jayapura", "2031-07-07", { visitId: null, audience: "edition" });
  add("Cancelled boat trip", yangon, "Asia/Yangon", "2031-07-08", { status: "cancelled" });
  add("Draft idea", yangon, "Asia/Yangon", "2031-07-09", { status: "draft" });
});

/** Makes a new feed URL through the page (the only answer that shows it). */
async function newFeedUrl(c = cookie, pageUrl = "/me/itinerary"): Promise<string> {
  const res = await call(itinerary.action, pageUrl, { cookie: c, form: { intent: "rotateFeed", applicationId: String(applicationId) } });
  expect(res.status).toBe(200);
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  return (await res.json()).newFeed.url as string;
}
const itineraryData = async () => (await call(itinerary.loader, "/me/itinerary", { cookie })).json();
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const tokenOf = (url: string) => /\/feeds\/([^/]+)\.ics$/.exec(url)![1];
const getFeed = (token: string) => call(feedRoute.loader, `/feeds/${token}.ics`, { params: { token } });

function events(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  // Resolve TZIDs from the feed's own VTIMEZONEs (what a calendar client does).
  for (const vtz of comp.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  return comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("participant feed", () => {
  it("serves text/calendar with the sessions at the right instants", async () => {
    const url = await newFeedUrl();
    expect(url.startsWith(`${getEnv().appUrl}/feeds/`)).toBe(true);
    expect(url).toMatch(/\/feeds\/[A-Za-z0-9_-]{32}\.ics$/);
    const res = await getFeed(tokenOf(url));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const body = await res.text();
    const ev = events(body);
    const by = (s: string) => ev.find((e) => e.summary === s)!;
    expect(by("Lake farming — ကန်").startDate.toJSDate().toISOString()).toBe("2031-07-06T02:30:00.000Z");
    expect(by("Lake farming — ကန်").startDate.zone.tzid).toBe("Asia/Yangon");
    expect(by("Papua forests").startDate.toJSDate().toISOString()).toBe("2031-07-07T00:00:00.000Z");
    expect(body).toMatch(/DTSTART;TZID=Asia\/Yangon:20310706T090000/);
    expect(body).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Asia\/Jayapura/);
    // Arrival and departure as all-day dates; the cancelled session stays, as CANCELLED; drafts never.
    expect(body).toContain("DTSTART;VALUE=DATE:20310705");
    expect(body).toContain("DTSTART;VALUE=DATE:20310712");
    const cancelled = by("Cancelled boat trip");
    expect(cancelled.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(ev.find((e) => e.summary === "Draft idea")).toBeUndefined();
    expect(ev.map((e) => e.uid)).toContain(`arrival-${visitId}@vlx`);
  });

  it("the URL is shown once: the page then only says since when it is live; a new one makes the old one 404", async () => {
    const first = await newFeedUrl();
    const page = await itineraryData();
    expect(page.plans[0].feed).toMatchObject({ active: true });
    expect(JSON.stringify(page)).not.toContain(tokenOf(first));
    const second = await newFeedUrl();
    expect(second).not.toBe(first);
    expect((await getFeed(tokenOf(first))).status).toBe(404);
    expect((await getFeed(tokenOf(second))).status).toBe(200);
  });

  it("stores only the SHA-256 of the token", async () => {
    const token = tokenOf(await newFeedUrl());
    const rows = db().select().from(t.calendarFeedTokens).all();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.some((r) => r.tokenHash === sha256(token) && r.revokedAt === null)).toBe(true);
    expect(rows.every((r) => r.token === null)).toBe(true);
  });

  it("builds the URL from APP_URL, not from the Host the request named", async () => {
    const url = await newFeedUrl(cookie, "http://evil.example/me/itinerary");
    expect(url.startsWith(`${getEnv().appUrl}/feeds/`)).toBe(true);
    expect(url).not.toContain("evil.example");
  });

  it("a token stored in clear before the migration is hashed at start and keeps working", async () => {
    const legacy = "legacy_feed_token_made_before_0007";
    db().$client.prepare("INSERT INTO calendar_feed_tokens (token, kind, visit_id) VALUES (?, 'visit', ?)").run(legacy, visitId);
    expect(hashLegacyFeedTokens(db().$client)).toBe(1);
    const row = db()
      .select()
      .from(t.calendarFeedTokens)
      .where(eq(t.calendarFeedTokens.tokenHash, sha256(legacy)))
      .get()!;
    expect(row.token).toBeNull();
    expect((await getFeed(legacy)).status).toBe(200);
    expect(hashLegacyFeedTokens(db().$client)).toBe(0);
    db().update(t.calendarFeedTokens).set({ revokedAt: new Date().toISOString() }).where(eq(t.calendarFeedTokens.id, row.id)).run();
  });

  it("nobody can revoke or read another participant's feed; unknown tokens are 404", async () => {
    const res = await call(itinerary.action, "/me/itinerary", { cookie: otherCookie, form: { intent: "rotateFeed", applicationId: String(applicationId) } });
    expect(res.status).toBe(404);
    expect((await getFeed("not-a-token")).status).toBe(404);
    expect((await getFeed("A".repeat(32))).status).toBe(404);
  });

  it("is byte-identical under TZ=UTC, Asia/Tokyo and America/Los_Angeles", async () => {
    const token = tokenOf(await newFeedUrl());
    const run = promisify(execFile);
    const outs = await Promise.all(
      ["UTC", "Asia/Tokyo", "America/Los_Angeles"].map((TZ) =>
        run(process.execPath, ["--import", "tsx", path.resolve("tests/integration/feed-print.ts"), token], {
          env: { ...process.env, TZ, DATABASE_PATH: process.env.DATABASE_PATH! },
          maxBuffer: 10 * 1024 * 1024,
        }).then((r) => r.stdout),
      ),
    );
    expect(outs[0]).toContain("BEGIN:VCALENDAR");
    expect(outs[1]).toBe(outs[0]);
    expect(outs[2]).toBe(outs[0]);
    expect(outs[0]).toBe(await (await getFeed(token)).text());
  });
});

describe("visit feed", () => {
  it("the host gets the visit's feed with every published session, and can revoke it", async () => {
    const res = await call(hostRoute.loader, `/host/visits/${visitId}/trainings`, { cookie: hostCookie, params: { visitId: String(visitId) } });
    expect((await res.json()).feed).toEqual({ active: false, since: null });
    const made = await call(hostRoute.action, `/host/visits/${visitId}/trainings`, {
      cookie: hostCookie,
      params: { visitId: String(visitId) },
      form: { intent: "rotateFeed" },
    });
    const url = (await made.json()).newFeed as string;
    expect(url.startsWith(`${getEnv().appUrl}/feeds/`)).toBe(true);
    const token = tokenOf(url);
    const after = await (
      await call(hostRoute.loader, `/host/visits/${visitId}/trainings`, { cookie: hostCookie, params: { visitId: String(visitId) } })
    ).json();
    expect(after.feed.active).toBe(true);
    expect(JSON.stringify(after)).not.toContain(token);
    const body = await (await getFeed(token)).text();
    expect(
      events(body)
        .map((e) => e.summary)
        .sort(),
    ).toEqual(["Arrival: Inle week", "Cancelled boat trip", "Departure: Inle week", "Lake farming — ကန်"]);
    await call(hostRoute.action, `/host/visits/${visitId}/trainings`, {
      cookie: hostCookie,
      params: { visitId: String(visitId) },
      form: { intent: "rotateFeed" },
    });
    expect((await getFeed(token)).status).toBe(404);
    // A participant cannot open the host page of the visit.
    expect((await call(hostRoute.loader, `/host/visits/${visitId}/trainings`, { cookie, params: { visitId: String(visitId) } })).status).toBe(404);
  });
});

describe("the feed's language (issue 11)", () => {
  it("a Khmer participant's feed has the Khmer edition name, visit and session titles and fixed words, each text marked LANGUAGE", async () => {
    const edition = makeEdition({ name: "Exchange 2031", translations: { name: { km: "ការផ្លាស់ប្ដូរ ២០៣១" } } });
    const site = makeSite({ countryCode: "TH", name: "บ้านนาต้นจั่น", nameLatin: "Ban Na Ton Chan" });
    const visit = makeVisit(edition.id, site.id, { title: "Homestay week", translations: { title: { km: "សប្ដាហ៍ស្នាក់នៅផ្ទះអ្នកភូមិ" } } });
    const venue = db().insert(t.venues).values({ name: "Village hall", countryCode: "TH", timeZone: "Asia/Bangkok" }).returning().get().id;
    const session = (title: string, date: string, translations: Record<string, Record<string, string>>) =>
      makeTraining(edition.id, {
        visitId: visit.id,
        title,
        description: "Bring boots.",
        translations,
        type: "workshop",
        venueId: venue,
        ...localSlot(date, "09:00", 120, "Asia/Bangkok"),
        audience: "visit",
        status: "scheduled",
        deliveryLanguage: "th",
        updatedAt: "2031-06-01T00:00:00.000Z",
      });
    session("Seed saving", "2031-07-06", { title: { km: "ការរក្សាទុកគ្រាប់ពូជ" }, description: { km: "យកស្បែកជើងកវែងមក។" } });
    // No Khmer title: the Khmer reader gets the English one, marked LANGUAGE=en.
    session("Rice terraces walk", "2031-07-07", {});
    const feedOf = async (locale: string) => {
      const { user, app } = await makeParticipant(edition.id);
      db().update(t.users).set({ locale }).where(eq(t.users.id, user.id)).run();
      place(visit.id, app.id, "accepted");
      const c = await cookieFor(user.id);
      const res = await call(itinerary.action, "/me/itinerary", { cookie: c, form: { intent: "rotateFeed", applicationId: String(app.id) } });
      const token = tokenOf((await res.json()).newFeed.url as string);
      return (await getFeed(token)).text();
    };

    const km = await feedOf("km");
    const comp = new ICAL.Component(ICAL.parse(km));
    expect(comp.getFirstPropertyValue("x-wr-calname")).toContain("ការផ្លាស់ប្ដូរ ២០៣១");
    const ev = events(km);
    const seed = ev.find((e) => e.summary === "ការរក្សាទុកគ្រាប់ពូជ")!;
    expect(seed.component.getFirstProperty("summary")!.getParameter("language")).toBe("km");
    expect(seed.description).toContain("យកស្បែកជើងកវែងមក។");
    expect(seed.description).toContain("ភាសា៖ ");
    expect(seed.description).not.toContain("Language:");
    expect(seed.component.getFirstProperty("description")!.getParameter("language")).toBe("km");
    const walk = ev.find((e) => e.summary === "Rice terraces walk")!;
    expect(walk.component.getFirstProperty("summary")!.getParameter("language")).toBe("en");
    const arrival = ev.find((e) => e.uid.startsWith("arrival-"))!;
    expect(arrival.summary).toBe("ថ្ងៃមកដល់៖ សប្ដាហ៍ស្នាក់នៅផ្ទះអ្នកភូមិ");
    expect(arrival.component.getFirstProperty("summary")!.getParameter("language")).toBe("km");
    // The site's Latin name for a Khmer reader (no Khmer name given), marked as such.
    expect(arrival.location).toContain("Ban Na Ton Chan");
    expect(arrival.component.getFirstProperty("location")!.getParameter("language")).toBe("en");
    // A venue's name has no known language: no parameter rather than a wrong one.
    expect(seed.component.getFirstProperty("location")!.getParameter("language")).toBeFalsy();
    // Lines stay folded within 75 octets after the parameters were added.
    for (const line of km.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);

    const en = await feedOf("en");
    const enEvents = events(en);
    expect(enEvents.map((e) => e.summary)).toContain("Seed saving");
    expect(enEvents.find((e) => e.uid.startsWith("arrival-"))!.summary).toBe("Arrival: Homestay week");
    expect(enEvents.find((e) => e.summary === "Seed saving")!.description).toContain("Language: Thai");
    expect(new ICAL.Component(ICAL.parse(en)).getFirstPropertyValue("x-wr-calname")).toContain("Exchange 2031");
    expect(en).not.toMatch(/[\u1780-\u17FF]/);
  });
});
