import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  eachLocalDate,
  formatForViewer,
  formatInstant,
  formatInterval,
  isoWeekday,
  localDateOf,
  localToUtc,
  ScheduleInputError,
  utcToLocal,
  zoneLabel,
} from "~/domain/training";

function errorOf(f: () => unknown): [string, string] | null {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ScheduleInputError);
    return [(e as ScheduleInputError).field, (e as ScheduleInputError).code];
  }
  return null;
}

describe("local time ↔ UTC (IANA tz database)", () => {
  it("converts venue-local times of member-country zones", () => {
    expect(localToUtc("2027-03-10", "09:00", "Asia/Yangon")).toBe("2027-03-10T02:30:00.000Z");
    expect(localToUtc("2027-03-10", "09:00", "Asia/Jayapura")).toBe("2027-03-10T00:00:00.000Z");
    expect(localToUtc("2027-03-10", "09:00", "Asia/Jakarta")).toBe("2027-03-10T02:00:00.000Z");
    expect(localToUtc("2027-03-10", "09:00", "Asia/Shanghai")).toBe("2027-03-10T01:00:00.000Z");
    // 06:00 in Tokyo is the previous UTC day
    expect(localToUtc("2027-03-10", "06:00", "Asia/Tokyo")).toBe("2027-03-09T21:00:00.000Z");
  });

  it("converts back, including across the UTC date line", () => {
    expect(utcToLocal("2027-03-09T21:00:00Z", "Asia/Tokyo")).toEqual({ date: "2027-03-10", time: "06:00" });
    expect(utcToLocal("2027-03-10T02:30:00.000Z", "Asia/Yangon")).toEqual({ date: "2027-03-10", time: "09:00" });
    expect(localDateOf("2027-03-09T17:30:00Z", "Asia/Yangon")).toBe("2027-03-10");
  });

  it("rejects wall times that do not exist (DST gap) and resolves or rejects folds", () => {
    expect(errorOf(() => localToUtc("2027-03-14", "02:30", "America/New_York"))).toEqual(["time", "nonexistent_local_time"]);
    expect(errorOf(() => localToUtc("2027-03-28", "02:15", "Europe/Berlin"))).toEqual(["time", "nonexistent_local_time"]);
    expect(localToUtc("2027-11-07", "01:30", "America/New_York")).toBe("2027-11-07T05:30:00.000Z");
    expect(localToUtc("2027-11-07", "01:30", "America/New_York", { ambiguous: "later" })).toBe("2027-11-07T06:30:00.000Z");
    expect(errorOf(() => localToUtc("2027-11-07", "01:30", "America/New_York", { ambiguous: "reject" }))).toEqual(["time", "ambiguous_local_time"]);
    // Samoa skipped 30 Dec 2011 entirely
    expect(errorOf(() => localToUtc("2011-12-30", "12:00", "Pacific/Apia"))).toEqual(["time", "nonexistent_local_time"]);
  });

  it("rejects unknown zones, malformed dates and times, and offset-less instants", () => {
    expect(errorOf(() => localToUtc("2027-03-10", "09:00", "Asia/Atlantis"))).toEqual(["timeZone", "unknown_time_zone"]);
    expect(errorOf(() => localToUtc("2027-03-10", "09:00", "+07:00"))).toEqual(["timeZone", "unknown_time_zone"]);
    expect(errorOf(() => localToUtc("2027-02-29", "09:00", "UTC"))).toEqual(["date", "invalid_date"]);
    expect(errorOf(() => localToUtc("10/03/2027", "09:00", "UTC"))).toEqual(["date", "invalid_date"]);
    expect(errorOf(() => localToUtc("2027-03-10", "24:00", "UTC"))).toEqual(["time", "invalid_time"]);
    expect(errorOf(() => localToUtc("2027-03-10", "9:00", "UTC"))).toEqual(["time", "invalid_time"]);
    expect(errorOf(() => utcToLocal("2027-03-10T09:00:00", "UTC"))).toEqual(["instant", "invalid_instant"]);
  });

  it("does date-only arithmetic on YYYY-MM-DD text", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(daysBetween("2027-03-10", "2027-03-17")).toBe(7);
    expect(eachLocalDate("2027-03-30", "2027-04-02")).toEqual(["2027-03-30", "2027-03-31", "2027-04-01", "2027-04-02"]);
    expect(isoWeekday("2027-03-10")).toBe(3); // Wednesday
    expect(isoWeekday("2027-03-14")).toBe(7);
  });
});

describe("display with the zone's name", () => {
  it("shows the venue time with its zone name, short or long", () => {
    expect(formatInstant("2027-03-10T02:30:00Z", "Asia/Yangon")).toMatch(/10 Mar 2027, 09:00 GMT\+6:30$/);
    expect(zoneLabel("2027-03-10T02:30:00Z", "Asia/Yangon", { zoneName: "long" })).toMatch(/Myanmar/);
    expect(formatInstant("2027-03-10T00:00:00Z", "Asia/Jayapura")).toMatch(/09:00 GMT\+9$/);
  });

  it("formats an interval, with both dates when it crosses midnight", () => {
    expect(formatInterval("2027-03-10T02:30:00Z", "2027-03-10T04:00:00Z", "Asia/Yangon")).toMatch(/10 Mar 2027, 09:00–10:30 GMT\+6:30$/);
    expect(formatInterval("2027-03-10T15:30:00Z", "2027-03-10T18:30:00Z", "Asia/Yangon")).toMatch(/10 Mar 2027, 22:00 – .*11 Mar 2027, 01:00 GMT\+6:30$/);
  });

  it("adds the viewer's zone only where its offset differs", () => {
    const s = "2027-03-10T02:30:00Z";
    const e = "2027-03-10T04:30:00Z";
    expect(formatForViewer(s, e, "Asia/Yangon", "Asia/Yangon").viewer).toBeNull();
    expect(formatForViewer(s, e, "Asia/Bangkok", "Asia/Jakarta").viewer).toBeNull(); // both UTC+7
    expect(formatForViewer(s, e, "Asia/Yangon", "Asia/Tokyo").viewer).toMatch(/11:30–13:30 GMT\+9$/);
    expect(errorOf(() => formatForViewer(s, e, "Asia/Yangon", "Nowhere/City"))).toEqual(["viewerZone", "unknown_time_zone"]);
  });
});
