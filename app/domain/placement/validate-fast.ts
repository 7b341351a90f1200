/**
 * Fast path of instance validation (validate.ts `validateInstance`): a hand-written check of
 * exactly what `instanceSchema` accepts, written as plain loops over the hot arrays (participants,
 * their languages and ranked lists, visits) instead of one zod parse per list entry. It only
 * answers "valid or not": a valid instance is returned as is (unknown keys are kept, and the
 * engine ignores them), and on any doubt the caller runs the zod schema, whose issues name the
 * field (so error messages come from one place). Soundness: every check below is one the schema
 * makes; a value this accepts, the schema accepts (the tests compare both on random mutations).
 * O(size of the instance), no allocation per entry beyond the id sets.
 */

import { costBoundProblem } from "./cost-bound";

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isId = (x: unknown): x is string => typeof x === "string" && x.length > 0;

/** Two characters in [A-Z] (an ISO 3166-1 alpha-2 code as the schema checks it). */
function isCountry(x: unknown): x is string {
  if (typeof x !== "string" || x.length !== 2) return false;
  const a = x.charCodeAt(0);
  const b = x.charCodeAt(1);
  return a >= 65 && a <= 90 && b >= 65 && b <= 90;
}

/** Two characters in [a-z] (an ISO 639-1 code). */
function isLanguage(x: unknown): boolean {
  if (typeof x !== "string" || x.length !== 2) return false;
  const a = x.charCodeAt(0);
  const b = x.charCodeAt(1);
  return a >= 97 && a <= 122 && b >= 97 && b <= 122;
}

function languages(x: unknown, optional: boolean): boolean {
  if (x === undefined) return optional;
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (!isLanguage(x[i])) return false;
  return true;
}

function themes(x: unknown): boolean {
  if (x === undefined) return true;
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (!isId(x[i])) return false;
  return true;
}

const isCount = (x: unknown): boolean => typeof x === "number" && Number.isSafeInteger(x) && x >= 0;
const GENDERS = new Set(["female", "male", "other", "undisclosed"]);

/** `YYYY-MM-DD` and a real calendar day, checked on the characters (no Date, no regex). */
function isDate(x: unknown): x is string {
  if (typeof x !== "string" || x.length !== 10 || x.charCodeAt(4) !== 45 || x.charCodeAt(7) !== 45) return false;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = x.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    y = y * 10 + c;
  }
  const d1 = x.charCodeAt(5) - 48;
  const d2 = x.charCodeAt(6) - 48;
  const d3 = x.charCodeAt(8) - 48;
  const d4 = x.charCodeAt(9) - 48;
  if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9 || d3 < 0 || d3 > 9 || d4 < 0 || d4 > 9) return false;
  const mo = d1 * 10 + d2;
  const d = d3 * 10 + d4;
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
}

/** Whether `data` certainly passes `instanceSchema` (false: run the schema for the issues). */
export function fastValid(data: unknown): boolean {
  if (!isObj(data)) return false;
  const { participants, visits, locked, weights, options } = data;
  if (!Array.isArray(participants) || !Array.isArray(visits)) return false;
  const vids = new Set<string>();
  for (let i = 0; i < visits.length; i++) {
    const v = visits[i];
    if (!isObj(v) || !isId(v.id) || !isCountry(v.hostCountry) || !isDate(v.arrival) || !isDate(v.departure)) return false;
    if (!isCount(v.capacity) || (v.countryCap !== undefined && v.countryCap !== null && !isCount(v.countryCap))) return false;
    if (!languages(v.languages, false) || !languages(v.interpreterLanguages, true) || !themes(v.themes)) return false;
    if (v.arrival > v.departure || vids.has(v.id)) return false;
    vids.add(v.id);
  }
  const pids = new Set<string>();
  for (let i = 0; i < participants.length; i++) {
    const p = participants[i];
    if (!isObj(p) || !isId(p.id) || !isCountry(p.country) || !languages(p.languages, false) || !themes(p.themes)) return false;
    if (p.gender !== undefined && !(typeof p.gender === "string" && GENDERS.has(p.gender))) return false;
    const av = p.availability;
    if (!isObj(av) || !isDate(av.from) || !isDate(av.to) || av.from > av.to) return false;
    const prefs = p.preferences;
    if (!Array.isArray(prefs)) return false;
    for (let j = 0; j < prefs.length; j++) {
      const e = prefs[j];
      if (!isObj(e)) return false;
      // Strict objects of one key: { visit } (a known visit) or { country }.
      if (Object.keys(e).length !== 1) return false;
      if ("visit" in e) {
        if (!isId(e.visit) || !vids.has(e.visit)) return false;
      } else if (!("country" in e) || !isCountry(e.country)) return false;
    }
    if (pids.has(p.id)) return false;
    pids.add(p.id);
  }
  if (locked !== undefined) {
    if (!isObj(locked)) return false;
    for (const pid in locked) {
      const vid = locked[pid];
      if (!isId(vid) || !pids.has(pid) || !vids.has(vid)) return false;
    }
  }
  if (weights !== undefined) {
    if (!isObj(weights)) return false;
    if (weights.rank !== undefined && !isCount(weights.rank)) return false;
    if (weights.theme !== undefined && !isCount(weights.theme)) return false;
  }
  // Weights that would make a cost inexact: the schema's refinement says why.
  if (costBoundProblem(data as unknown as Parameters<typeof costBoundProblem>[0]) !== null) return false;
  if (options !== undefined) {
    if (!isObj(options)) return false;
    const { acceptUnranked, seed, genderBalance } = options;
    if (acceptUnranked !== undefined && typeof acceptUnranked !== "boolean") return false;
    if (genderBalance !== undefined && typeof genderBalance !== "boolean") return false;
    if (seed !== undefined && !(typeof seed === "number" && Number.isSafeInteger(seed))) return false;
  }
  return true;
}
