import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildScheduleIndex,
  checkConflicts,
  checkConflictsLinear,
  hasBlockingConflict,
  ScheduleInputError,
  type ScheduledTraining,
  type TrainingCandidate,
  type TrainingConflict,
} from "~/domain/training";
import { oracleDoubleBookings, triplesOf } from "./oracle";

const ZONE = "Asia/Yangon"; // UTC+06:30 all year
const existing: ScheduledTraining[] = [
  {
    id: 1,
    title: "Soil health",
    start: "2027-03-10T02:30:00Z",
    end: "2027-03-10T04:30:00Z",
    venueId: "hall-a",
    trainerIds: [10],
    interpreterIds: [20],
    participantIds: [100, 101],
  },
  { id: 2, title: "Cooperatives", start: "2027-03-10T04:30:00Z", end: "2027-03-10T06:30:00Z", venueId: "hall-b", trainerIds: [11], participantIds: [102] },
  { id: 3, title: "Cancelled forum", start: "2027-03-10T02:30:00Z", end: "2027-03-10T04:30:00Z", venueId: "hall-c", trainerIds: [12], status: "cancelled" },
  { id: 4, title: "Night market visit", start: "2027-03-10T15:30:00Z", end: "2027-03-10T19:30:00Z", venueId: "market", participantIds: [103] },
];
const index = buildScheduleIndex(existing);

function candidate(over: Partial<TrainingCandidate>): TrainingCandidate {
  return {
    id: "new",
    start: "2027-03-10T03:00:00Z",
    end: "2027-03-10T04:00:00Z",
    venueZone: ZONE,
    venueCountry: "TH",
    ...over,
  };
}

const codes = (list: TrainingConflict[]) => list.map((c) => c.code);

describe("checkConflicts: double bookings", () => {
  it("reports a venue clash naming the other training and its venue-local time", () => {
    const out = checkConflicts(index, candidate({ venueId: "hall-a" }));
    expect(codes(out)).toEqual(["double_booked"]);
    const c = out[0];
    if (c.code !== "double_booked") throw new Error("unreachable");
    expect(c.resource).toBe("venue");
    expect(c.other.id).toBe(1);
    expect(c.other.localTime).toContain("09:00–11:00");
    expect(c.other.localTime).toContain("GMT+6:30");
    expect(c.message).toContain("Soil health");
    expect(hasBlockingConflict(out)).toBe(true);
  });

  it("reports trainer, interpreter and participant clashes grouped per other training", () => {
    const out = checkConflicts(index, candidate({ trainerIds: [10, 11], interpreterIds: [20], participantIds: [100, 101, 999] }));
    const db = out.filter((c) => c.code === "double_booked");
    expect(db.map((c) => c.code === "double_booked" && [c.resource, c.resourceIds, c.other.id])).toEqual([
      ["trainer", [10], 1],
      ["interpreter", [20], 1],
      ["participant", [100, 101], 1],
    ]);
  });

  it("lets touching ends pass: 11:00 start after a 09:00–11:00 training", () => {
    expect(checkConflicts(index, candidate({ venueId: "hall-a", start: "2027-03-10T04:30:00Z", end: "2027-03-10T05:00:00Z" }))).toEqual([]);
    expect(checkConflicts(index, candidate({ venueId: "hall-a", start: "2027-03-10T01:00:00Z", end: "2027-03-10T02:30:00Z" }))).toEqual([]);
  });

  it("ignores cancelled existing trainings and a cancelled candidate", () => {
    expect(checkConflicts(index, candidate({ venueId: "hall-c", trainerIds: [12] }))).toEqual([]);
    expect(checkConflicts(index, candidate({ venueId: "hall-a", status: "cancelled" }))).toEqual([]);
  });

  it("ignores the candidate's own stored version when editing", () => {
    expect(checkConflicts(index, candidate({ id: 1, venueId: "hall-a", trainerIds: [10] }))).toEqual([]);
    // ids compare as text: "1" is training 1 too
    expect(checkConflicts(index, candidate({ id: "1", venueId: "hall-a" }))).toEqual([]);
  });

  it("finds clashes of trainings crossing midnight", () => {
    // 22:00–02:00 local; candidate 01:00–03:00 local next day
    const out = checkConflicts(index, candidate({ participantIds: [103], start: "2027-03-10T18:30:00Z", end: "2027-03-10T20:30:00Z" }));
    expect(codes(out)).toEqual(["double_booked"]);
    if (out[0].code === "double_booked") expect(out[0].other.localTime).toBe("Wed, 10 Mar 2027, 22:00 – Thu, 11 Mar 2027, 02:00 GMT+6:30");
  });

  it("agrees with the linear baseline on the fixed schedule", () => {
    const c = candidate({
      venueId: "hall-a",
      trainerIds: [10, 11],
      participantIds: [100, 102, 103],
      start: "2027-03-10T00:00:00Z",
      end: "2027-03-10T23:00:00Z",
    });
    expect(checkConflicts(index, c)).toEqual(checkConflictsLinear(existing, c));
  });
});

