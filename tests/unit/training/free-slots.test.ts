import fc from "fast-check";
import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import {
  buildScheduleIndex,
  eachLocalDate,
  findFreeSlots,
  localToUtc,
  ScheduleInputError,
  utcToLocal,
  type FreeSlotRequest,
  type ScheduledTraining,
} from "~/domain/training";
import { isFreeByOracle } from "./oracle";

const ZONE = "Asia/Yangon";
const at = (date: string, time: string) => localToUtc(date, time, ZONE);

describe("findFreeSlots", () => {
  const existing: ScheduledTraining[] = [
    { id: 1, start: at("2027-03-10", "08:00"), end: at("2027-03-10", "12:00"), venueId: "hall", trainerIds: [1] },
    { id: 2, start: at("2027-03-10", "13:00"), end: at("2027-03-10", "15:10"), trainerIds: [2], participantIds: [7] },
    { id: 3, start: at("2027-03-10", "15:00"), end: at("2027-03-10", "17:00"), venueId: "hall", status: "cancelled" },
  ];
  const index = buildScheduleIndex(existing);
  const base: FreeSlotRequest = {
    durationMinutes: 60,
    venueId: "hall",
    trainerIds: [2],
    participantIds: [7],
    from: "2027-03-10",
    to: "2027-03-11",
    venueZone: ZONE,
    venueCountry: "MM",
    count: 3,
  };

  it("proposes the earliest distinct free slots inside working hours", () => {
    const slots = findFreeSlots(index, base);
    expect(slots.map((s) => `${s.localDate} ${s.localStart}-${s.localEnd}`)).toEqual([
      "2027-03-10 12:00-13:00",
      "2027-03-10 15:15-16:15", // 15:10 is off the 15-minute grid; the cancelled training does not block
      "2027-03-10 16:15-17:15",
    ]);
    expect(slots[0].start).toBe("2027-03-10T05:30:00.000Z");
    expect(slots[0].label).toMatch(/12:00–13:00 GMT\+6:30$/);
  });

  it("offers every grid start with spread every-step, and honours count", () => {
    const slots = findFreeSlots(index, { ...base, spread: "every-step", count: 4 });
    expect(slots.map((s) => s.localStart)).toEqual(["12:00", "15:15", "15:30", "15:45"]);
  });

  it("uses configurable working hours and notBefore", () => {
    const slots = findFreeSlots(index, { ...base, workingHours: { start: "07:00", end: "21:00" }, notBefore: at("2027-03-10", "16:20"), count: 2 });
    expect(slots.map((s) => `${s.localDate} ${s.localStart}`)).toEqual(["2027-03-10 16:30", "2027-03-10 17:30"]);
  });

  it("ignores the training being rescheduled", () => {
    const slots = findFreeSlots(index, { ...base, trainerIds: [1], participantIds: [], excludeTrainingId: 1, count: 1 });
    expect(slots[0].localStart).toBe("08:00");
  });

  it("skips public holidays of the venue country and excluded weekdays", () => {
    // Thailand: Songkran 13–15 Apr 2027 (Tue–Thu); 17–18 Apr is a weekend.
    const slots = findFreeSlots(buildScheduleIndex([]), {
      durationMinutes: 600,
      from: "2027-04-13",
      to: "2027-04-19",
      venueZone: "Asia/Bangkok",
      venueCountry: "TH",
      excludeWeekdays: [6, 7],
      count: 10,
    });
    expect(slots.map((s) => s.localDate)).toEqual(["2027-04-16", "2027-04-19"]);
  });

  it("returns fewer slots when the visit is full, and none for an empty range", () => {
    const busy = buildScheduleIndex([{ id: 9, start: at("2027-03-10", "08:00"), end: at("2027-03-10", "17:30"), trainerIds: [1] }]);
    expect(findFreeSlots(busy, { ...base, trainerIds: [1], participantIds: [], venueId: null, to: "2027-03-10" })).toEqual([]);
    expect(findFreeSlots(busy, { ...base, trainerIds: [1], to: "2027-03-10", excludeWeekdays: [3] })).toEqual([]);
  });

  it("throws typed errors on bad requests", () => {
    const err = (r: Partial<FreeSlotRequest>) => {
      try {
        findFreeSlots(index, { ...base, ...r });
      } catch (e) {
        expect(e).toBeInstanceOf(ScheduleInputError);
        return (e as ScheduleInputError).field;
      }
      return null;
    };
    expect(err({ durationMinutes: 0 })).toBe("durationMinutes");
    expect(err({ stepMinutes: 7.5 })).toBe("stepMinutes");
    expect(err({ workingHours: { start: "18:00", end: "08:00" } })).toBe("workingHours");
    expect(err({ from: "2027-03-12", to: "2027-03-10" })).toBe("to");
    expect(err({ venueZone: "Nowhere/Zone" })).toBe("venueZone");
  });
});

