/** Instance validation: errors name the field path; impossible instances are answered, not thrown. */
import { describe, it, expect } from "vitest";
import { runPlacement, validateInstance, isIsoDate, solvePlacement, instanceSchema, type PlacementInstance } from "~/domain/placement";
import { fastValid } from "~/domain/placement/validate-fast";

const ok: PlacementInstance = {
  participants: [
    {
      id: "p1",
      country: "LA",
      gender: "female",
      languages: ["lo", "en"],
      availability: { from: "2027-05-01", to: "2027-05-31" },
      preferences: [{ visit: "v1" }],
    },
  ],
  visits: [
    {
      id: "v1",
      hostCountry: "CN",
      arrival: "2027-05-10",
      departure: "2027-05-16",
      capacity: 1,
      countryCap: 1,
      languages: ["zh"],
      interpreterLanguages: ["lo"],
    },
  ],
};

describe("validation", () => {
  it("accepts a valid instance", () => {
    expect(validateInstance(ok).ok).toBe(true);
  });

  it.each([
    [{ ...ok, participants: [{ ...ok.participants[0]!, availability: { from: "2027-02-30", to: "2027-05-31" } }] }, "participants[0].availability.from"],
    [{ ...ok, visits: [{ ...ok.visits[0]!, capacity: -1 }] }, "visits[0].capacity"],
    [{ ...ok, participants: [{ ...ok.participants[0]!, country: "Laos" }] }, "participants[0].country"],
    [{ ...ok, participants: [{ ...ok.participants[0]!, preferences: [{ visit: "nope" }] }] }, "participants[0].preferences[0].visit"],
    [{ ...ok, locked: { p1: "nope" } }, "locked.p1"],
    [{ ...ok, visits: [ok.visits[0]!, ok.visits[0]!] }, "visits[1].id"],
    [{ participants: ok.participants }, "visits"],
  ])("names the field of a bad instance (%#)", (data, path) => {
    const r = validateInstance(data);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(path);
  });

  it("checks dates as text, leap years included", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("2027-5-01")).toBe(false);
  });

  it("runPlacement returns issues as data instead of throwing", () => {
    expect(runPlacement("not an instance")).toMatchObject({ ok: false });
    expect(runPlacement(null)).toMatchObject({ ok: false });
  });

  it("an instance no one can satisfy gives who is unplaced and why", () => {
    const inst: PlacementInstance = {
      ...ok,
      participants: [
        { ...ok.participants[0]!, country: "CN" }, // own country
        { ...ok.participants[0]!, id: "p2", languages: ["th"] }, // no language
        { ...ok.participants[0]!, id: "p3", availability: { from: "2027-06-01", to: "2027-06-30" } }, // dates
        { ...ok.participants[0]!, id: "p4", preferences: [] },
        { ...ok.participants[0]!, id: "p5", preferences: [{ country: "JP" }] },
      ],
      visits: [{ ...ok.visits[0]!, capacity: 0 }],
    };
    const res = solvePlacement(inst);
    expect(res.objective.placed).toBe(0);
    const codes = Object.fromEntries(res.explanations.map((e) => [e.participantId, e.blockers.map((b) => b.code)]));
    expect(codes).toEqual({
      p1: ["own_country"],
      p2: ["no_shared_language"],
      p3: ["dates_outside_availability"],
      p4: ["visit_full"], // no preference: every eligible visit alike, so only the full visit blocks
      p5: ["no_visit_in_country"],
    });
  });

  it("no preference (an empty list) accepts every eligible visit alike, also without acceptUnranked", () => {
    const base = { ...ok.participants[0]!, preferences: [] };
    const v = (id: string, hostCountry: string) => ({ ...ok.visits[0]!, id, hostCountry, capacity: 1, countryCap: null });
    const inst: PlacementInstance = {
      participants: [base, { ...base, id: "p2" }, { ...base, id: "p3", country: "TH" }],
      visits: [v("v1", "CN"), v("v2", "JP"), v("v3", "LA")],
    };
    for (const mode of ["optimal", "stable"] as const) {
      // (Stable mode may leave the TH participant where an LA one could not go; placed counts are for optimal.)
      const res = solvePlacement(mode === "optimal" ? inst : { ...inst, participants: inst.participants.slice(0, 2) }, { mode });
      expect(res.objective.placed).toBe(mode === "optimal" ? 3 : 2);
      // Every placement costs the same (rank 0): no country is preferred over another.
      expect(res.explanations.every((e) => e.status === "placed" && e.rank === null)).toBe(true);
      expect(res.objective.preferenceCost).toBe(0);
    }
  });

  it("reports a full visit and the country cap among the reasons", () => {
    const base = ok.participants[0]!;
    const inst: PlacementInstance = {
      participants: [
        { ...base, id: "a", themes: ["x"] },
        { ...base, id: "b" },
        { ...base, id: "c", country: "KH" },
      ],
      visits: [{ ...ok.visits[0]!, capacity: 2, countryCap: 1, themes: ["x"] }],
    };
    const res = solvePlacement(inst, { mode: "stable" });
    const b = res.explanations.find((e) => e.participantId === "b")!;
    expect(b.status).toBe("unplaced");
    expect(b.blockers).toEqual([
      {
        code: "visit_full",
        capacity: 2,
        occupants: 2,
        preferredOccupants: 2,
        holders: [
          { participantId: "a", why: "more_themes", rank: 1 },
          { participantId: "c", why: "draw", rank: 1 },
        ],
      },
      { code: "country_cap_reached", country: "LA", cap: 1, preferredOccupants: 1, holders: [{ participantId: "a", why: "more_themes", rank: 1 }] },
    ]);
    const roomy = solvePlacement({ ...inst, visits: [{ ...inst.visits[0]!, capacity: 3 }] }, { mode: "stable" });
    expect(roomy.explanations.find((e) => e.participantId === "b")!.blockers.map((r) => r.code)).toEqual(["country_cap_reached"]);
  });
});

