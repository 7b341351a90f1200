// Which mark wins when devices disagree (issue 14): the later device time, clamped to the receive time.
import { describe, expect, it } from "vitest";
import { incomingMarkWins, markTime } from "~/domain/attendance-marks";

describe("markTime", () => {
  const received = "2031-07-06T03:00:00.000Z";
  it("is the device time, normalised to UTC", () => {
    expect(markTime("2031-07-06T09:40:00+07:00", received)).toBe("2031-07-06T02:40:00.000Z");
  });
  it("is never later than the receive time", () => {
    expect(markTime("2031-07-07T00:00:00.000Z", received)).toBe(received);
  });
  it("falls back to the receive time without a readable device time", () => {
    expect(markTime(undefined, received)).toBe(received);
    expect(markTime(null, received)).toBe(received);
    expect(markTime("yesterday", received)).toBe(received);
  });
});

describe("incomingMarkWins", () => {
  it("the later device time wins; a tie goes to the mark arriving later; a first mark always counts", () => {
    expect(incomingMarkWins("2031-07-06T02:25:00.000Z", "2031-07-06T02:10:00.000Z")).toBe(false);
    expect(incomingMarkWins("2031-07-06T02:10:00.000Z", "2031-07-06T02:25:00.000Z")).toBe(true);
    expect(incomingMarkWins("2031-07-06T02:10:00.000Z", "2031-07-06T02:10:00.000Z")).toBe(true);
    expect(incomingMarkWins(null, "2031-07-06T02:10:00.000Z")).toBe(true);
  });
});
