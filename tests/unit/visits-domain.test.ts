import { describe, expect, it } from "vitest";
import { checkBeds, isMonth, languageCover, monthGrid, nightsOverlap, shiftMonth, visitOnDay, weekdayIndex } from "~/domain/visits";
import { holidaysForMonth, publicHolidays } from "~/domain/holidays.server";

const v = (id: number, arrivalOn: string, departureOn: string, capacity: number) => ({ id, title: `V${id}`, arrivalOn, departureOn, capacity });

describe("nights and bed overlap", () => {
  it("touching stays do not overlap (departure day = next arrival day)", () => {
    expect(nightsOverlap(v(1, "2027-07-01", "2027-07-05", 1), v(2, "2027-07-05", "2027-07-09", 1))).toBe(false);
    expect(nightsOverlap(v(1, "2027-07-01", "2027-07-06", 1), v(2, "2027-07-05", "2027-07-09", 1))).toBe(true);
  });

  it("a same-day visit needs no bed", () => {
    expect(checkBeds(v(1, "2027-07-01", "2027-07-01", 50), [], 0).ok).toBe(true);
  });

  it("accepts visits that together fit the beds, refuses when one night needs more", () => {
    const others = [v(1, "2027-07-01", "2027-07-08", 10)];
    expect(checkBeds(v(9, "2027-07-05", "2027-07-10", 10), others, 20)).toEqual({ ok: true, peak: 20 });
    const r = checkBeds(v(9, "2027-07-05", "2027-07-10", 11), others, 20);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.night).toBe("2027-07-05");
      expect(r.peak).toBe(21);
      expect(r.overlapping.map((o) => o.id)).toEqual([1]);
    }
  });

  it("counts the worst night, not the sum of every visit that touches the stay", () => {
    // A (1-5) and B (6-10) never share a night; C (3-9) shares nights with each, one at a time.
    const others = [v(1, "2027-07-01", "2027-07-05", 8), v(2, "2027-07-06", "2027-07-10", 8)];
    expect(checkBeds(v(3, "2027-07-03", "2027-07-09", 8), others, 16).ok).toBe(true);
    const r = checkBeds(v(3, "2027-07-03", "2027-07-09", 9), others, 16);
    expect(r.ok).toBe(false);
  });

  it("ignores the candidate's own earlier version", () => {
    expect(checkBeds(v(1, "2027-07-01", "2027-07-05", 10), [v(1, "2027-07-01", "2027-07-05", 10)], 10).ok).toBe(true);
  });

  it("refuses a single visit above the site's beds", () => {
    const r = checkBeds(v(1, "2027-07-01", "2027-07-03", 12), [], 10);
    expect(r).toMatchObject({ ok: false, night: "2027-07-01", overlapping: [] });
  });
});

describe("month grid", () => {
  it("checks and shifts months", () => {
    expect(isMonth("2027-02")).toBe(true);
    expect(isMonth("2027-13")).toBe(false);
    expect(isMonth("27-02")).toBe(false);
    expect(isMonth(null)).toBe(false);
    expect(shiftMonth("2027-01", -1)).toBe("2026-12");
    expect(shiftMonth("2027-12", 1)).toBe("2028-01");
    expect(shiftMonth("2027-05", 14)).toBe("2028-07");
  });

  it("weeks start on Monday and cover the month", () => {
    expect(weekdayIndex("2027-02-01")).toBe(0); // a Monday
    const feb = monthGrid("2027-02"); // 28 days starting Monday: exactly 4 weeks
    expect(feb).toHaveLength(4);
    expect(feb[0][0]).toEqual({ date: "2027-02-01", inMonth: true });
    expect(feb[3][6]).toEqual({ date: "2027-02-28", inMonth: true });
    const aug = monthGrid("2027-08"); // starts on Sunday: 6 rows
    expect(aug).toHaveLength(6);
    expect(aug[0][0]).toEqual({ date: "2027-07-26", inMonth: false });
    expect(aug[0][6]).toEqual({ date: "2027-08-01", inMonth: true });
    for (const w of aug) expect(w).toHaveLength(7);
  });

  it("leap February", () => {
    const flat = monthGrid("2028-02")
      .flat()
      .filter((d) => d.inMonth);
    expect(flat).toHaveLength(29);
    expect(flat[28].date).toBe("2028-02-29");
  });

  it("a visit is on its arrival and departure days", () => {
    const visit = { arrivalOn: "2027-07-01", departureOn: "2027-07-03" };
    expect(["2027-06-30", "2027-07-01", "2027-07-03", "2027-07-04"].map((d) => visitOnDay(visit, d))).toEqual([false, true, true, false]);
  });
});

