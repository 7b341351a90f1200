import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildICalendarFeed, buildParticipantFeed, buildVisitFeed, buildVtimezone, ScheduleInputError, type FeedItem } from "~/domain/training";
import { BURMESE, CJK, KHMER, THAI, sampleItems } from "./feed-sample";

const feed = buildICalendarFeed(sampleItems, { name: "VLX – sample; test, feed", description: "Line 1\nLine 2" });

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const vtz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtz);
  const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return { cal, events, byUid: new Map(events.map((e) => [e.uid, e])) };
}

const utcIso = (t: ICAL.Time) => new Date(t.toUnixTime() * 1000).toISOString();

function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, "");
}

describe("iCalendar feed (RFC 5545) read back with ical.js", () => {
  const { cal, events, byUid } = parse(feed);

  it("has stable UIDs from the record ids and omits drafts", () => {
    expect(events.map((e) => e.uid)).toEqual(["arrival-42@vlx", "training-123@vlx", "training-124@vlx", "training-125@vlx", "visit-7@vlx", "departure-42@vlx"]);
    expect(feed).not.toContain("Draft, not published");
    expect(buildICalendarFeed(sampleItems, { name: "VLX – sample; test, feed", description: "Line 1\nLine 2" })).toBe(feed);
  });

  it("writes timed trainings with TZID and a matching VTIMEZONE that resolve to the right instants", () => {
    const yangon = byUid.get("training-123@vlx")!;
    expect(feed).toContain("DTSTART;TZID=Asia/Yangon:20270310T090000\r\n");
    expect(yangon.startDate.zone?.tzid).toBe("Asia/Yangon");
    expect(utcIso(yangon.startDate)).toBe("2027-03-10T02:30:00.000Z");
    expect(utcIso(yangon.endDate)).toBe("2027-03-10T04:30:00.000Z");
    const jayapura = byUid.get("training-124@vlx")!;
    expect(feed).toContain("DTSTART;TZID=Asia/Jayapura:20270311T090000\r\n");
    expect(utcIso(jayapura.startDate)).toBe("2027-03-11T00:00:00.000Z");
    const night = byUid.get("training-125@vlx")!;
    expect(utcIso(night.endDate)).toBe("2027-03-11T18:00:00.000Z");
    expect(night.endDate.day).toBe(12); // wall clock 01:00 on the next day
    const tzids = cal.getAllSubcomponents("vtimezone").map((v) => v.getFirstPropertyValue("tzid"));
    expect(tzids.sort()).toEqual(["Asia/Bangkok", "Asia/Jayapura", "Asia/Yangon"]);
  });

  it("can write every time in UTC instead", () => {
    const utc = buildICalendarFeed(sampleItems, { name: "x", timeMode: "utc" });
    expect(utc).not.toContain("VTIMEZONE");
    expect(utc).toContain("DTSTART:20270310T023000Z\r\n");
    expect(utcIso(parse(utc).byUid.get("training-124@vlx")!.startDate)).toBe("2027-03-11T00:00:00.000Z");
  });

  it("writes all-day items as VALUE=DATE with an exclusive DTEND", () => {
    expect(feed).toContain("UID:arrival-42@vlx\r\nSEQUENCE:");
    const arrival = byUid.get("arrival-42@vlx")!;
    expect(arrival.startDate.isDate).toBe(true);
    expect(arrival.startDate.toString()).toBe("2027-03-09");
    expect(arrival.endDate.toString()).toBe("2027-03-10");
    const stay = byUid.get("visit-7@vlx")!;
    expect([stay.startDate.toString(), stay.endDate.toString()]).toEqual(["2027-03-13", "2027-03-16"]);
    expect(feed).toMatch(/DTSTART;VALUE=DATE:20270313\r\nDTEND;VALUE=DATE:20270316\r\n/);
  });

  it("marks cancelled trainings, carries location, description and URL, SEQUENCE and LAST-MODIFIED", () => {
    const cancelled = byUid.get("training-124@vlx")!;
    expect(cancelled.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(byUid.get("training-123@vlx")!.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(cancelled.component.getFirstPropertyValue("url")).toBe("https://meet.example.org/vlx/124?lang=en&x=1");
    const yangon = byUid.get("training-123@vlx")!;
    expect(yangon.location).toBe(`Village hall, Kalaw; ${BURMESE}`);
    expect(yangon.description).toBe(`${BURMESE}\n${KHMER}`);
    expect(yangon.sequence).toBe((Date.parse("2027-02-01T08:15:30Z") - Date.UTC(2020, 0, 1)) / 1000);
    expect(utcIso(yangon.component.getFirstPropertyValue("last-modified") as ICAL.Time)).toBe("2027-02-01T08:15:30.000Z");
    expect(utcIso(yangon.component.getFirstPropertyValue("dtstamp") as ICAL.Time)).toBe("2027-02-01T08:15:30.000Z");
    expect(byUid.get("training-125@vlx")!.sequence).toBe(4);
    // an edit later in time gets a higher SEQUENCE under the same UID
    const edited = buildICalendarFeed([{ ...sampleItems[0], updatedAt: "2027-02-01T08:15:31Z" }], { name: "x" });
    expect(parse(edited).events[0].sequence).toBe(yangon.sequence + 1);
    expect(parse(edited).events[0].uid).toBe("training-123@vlx");
  });

  it("escapes the calendar name and description (ical-generator writes them raw)", () => {
    expect(feed).toContain("X-WR-CALNAME:VLX – sample\\; test\\, feed\r\n");
    expect(feed).toContain("X-WR-CALDESC:Line 1\\nLine 2\r\n");
    // ical.js leaves unknown X- properties escaped, so read the raw value
    expect(String(cal.getFirstPropertyValue("x-wr-calname"))).toBe("VLX – sample\\; test\\, feed");
    const nasty = buildICalendarFeed([], { name: "a\r\nBEGIN:VEVENT\r\nUID:evil" });
    expect(nasty).not.toMatch(/^BEGIN:VEVENT/m);
  });

  it("folds lines at 75 octets without splitting a character, and unfolding restores the text", () => {
    expect(feed.endsWith("END:VCALENDAR")).toBe(true);
    const lines = feed.split("\r\n");
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    for (const line of lines) {
      const bytes = Buffer.from(line, "utf8");
      expect(bytes.length).toBeLessThanOrEqual(75);
      // a split surrogate pair would not survive the UTF-8 round trip
      expect(bytes.toString("utf8")).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(line).not.toMatch(/[\r\n]/);
    }
    const unfolded = unfold(feed);
    expect(unfolded).toContain(`SUMMARY:${THAI}\r\n`);
    expect(unfolded).toContain(`SUMMARY:${CJK}\r\n`);
    expect(unfolded).toContain(`DESCRIPTION:${BURMESE}\\n${KHMER}\r\n`);
    expect(unfolded).toContain(`SUMMARY:Arrival: ${KHMER}\r\n`);
    expect(byUid.get("training-123@vlx")!.summary).toBe(THAI);
    expect(byUid.get("training-124@vlx")!.summary).toBe(CJK);
  });

  it("folds 4-byte characters right at the boundary", () => {
    for (let pad = 0; pad < 8; pad++) {
      const title = "x".repeat(pad) + "𠀋".repeat(40);
      const text = buildICalendarFeed([{ ...sampleItems[0], title, location: null, description: null }], { name: "x" });
      for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(parse(text).events[0].summary).toBe(title);
    }
  });

  it("names participant and visit feeds", () => {
    expect(buildParticipantFeed({ participantName: "Nguyễn Thị Ánh", items: [] })).toContain("X-WR-CALNAME:VLX – Nguyễn Thị Ánh\r\n");
    expect(buildVisitFeed({ visitTitle: "Mengla, Xishuangbanna", items: [] })).toContain("X-WR-CALNAME:VLX – Mengla\\, Xishuangbanna\r\n");
  });

  it("refuses bad items with typed errors", () => {
    const err = (items: FeedItem[]) => {
      try {
        buildICalendarFeed(items, { name: "x" });
      } catch (e) {
        expect(e).toBeInstanceOf(ScheduleInputError);
        return [(e as ScheduleInputError).field, (e as ScheduleInputError).code];
      }
      return null;
    };
    const t = sampleItems[0] as Extract<FeedItem, { kind: "training" }>;
    expect(err([{ ...t, end: t.start }])).toEqual(["items[0].end", "invalid_range"]);
    expect(err([{ ...t, venueZone: "Asia/Nowhere" }])).toEqual(["items[0].venueZone", "unknown_time_zone"]);
    expect(err([{ ...t, id: "a b" }])).toEqual(["items[0].id", "invalid_item"]);
    expect(err([t, t])).toEqual(["items", "invalid_item"]);
    expect(err([{ kind: "all-day", uidKind: "arrival", id: 1, title: "x", date: "2027-02-30", updatedAt: t.updatedAt }])).toEqual([
      "items[0].date",
      "invalid_date",
    ]);
  });
});

describe("VTIMEZONE from the tz database", () => {
  it("writes DST transitions that ical.js applies (general zones, not only the 13 members)", () => {
    const vtz = buildVtimezone("America/New_York", Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1));
    expect(vtz).toContain("BEGIN:DAYLIGHT\r\nDTSTART:20270314T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400");
    expect(vtz).toContain("BEGIN:STANDARD\r\nDTSTART:20271107T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500");
    const text = buildICalendarFeed(
      [
        {
          kind: "training",
          id: 1,
          title: "summer",
          start: "2027-07-01T13:00:00Z",
          end: "2027-07-01T14:00:00Z",
          venueZone: "America/New_York",
          status: "scheduled",
          updatedAt: "2027-01-01T00:00:00Z",
        },
        {
          kind: "training",
          id: 2,
          title: "winter",
          start: "2027-12-01T14:00:00Z",
          end: "2027-12-01T15:00:00Z",
          venueZone: "America/New_York",
          status: "scheduled",
          updatedAt: "2027-01-01T00:00:00Z",
        },
      ],
      { name: "x" },
    );
    expect(text).toContain("DTSTART;TZID=America/New_York:20270701T090000");
    expect(text).toContain("DTSTART;TZID=America/New_York:20271201T090000");
    const { byUid } = parse(text);
    expect(utcIso(byUid.get("training-1@vlx")!.startDate)).toBe("2027-07-01T13:00:00.000Z");
    expect(utcIso(byUid.get("training-2@vlx")!.startDate)).toBe("2027-12-01T14:00:00.000Z");
  });

  it("records historic offset changes of member zones (Singapore moved to UTC+8 in 1982)", () => {
    const vtz = buildVtimezone("Asia/Singapore", Date.UTC(1981, 0, 1), Date.UTC(1983, 0, 1));
    // the onset is written in the wall time of the offset before it: 1 Jan 1982 00:00 (+08) = 31 Dec 23:30 (+0730)
    expect(vtz).toContain("BEGIN:STANDARD\r\nDTSTART:19811231T233000\r\nTZOFFSETFROM:+0730\r\nTZOFFSETTO:+0800");
    const text = buildICalendarFeed(
      [
        {
          kind: "training",
          id: 1,
          title: "t",
          start: "1982-01-01T01:00:00Z",
          end: "1982-01-01T02:00:00Z",
          venueZone: "Asia/Singapore",
          status: "held",
          updatedAt: "1982-01-01T00:00:00Z",
        },
      ],
      { name: "x" },
    );
    expect(text).toContain("DTSTART;TZID=Asia/Singapore:19820101T090000");
    expect(utcIso(parse(text).events[0].startDate)).toBe("1982-01-01T01:00:00.000Z");
  });
});

describe("byte-identical output whatever the process TZ", () => {
  it("is the same under TZ=UTC, Asia/Tokyo and America/Los_Angeles", async () => {
    const run = promisify(execFile);
    const root = path.resolve(__dirname, "../../..");
    const script = path.join("tests", "unit", "training", "feed-fixture.ts");
    const outputs = await Promise.all(
      ["UTC", "Asia/Tokyo", "America/Los_Angeles"].map(async (TZ) => {
        const { stdout } = await run("npx", ["tsx", script], { cwd: root, env: { ...process.env, TZ }, maxBuffer: 10 * 1024 * 1024 });
        return stdout;
      }),
    );
    expect(outputs[0]).toContain("BEGIN:VCALENDAR");
    // and the same as this process builds (whatever TZ vitest runs in)
    expect(outputs[0].split("\n=====\n")[0]).toBe(buildICalendarFeed(sampleItems, { name: "VLX – sample; test, feed" }));
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  }, 300_000);
});

describe("text languages (RFC 5545 §3.2.10 LANGUAGE, issue 11)", () => {
  const items: FeedItem[] = [
    {
      kind: "training",
      id: 1,
      title: KHMER,
      start: "2027-03-10T02:00:00.000Z",
      end: "2027-03-10T03:00:00.000Z",
      venueZone: "Asia/Phnom_Penh",
      status: "scheduled",
      updatedAt: "2027-01-01T00:00:00.000Z",
      location: "Hall",
      description: `${KHMER} ${KHMER}`,
      lang: { summary: "km", location: "" },
    },
    { kind: "all-day", uidKind: "arrival", id: 2, title: "Arrival", date: "2027-03-09", updatedAt: "2027-01-01T00:00:00.000Z", lang: { summary: "en; X=1" } },
  ];
  const text = buildICalendarFeed(items, { name: "x", language: "th" });
  const { byUid } = parse(text);
  const param = (uid: string, prop: string) => byUid.get(uid)!.component.getFirstProperty(prop)?.getParameter("language");

  it("marks each text with its own language, else the feed's; none for an unknown ('') or malformed tag", () => {
    expect(param("training-1@vlx", "summary")).toBe("km");
    expect(param("training-1@vlx", "description")).toBe("th");
    expect(param("training-1@vlx", "location")).toBeFalsy();
    expect(param("arrival-2@vlx", "summary")).toBeFalsy();
    expect(text).not.toContain("X=1");
    expect(byUid.get("training-1@vlx")!.summary).toBe(KHMER);
    expect(byUid.get("training-1@vlx")!.description).toBe(`${KHMER} ${KHMER}`);
  });

  it("keeps every line within 75 octets, and the same input gives the same bytes", () => {
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(buildICalendarFeed(items, { name: "x", language: "th" })).toBe(text);
  });

  it("writes no LANGUAGE parameter when neither the feed nor the items give one (the bytes as before)", () => {
    expect(feed).not.toContain("LANGUAGE=");
  });
});