describe("validation fast path (validate-fast.ts)", () => {
  /** Mutations of a valid instance at every kind of field: the fast path may only accept what zod accepts. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutations reach into any field, valid or not
  const mutations: Array<(i: any) => void> = [
    (i) => (i.participants[0].id = ""),
    (i) => (i.participants[0].id = 7),
    (i) => (i.participants[0].country = "la"),
    (i) => (i.participants[0].country = "LAO"),
    (i) => (i.participants[0].gender = "f"),
    (i) => (i.participants[0].gender = null),
    (i) => (i.participants[0].languages = ["lo", "EN"]),
    (i) => (i.participants[0].languages = "lo"),
    (i) => (i.participants[0].availability = { from: "2027-05-01" }),
    (i) => (i.participants[0].availability.to = "2027-04-30"),
    (i) => (i.participants[0].availability.from = "2027-5-01"),
    (i) => (i.participants[0].availability.from = "2027-02-29"),
    (i) => (i.participants[0].preferences = [{ visit: "v1", country: "CN" }]),
    (i) => (i.participants[0].preferences = [{ visit: "" }]),
    (i) => (i.participants[0].preferences = [{ visit: "v2" }]),
    (i) => (i.participants[0].preferences = [{ country: "China" }]),
    (i) => (i.participants[0].preferences = [{}]),
    (i) => (i.participants[0].preferences = [["v1"]]),
    (i) => (i.participants[0].themes = [""]),
    (i) => (i.participants[0].themes = "eco"),
    (i) => (i.participants = [i.participants[0], i.participants[0]]),
    (i) => (i.visits[0].capacity = 1.5),
    (i) => (i.visits[0].capacity = "1"),
    (i) => (i.visits[0].countryCap = -1),
    (i) => (i.visits[0].departure = "2027-05-09"),
    (i) => (i.visits[0].hostCountry = undefined),
    (i) => (i.visits[0].interpreterLanguages = [1]),
    (i) => (i.visits = [i.visits[0], i.visits[0]]),
    (i) => (i.visits = {}),
    (i) => (i.locked = { p1: "nope" }),
    (i) => (i.locked = { nobody: "v1" }),
    (i) => (i.locked = ["v1"]),
    (i) => (i.weights = { rank: -1 }),
    (i) => (i.weights = { theme: 0.5 }),
    (i) => (i.options = { acceptUnranked: "yes" }),
    (i) => (i.options = { seed: 1.5 }),
    (i) => (i.options = null),
  ];
  it.each(mutations.map((m, k) => [k, m] as const))("rejects what zod rejects (mutation %i)", (_k, mutate) => {
    const inst = structuredClone(ok) as unknown;
    mutate(inst);
    expect(instanceSchema.safeParse(inst).success).toBe(false);
    expect(fastValid(inst)).toBe(false);
    expect(validateInstance(inst).ok).toBe(false);
  });

  it("accepts valid instances, generated ones included, as zod does", async () => {
    const { generateInstance } = await import("~/domain/placement/generate");
    for (const inst of [
      ok,
      { ...ok, locked: { p1: "v1" }, weights: { rank: 3 }, options: { seed: -4, genderBalance: false } },
      generateInstance({ seed: 9, participants: 300, visits: 20, locked: 5, rankCountries: true }),
    ]) {
      expect(instanceSchema.safeParse(inst).success).toBe(true);
      expect(fastValid(inst)).toBe(true);
    }
  });
});
