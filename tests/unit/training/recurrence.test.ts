// Issue 15, item 8: the local days of a repeating session, from the rrule library.
import { describe, expect, it } from "vitest";
import { MAX_OCCURRENCES, occurrenceDates, parseRecurrence, recurrenceText } from "~/domain/training/recurrence";

describe("recurrence", () => {
  it("every day from the start day to the last day, inclusive", () => {
    expect(occurrenceDates({ start: "2031-03-30", until: "2031-04-02", repeat: "daily" })).toEqual(["2031-03-30", "2031-03-31", "2031-04-01", "2031-04-02"]);
  });

  it("on chosen weekdays only (2031-03-03 is a Monday)", () => {
    expect(occurrenceDates({ start: "2031-03-03", until: "2031-03-14", repeat: "weekly", weekdays: ["MO", "WE", "FR"] })).toEqual([
      "2031-03-03",
      "2031-03-05",
      "2031-03-07",
      "2031-03-10",
      "2031-03-12",
      "2031-03-14",
    ]);
    // Starting on a Tuesday with only Mondays chosen: the first day is the next Monday.
    expect(occurrenceDates({ start: "2031-03-04", until: "2031-03-12", repeat: "weekly", weekdays: ["MO"] })).toEqual(["2031-03-10"]);
  });

  it("stops counting past the maximum, and writes the rule as RFC 5545 text", () => {
    expect(occurrenceDates({ start: "2031-01-01", until: "2032-12-31", repeat: "daily" })).toHaveLength(MAX_OCCURRENCES + 1);
    expect(recurrenceText({ start: "2031-03-03", until: "2031-03-14", repeat: "weekly", weekdays: ["MO", "FR"] })).toBe(
      "DTSTART:20310303T000000Z\nRRULE:FREQ=WEEKLY;UNTIL=20310314T000000Z;BYDAY=MO,FR",
    );
  });
});

describe("recurrence by count, and reading a stored rule", () => {
  it("gives the first `count` days", () => {
    expect(occurrenceDates({ start: "2031-03-03", count: 3, repeat: "weekly", weekdays: ["TU", "TH"] })).toEqual(["2031-03-04", "2031-03-06", "2031-03-11"]);
    expect(occurrenceDates({ start: "2031-03-30", count: 2, repeat: "daily" })).toEqual(["2031-03-30", "2031-03-31"]);
  });

  it("reads back the repeat and the weekdays, Monday first", () => {
    expect(parseRecurrence(recurrenceText({ start: "2031-03-03", until: "2031-03-14", repeat: "weekly", weekdays: ["FR", "MO"] }))).toEqual({
      repeat: "weekly",
      weekdays: ["MO", "FR"],
    });
    expect(parseRecurrence(recurrenceText({ start: "2031-03-03", count: 4, repeat: "daily" }))).toEqual({ repeat: "daily", weekdays: [] });
  });
});