describe("checkConflicts: other rules", () => {
  it("refuses an end not after the start, and nothing else", () => {
    expect(codes(checkConflicts(index, candidate({ venueId: "hall-a", end: "2027-03-10T03:00:00Z" })))).toEqual(["end_not_after_start"]);
    expect(codes(checkConflicts(index, candidate({ end: "2027-03-10T02:00:00Z" })))).toEqual(["end_not_after_start"]);
  });

  it("checks visit dates in the venue's local days, not UTC days", () => {
    // 2027-03-09T20:00Z is 10 Mar 02:30 in Yangon: inside a visit starting 10 Mar.
    const inside = candidate({
      start: "2027-03-09T20:00:00Z",
      end: "2027-03-09T21:00:00Z",
      dateBounds: { from: "2027-03-10", to: "2027-03-12", scope: "visit" },
    });
    expect(codes(checkConflicts(index, inside))).toEqual([]);
    // 2027-03-09T16:00Z is 9 Mar 22:30 in Yangon: the day before.
    const before = { ...inside, start: "2027-03-09T16:00:00Z", end: "2027-03-09T17:00:00Z" };
    const out = checkConflicts(index, before);
    expect(codes(out)).toEqual(["outside_dates"]);
    if (out[0].code === "outside_dates") expect([out[0].firstDay, out[0].lastDay, out[0].scope]).toEqual(["2027-03-09", "2027-03-09", "visit"]);
  });

  it("keeps a training ending at local midnight of the last day inside", () => {
    // 22:00–24:00 local on 12 Mar
    const c = candidate({ start: "2027-03-12T15:30:00Z", end: "2027-03-12T17:30:00Z", dateBounds: { from: "2027-03-10", to: "2027-03-12", scope: "edition" } });
    expect(codes(checkConflicts(index, c))).toEqual([]);
    const over = { ...c, end: "2027-03-12T17:31:00Z" };
    expect(codes(checkConflicts(index, over))).toEqual(["outside_dates"]);
  });

  it("warns (not errors) on a public holiday of the venue country, including a day reached across midnight", () => {
    // Songkran, 13 Apr 2027, Thailand
    const c = candidate({ venueZone: "Asia/Bangkok", start: "2027-04-13T02:00:00Z", end: "2027-04-13T04:00:00Z" });
    const out = checkConflicts(index, c);
    expect(out.map((x) => [x.code, x.severity])).toEqual([["public_holiday", "warning"]]);
    if (out[0].code === "public_holiday") {
      expect(out[0].date).toBe("2027-04-13");
      expect(out[0].holidayNames.join()).toMatch(/Songkran/);
    }
    expect(hasBlockingConflict(out)).toBe(false);
    const night = candidate({ venueZone: "Asia/Bangkok", start: "2027-04-12T15:00:00Z", end: "2027-04-12T18:00:00Z" }); // 22:00–01:00
    expect(checkConflicts(index, night).map((x) => x.code === "public_holiday" && x.date)).toContain("2027-04-13");
  });

  it("warns on Myanmar's official holidays from the repo's data (Thingyan 2027), issue 12 item 19", () => {
    const c = candidate({ venueCountry: "MM", start: "2027-04-13T02:00:00Z", end: "2027-04-13T04:00:00Z" });
    const out = checkConflicts(index, c);
    expect(out.map((x) => x.code === "public_holiday" && x.holidayNames)).toEqual([["Myanmar New Year"]]);
  });

  it("says when there is no holiday data (Myanmar after the repo's years) unless the organiser supplied some", () => {
    const c = candidate({ venueCountry: "MM", start: "2030-04-13T02:00:00Z", end: "2030-04-13T04:00:00Z" });
    expect(checkConflicts(index, c).map((x) => [x.code, x.severity])).toEqual([["holiday_data_unavailable", "info"]]);
    const extra = [{ country: "MM", date: "2030-04-13", name: "Thingyan" }];
    expect(checkConflicts(index, c, { extraHolidays: extra }).map((x) => x.code === "public_holiday" && x.holidayNames)).toEqual([["Thingyan"]]);
  });

  it("warns when no interpreter covers delivery → a participant's language", () => {
    const base = candidate({
      deliveryLanguage: "zh",
      participantIds: [1, 2, 3, 4],
      participantLanguages: { "1": ["zh-Hans", "en"], "2": ["my"], "3": ["th"], "4": ["km"] },
      interpreterIds: [20],
      interpreterPairs: { "20": [{ from: "my", to: "zh" }], "21": [{ from: "zh", to: "km" }] },
    });
    const out = checkConflicts(index, { ...base, start: "2027-03-11T03:00:00Z", end: "2027-03-11T04:00:00Z" });
    expect(out).toHaveLength(1);
    const w = out[0];
    expect(w.code).toBe("interpreter_cover");
    if (w.code === "interpreter_cover") {
      expect(w.severity).toBe("warning");
      expect(w.participantIds).toEqual([3, 4]); // 2 covered both ways by interpreter 20; 21 is not booked
      expect(w.uncoveredLanguages).toEqual(["km", "th"]);
    }
    const oneWay = {
      ...base,
      start: "2027-03-11T03:00:00Z",
      end: "2027-03-11T04:00:00Z",
      interpreterPairs: { "20": [{ from: "my", to: "zh", oneWay: true }] },
    };
    const w2 = checkConflicts(index, oneWay)[0];
    expect(w2.code === "interpreter_cover" && w2.participantIds).toEqual([2, 3, 4]);
  });

  it("throws typed errors for bad input", () => {
    const bad = (c: Partial<TrainingCandidate>) => {
      try {
        checkConflicts(index, candidate(c));
      } catch (e) {
        expect(e).toBeInstanceOf(ScheduleInputError);
        return [(e as ScheduleInputError).field, (e as ScheduleInputError).code];
      }
      return null;
    };
    expect(bad({ venueZone: "Asia/Nowhere" })).toEqual(["venueZone", "unknown_time_zone"]);
    expect(bad({ start: "2027-03-10T09:00" })).toEqual(["start", "invalid_instant"]);
    expect(bad({ dateBounds: { from: "2027-03-12", to: "2027-03-10", scope: "visit" } })).toEqual(["dateBounds", "invalid_range"]);
    expect(bad({ venueCountry: "Thailand" })).toEqual(["venueCountry", "invalid_country"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: the indexed detector finds exactly the double bookings a brute-force scan finds.

const T0 = Date.parse("2027-03-10T00:00:00Z");
const arbTraining = (id: number) =>
  fc
    .record({
      startSlot: fc.integer({ min: 0, max: 60 }),
      // mostly short, sometimes very long (multi-day field visit), sometimes empty or reversed
      length: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 40, max: 200 }), fc.integer({ min: -3, max: 0 })),
      venueId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      trainerIds: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 2 }),
      interpreterIds: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
      participantIds: fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 5 }),
      status: fc.constantFrom("draft", "scheduled", "held", "cancelled", undefined),
    })
    .map((r): ScheduledTraining => ({
      id,
      start: new Date(T0 + r.startSlot * 30 * 60_000).toISOString(),
      end: new Date(T0 + (r.startSlot + r.length) * 30 * 60_000).toISOString(),
      venueId: r.venueId,
      trainerIds: r.trainerIds,
      interpreterIds: r.interpreterIds,
      participantIds: r.participantIds,
      status: r.status as ScheduledTraining["status"],
    }));

const arbSchedule = fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbTraining(i + 1))));

describe("checkConflicts agrees with a brute-force oracle", () => {
  it("on random schedules", () => {
    fc.assert(
      fc.property(arbSchedule, arbTraining(0), fc.integer({ min: 0, max: 45 }), (schedule, cand, reuse) => {
        // Sometimes the candidate is an edit of a stored training (same id).
        const c: TrainingCandidate = { ...cand, id: reuse < schedule.length ? schedule[reuse].id : 0, venueZone: ZONE };
        const idx = buildScheduleIndex(schedule);
        const got = checkConflicts(idx, c);
        const expected = oracleDoubleBookings(schedule, c);
        expect([...triplesOf(got)].sort()).toEqual([...expected].sort());
        expect(got).toEqual(checkConflictsLinear(schedule, c));
        if (!(Date.parse(c.end) > Date.parse(c.start)) && c.status !== "cancelled") expect(codes(got)).toEqual(["end_not_after_start"]);
      }),
      { numRuns: 500 },
    );
  });
});
