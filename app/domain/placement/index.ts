/**
 * VLX placement engine: places participants into exchange visits.
 *
 * - optimal mode: exact min-cost maximum flow (maximum flow by Dinic, then cost scaling: Goldberg &
 *   Tarjan 1990; Ahuja, Magnanti & Orlin 1993), most placed first, then least preference cost,
 *   then a gender-balance step that keeps both unchanged;
 * - stable mode: participant-proposing deferred acceptance with capacities and per-country caps
 *   (Gale & Shapley 1962; Roth & Peranson 1999).
 * Pure functions over plain data; see docs/placement-instance.md for the instance format.
 */
export type * from "./types";
export { validateInstance, instanceSchema, isIsoDate, DEFAULT_OPTIONS, DEFAULT_WEIGHTS } from "./validate";
export type { ValidationIssue, ValidationResult } from "./validate";
export { hardRuleFailures, isEligible, rankOf, preferenceCost, themeOverlap, missingThemes } from "./eligibility";
export { solvePlacement, runPlacement, compareModes, blockingPairs } from "./solve";
export type { SolveOptions, RunResult, ModeComparison } from "./solve";
export type { FlowMethod } from "./flow";
export { toEnglish, explanationToEnglish } from "./english";