describe("public holidays", () => {
  it("takes only public holidays, on the local date of the library's string", () => {
    const vn = publicHolidays("VN", 2027);
    expect(vn.some((h) => h.date === "2027-09-02")).toBe(true); // National Day
    expect(vn.every((h) => /^\d{4}-\d{2}-\d{2}$/.test(h.date))).toBe(true);
    // Tết 2027 starts on 6 February; the holiday block covers several days.
    expect(vn.filter((h) => h.date >= "2027-02-05" && h.date <= "2027-02-10").length).toBeGreaterThanOrEqual(3);
  });

  it("New Year's Day is 1 January in every zone (no UTC shift)", () => {
    for (const c of ["VN", "TH", "CN", "JP", "KR", "ID", "PH"]) {
      expect(
        publicHolidays(c, 2027).some((h) => h.date === "2027-01-01"),
        c,
      ).toBe(true);
    }
  });

  it("keys holidays of a month's grid by date, across a year end", () => {
    const dec = holidaysForMonth("JP", "2027-12");
    expect(Object.keys(dec)).toContain("2028-01-01"); // shown in the last week of the grid
  });

  it("Cambodia, Laos and Myanmar have their official public holidays 2026–2028 from the repo's data (issue 12 item 19)", () => {
    for (const c of ["KH", "LA", "MM"])
      for (const y of [2026, 2027, 2028]) {
        const list = publicHolidays(c, y);
        expect(list.length, `${c} ${y}`).toBeGreaterThanOrEqual(8);
        expect(list.every((h) => h.date.startsWith(`${y}-`))).toBe(true);
      }
    const apr = holidaysForMonth("KH", "2027-04");
    expect(apr["2027-04-14"]).toEqual(["Khmer New Year's Day"]);
    expect(holidaysForMonth("LA", "2027-12")["2027-12-02"]).toEqual(["Lao National Day"]);
    expect(holidaysForMonth("MM", "2027-01")["2027-01-04"]).toEqual(["Independence Day"]);
    // Names in the country's own language when asked.
    expect(holidaysForMonth("KH", "2027-04", "km")["2027-04-14"]![0]).toMatch(/[\u1780-\u17FF]/);
  });

  it("the month's holidays include the organizers' own days, as training scheduling does", () => {
    const extra = [
      { country: "KH", date: "2027-04-20", name: "Royal funeral" },
      { country: "TH", date: "2027-04-21", name: "Not for Cambodia" },
    ];
    const apr = holidaysForMonth("KH", "2027-04", "en", extra);
    expect(apr["2027-04-20"]).toEqual(["Royal funeral"]);
    expect(apr["2027-04-21"]).toBeUndefined();
    expect(holidaysForMonth("VN", "2027-09", "en", [{ country: "VN", date: "2027-09-02", name: "Extra" }])["2027-09-02"]).toContain("Extra");
  });
});

describe("language cover", () => {
  it("lists languages no visit offers and participants with no covered language", () => {
    const people = [
      { id: 1, name: "A", country: "VN", languages: ["vi", "en"] },
      { id: 2, name: "B", country: "LA", languages: ["lo"] },
      { id: 3, name: "C", country: "MM", languages: [] },
      { id: 4, name: "D", country: "TH", languages: ["th", "lo"] },
    ];
    const visits = [
      { languages: ["zh"], interpreterLanguages: ["en", "th"] },
      { languages: ["vi"], interpreterLanguages: [] },
    ];
    const r = languageCover(people, visits);
    expect(r.covered).toEqual(["en", "th", "vi", "zh"]);
    expect(r.uncoveredLanguages).toEqual([{ language: "lo", participants: [people[1], people[3]] }]);
    expect(r.uncoveredParticipants.map((p) => p.id)).toEqual([2, 3]);
  });
});
