/**
 * Issue 12 item 13: explanations say, for every visit or country ranked higher than the one
 * obtained, why not: a full visit names who holds its seats and why each came first; a ranked
 * country without any visit is listed; a kept (offered, accepted, locked) placement gets the real
 * reasons (own country, dates, language, full) instead of a bare "kept".
 */
import { describe, expect, it } from "vitest";
import { solvePlacement, type Participant, type PlacementInstance, type Visit } from "~/domain/placement";

const visit = (id: string, hostCountry: string, capacity: number, extra: Partial<Visit> = {}): Visit => ({
  id,
  hostCountry,
  arrival: "2027-03-01",
  departure: "2027-03-07",
  capacity,
  languages: ["en"],
  ...extra,
});
const person = (id: string, country: string, preferences: Participant["preferences"], extra: Partial<Participant> = {}): Participant => ({
  id,
  country,
  languages: ["en"],
  availability: { from: "2027-01-01", to: "2027-12-31" },
  preferences,
  ...extra,
});

describe("why not a higher-ranked visit", () => {
  it("names the seat holders of a full visit and why each came first", () => {
    const inst: PlacementInstance = {
      visits: [visit("v1", "TH", 2), visit("v2", "ID", 5)],
      participants: [
        person("ana", "VN", [{ country: "MM" }, { visit: "v1" }, { visit: "v2" }]),
        person("budi", "KH", [{ visit: "v1" }]),
        person("chen", "CN", [{ visit: "v2" }], {}),
      ],
      locked: { chen: "v1" },
    };
    const res = solvePlacement(inst);
    const ana = res.explanations.find((e) => e.participantId === "ana")!;
    expect(ana.visitId).toBe("v2");
    expect(ana.emptyCountries).toEqual([{ country: "MM", rank: 1 }]);
    const v1 = ana.higherRanked.find((n) => n.visitId === "v1")!;
    expect(v1.rank).toBe(2);
    const full = v1.reasons.find((r) => r.code === "visit_full");
    expect(full).toBeDefined();
    if (full?.code !== "visit_full") throw new Error("no visit_full");
    expect(full.holders).toEqual(
      expect.arrayContaining([
        { participantId: "budi", why: "ranked_higher", rank: 1 },
        { participantId: "chen", why: "kept", rank: null },
      ]),
    );
    expect(full.holders).toHaveLength(2);
  });

  it("names the compatriots who fill the country cap", () => {
    const inst: PlacementInstance = {
      visits: [visit("v1", "TH", 5, { countryCap: 1, themes: ["eco"] }), visit("v2", "ID", 5)],
      participants: [person("ana", "VN", [{ visit: "v1" }, { visit: "v2" }]), person("binh", "VN", [{ visit: "v1" }, { visit: "v2" }], { themes: ["eco"] })],
    };
    const ana = solvePlacement(inst).explanations.find((e) => e.participantId === "ana")!;
    expect(ana.visitId).toBe("v2");
    const cap = ana.higherRanked[0]!.reasons.find((r) => r.code === "country_cap_reached");
    if (cap?.code !== "country_cap_reached") throw new Error("no country_cap_reached");
    expect(cap.holders).toEqual([{ participantId: "binh", why: "overall", rank: 1 }]);
    const stable = solvePlacement(
      { ...inst, participants: inst.participants.map((p) => ({ ...p, themes: p.id === "binh" ? ["eco"] : ["x"] })) },
      { mode: "stable" },
    );
    const capS = stable.explanations.find((e) => e.participantId === "ana")!.higherRanked[0]!.reasons.find((r) => r.code === "country_cap_reached");
    if (capS?.code !== "country_cap_reached") throw new Error("no country_cap_reached (stable)");
    expect(capS.holders).toEqual([{ participantId: "binh", why: "more_themes", rank: 1 }]);
  });

  it("gives a kept placement the real reasons, and 'kept' only when nothing else stands in the way", () => {
    const inst: PlacementInstance = {
      visits: [
        visit("own", "VN", 5),
        visit("late", "TH", 5, { arrival: "2028-02-01", departure: "2028-02-07" }),
        visit("lang", "ID", 5, { languages: ["id"] }),
        visit("room", "MY", 5),
        visit("got", "PH", 5),
      ],
      participants: [person("ana", "VN", [{ visit: "own" }, { visit: "late" }, { visit: "lang" }, { visit: "room" }, { visit: "got" }])],
      locked: { ana: "got" },
    };
    const ana = solvePlacement(inst).explanations[0]!;
    const codes = Object.fromEntries(ana.higherRanked.map((n) => [n.visitId, n.reasons.map((r) => r.code)]));
    expect(codes).toEqual({
      own: ["own_country"],
      late: ["dates_outside_availability"],
      lang: ["no_shared_language"],
      room: ["locked_elsewhere"],
    });
  });
});
