// Stage timing of the evaluation: windows from the visit's dates, read in the visit's zone.
import { describe, expect, it } from "vitest";
import { addMonths, closingSoon, parseFollowUpMonths, stageStateAt, stageWindow, windowState } from "~/domain/evaluation/timing";

const stay = { arrivalOn: "2027-03-18", departureOn: "2027-03-22", timeZone: "Asia/Shanghai" };

describe("evaluation stage timing", () => {
  it("opens the end-of-visit survey on the departure date in the visit's zone (already the 22nd in Shanghai at 16:30Z on the 21st)", () => {
    const at = stageStateAt("end_of_visit", stay, 0, new Date("2027-03-21T16:30:00Z"));
    expect(at.today).toBe("2027-03-22");
    expect(at.state).toBe("open");
    // One minute before local midnight it is still the 21st there: not open yet.
    expect(stageStateAt("end_of_visit", stay, 0, new Date("2027-03-21T15:59:00Z")).state).toBe("not_open");
    // The same instant in Yangon (UTC+06:30) is 23:00 on the 21st: a visit there has not departed yet.
    expect(stageStateAt("end_of_visit", { ...stay, timeZone: "Asia/Yangon" }, 0, new Date("2027-03-21T16:30:00Z")).state).toBe("not_open");
    expect(stageStateAt("end_of_visit", { ...stay, timeZone: "Asia/Yangon" }, 0, new Date("2027-03-21T17:30:00Z")).state).toBe("open");
  });

  it("places each stage: baseline before arrival, pulses during the visit, follow-ups months after departure", () => {
    expect(stageWindow("baseline", stay)).toEqual({ opensOn: "2027-02-18", closesOn: "2027-03-18" });
    expect(stageWindow("pulse", stay)).toEqual({ opensOn: "2027-03-18", closesOn: "2027-03-22" });
    expect(stageWindow("end_of_visit", stay)).toEqual({ opensOn: "2027-03-22", closesOn: "2027-04-05" });
    expect(stageWindow("follow_up", stay, 3)).toEqual({ opensOn: "2027-06-22", closesOn: "2027-07-22" });
    expect(stageWindow("follow_up", stay, 12).opensOn).toBe("2028-03-22");
    const w = stageWindow("end_of_visit", stay);
    expect(windowState(w, "2027-03-21")).toBe("not_open");
    expect(windowState(w, "2027-04-05")).toBe("open");
    expect(windowState(w, "2027-04-06")).toBe("closed");
  });

  it("adds calendar months without a Date at UTC midnight, clamping to the month's end", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2027-11-30", 3)).toBe("2028-02-29");
    expect(addMonths("2027-12-15", 12)).toBe("2028-12-15");
  });

  it("says when a stage is closing soon (three days before it closes)", () => {
    const w = { opensOn: "2027-03-22", closesOn: "2027-04-05" };
    expect(closingSoon(w, "2027-04-01")).toBe(false);
    expect(closingSoon(w, "2027-04-02")).toBe(true);
    expect(closingSoon(w, "2027-04-05")).toBe(true);
    expect(closingSoon(w, "2027-04-06")).toBe(false);
  });

  it("parses follow-up months", () => {
    expect(parseFollowUpMonths("3, 6, 12")).toEqual([3, 6, 12]);
    expect(parseFollowUpMonths("12 6 6")).toEqual([6, 12]);
    expect(parseFollowUpMonths("3, x")).toBeNull();
    expect(parseFollowUpMonths("0")).toBeNull();
  });
});