// ---------------------------------------------------------------------------------------------
// Property: findFreeSlots equals a brute-force walk over every grid start of every allowed day,
// with each slot checked against every existing training.

const FROM = "2027-04-11"; // Sunday; 13–15 Apr are Songkran holidays in Thailand
const TO = "2027-04-16";
const TH_ZONE = "Asia/Bangkok";
const thPublicHolidays = new Set(
  new Holidays("TH")
    .getHolidays(2027)
    .filter((h) => h.type === "public")
    .map((h) => h.date.slice(0, 10)),
);

function oracleSlots(existing: ScheduledTraining[], req: FreeSlotRequest): { start: string; end: string }[] {
  const [ws, we] = [req.workingHours?.start ?? "08:00", req.workingHours?.end ?? "18:00"];
  const step = (req.stepMinutes ?? 15) * 60_000;
  const dur = req.durationMinutes * 60_000;
  const out: { start: string; end: string }[] = [];
  let lastEnd = -Infinity;
  for (const day of eachLocalDate(req.from, req.to)) {
    if (thPublicHolidays.has(day)) continue;
    const dayStart = Date.parse(localToUtc(day, ws, req.venueZone));
    const dayEnd = Date.parse(localToUtc(day, we, req.venueZone));
    for (let t = dayStart; t + dur <= dayEnd; t += step) {
      if (req.spread !== "every-step" && t < lastEnd) continue;
      const cand: ScheduledTraining = {
        id: "candidate",
        start: new Date(t).toISOString(),
        end: new Date(t + dur).toISOString(),
        venueId: req.venueId,
        trainerIds: req.trainerIds,
        interpreterIds: req.interpreterIds,
        participantIds: req.participantIds,
      };
      if (!isFreeByOracle(existing, cand)) continue;
      out.push({ start: cand.start, end: cand.end });
      lastEnd = t + dur;
      if (out.length >= (req.count ?? 5)) return out;
    }
  }
  return out;
}

const dayStart0 = Date.parse(localToUtc(FROM, "06:00", TH_ZONE));
const arbExisting = fc.array(
  fc.record({
    slot: fc.integer({ min: 0, max: 6 * 48 }), // half hours over the visit
    len: fc.integer({ min: 1, max: 10 }),
    venueId: fc.option(fc.constantFrom("a", "b"), { nil: null }),
    trainerIds: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
    participantIds: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
    cancelled: fc.boolean(),
  }),
  { maxLength: 60 },
);

describe("findFreeSlots agrees with a brute-force oracle", () => {
  it("on random schedules: conflict-free, earliest, in working hours, never on a holiday", () => {
    fc.assert(
      fc.property(
        arbExisting,
        fc.record({
          durationMinutes: fc.constantFrom(30, 45, 60, 90, 240),
          stepMinutes: fc.constantFrom(15, 30, 60),
          venueId: fc.option(fc.constantFrom("a", "b"), { nil: null }),
          trainerIds: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
          participantIds: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
          count: fc.integer({ min: 1, max: 12 }),
          spread: fc.constantFrom("non-overlapping" as const, "every-step" as const),
          workingHours: fc.constantFrom({ start: "08:00", end: "18:00" }, { start: "09:30", end: "16:45" }),
        }),
        (rows, r) => {
          const existing: ScheduledTraining[] = rows.map((row, i) => ({
            id: i + 1,
            start: new Date(dayStart0 + row.slot * 1_800_000).toISOString(),
            end: new Date(dayStart0 + (row.slot + row.len) * 1_800_000).toISOString(),
            venueId: row.venueId,
            trainerIds: row.trainerIds,
            participantIds: row.participantIds,
            status: row.cancelled ? "cancelled" : "scheduled",
          }));
          const req: FreeSlotRequest = { ...r, from: FROM, to: TO, venueZone: TH_ZONE, venueCountry: "TH" };
          const got = findFreeSlots(buildScheduleIndex(existing), req);
          expect(got.map(({ start, end }) => ({ start, end }))).toEqual(oracleSlots(existing, req));
          for (const s of got) {
            const a = utcToLocal(s.start, TH_ZONE);
            const b = utcToLocal(s.end, TH_ZONE);
            expect(a.date).toBe(b.date);
            expect(a.time >= r.workingHours.start && b.time <= r.workingHours.end).toBe(true);
            expect(thPublicHolidays.has(a.date)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
