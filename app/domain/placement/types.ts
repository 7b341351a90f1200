/**
 * Placement engine: shared types.
 *
 * The engine is pure: plain data in, plain data out, no database, no Remix, no clock, no
 * randomness without a seed. Dates are `YYYY-MM-DD` text and are compared as strings (never a JS
 * `Date` at UTC midnight, see docs/design.md "Date-only values").
 */

/** A `YYYY-MM-DD` calendar date as text. */
export type IsoDate = string;

export type Gender = "female" | "male" | "other" | "undisclosed";

/** One entry of a participant's ranked list: a specific visit, or any visit of a host country. */
export type PreferenceEntry = { visit: string } | { country: string };

export interface Participant {
  id: string;
  /** Sending country, ISO 3166-1 alpha-2. */
  country: string;
  gender?: Gender;
  /** ISO 639-1 codes. */
  languages: string[];
  availability: { from: IsoDate; to: IsoDate };
  /** Ranked, best first. A visit's rank is the index of the first entry that names it or its host country. */
  preferences: PreferenceEntry[];
  /** Themes the participant wants to learn about (free-text keys such as "eco-agriculture"). */
  themes?: string[];
}

export interface Visit {
  id: string;
  /** Host country, ISO 3166-1 alpha-2. */
  hostCountry: string;
  arrival: IsoDate;
  departure: IsoDate;
  capacity: number;
  /** At most this many participants from one sending country (k); null or absent means no cap. */
  countryCap?: number | null;
  languages: string[];
  /** Languages an interpreter is available for. */
  interpreterLanguages?: string[];
  themes?: string[];
}

/** Integer weights of the preference cost (see cost.ts). */
export interface Weights {
  /** Points per step down the participant's ranked list (rank 0 = first choice). Default 10. */
  rank: number;
  /** Points per participant theme the visit does not offer. Default 1. */
  theme: number;
}

export interface Options {
  /** Whether eligible visits the participant did not rank are acceptable (ranked after the list). Default false. */
  acceptUnranked: boolean;
  /** Seed of the visits' tie-break between participants of equal theme overlap (stable mode). Default 0. */
  seed: number;
  /** Run the gender-balance step after the optimal solve. Default true. */
  genderBalance: boolean;
}

export interface PlacementInstance {
  participants: Participant[];
  visits: Visit[];
  /** participantId -> visitId, fixed by an organizer; kept even if a hard rule fails. */
  locked?: Record<string, string>;
  weights?: Partial<Weights>;
  options?: Partial<Options>;
}

export type PlacementMode = "optimal" | "stable";

/**
 * Why a visit is not (or could not be) a participant's placement. Codes, not sentences: the UI
 * translates them with i18next; `toEnglish` exists for the CLI only.
 */
export type Reason =
  | { code: "own_country"; country: string }
  | { code: "dates_outside_availability"; arrival: IsoDate; departure: IsoDate; availableFrom: IsoDate; availableTo: IsoDate }
  | { code: "no_shared_language"; participantLanguages: string[]; visitLanguages: string[]; interpreterLanguages: string[] }
  /** All seats taken; `preferredOccupants` of the occupants cost less there (optimal) or have priority (stable). */
  | { code: "visit_full"; capacity: number; occupants: number; preferredOccupants: number }
  /** The participant's country already has `cap` people there (`preferredOccupants` of them cost less / have priority). */
  | { code: "country_cap_reached"; country: string; cap: number; preferredOccupants: number }
  /** Ranked higher but not cheaper than the visit given (e.g. fewer shared themes): no gain in taking it. */
  | { code: "not_cheaper"; cost: number; assignedCost: number }
  /** The placement was fixed by an organizer (the visit was not offered to this participant). */
  | { code: "locked_elsewhere" }
  /** A ranked host country has no visit in this instance. */
  | { code: "no_visit_in_country"; country: string }
  /** The instance has no visit at all. */
  | { code: "no_visits" }
  /** The ranked list is empty (and unranked visits are not acceptable). */
  | { code: "no_preferences" }
  /** A locked placement over capacity or over the country cap. */
  | { code: "capacity_exceeded"; capacity: number; locked: number }
  | { code: "country_cap_exceeded"; country: string; cap: number; locked: number };

export interface RankedVisitNote {
  visitId: string;
  /** 1-based rank of the preference entry (null when unranked but acceptable). */
  rank: number | null;
  reasons: Reason[];
}

export interface Explanation {
  participantId: string;
  status: "placed" | "unplaced";
  visitId: string | null;
  locked: boolean;
  /** 1-based rank of the preference entry that matched the visit; null when unplaced or unranked. */
  rank: number | null;
  /** Preference cost of the placement (points), null when unplaced. */
  cost: number | null;
  /** For a locked placement: the hard rules the organizer overrode. */
  overrides: Reason[];
  /** Visits ranked higher than the one given (all ranked ones if unplaced), each with why not. */
  higherRanked: RankedVisitNote[];
  /** For an unplaced participant: what blocks them, summarised. */
  blockers: Reason[];
}

export interface Objective {
  placed: number;
  unplaced: number;
  /** Sum of preference costs of placed participants, locked ones included (points). */
  preferenceCost: number;
  /** Cost of one unplaced participant: larger than any possible sum of placement costs. */
  unplacedPenalty: number;
  /** preferenceCost + unplacedPenalty * unplaced: the value minimised by the optimal mode. */
  value: number;
}

export interface PlacementResult {
  mode: PlacementMode;
  /** participantId -> visitId or null (unplaced), in input order of participants. */
  assignment: Record<string, string | null>;
  objective: Objective;
  /** Sum over visits of |female - male| after the run (the gender step lowers it). */
  genderImbalance: number;
  explanations: Explanation[];
}
