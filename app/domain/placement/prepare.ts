/**
 * Builds the compact network both modes work on, from a validated instance.
 *
 * Participants and visits are put in a canonical order (by id, compared as code units, not by
 * locale) so that the result does not depend on the order of the input arrays. Locked placements
 * are applied first: they consume the visit's capacity and the country's cap k even when they
 * break a hard rule, and the locked participants are left out of the network.
 *
 * Arcs are stored in CSR form (one contiguous typed-array range per participant), sorted by
 * (cost, visit id), so the participant's strict preference order is the arc order. A "group" is a
 * (visit, sending country) pair: the node of the network through which the cap k is enforced.
 *
 * Complexity: O(sum over participants of the visits their list reaches + P log P + V log V).
 */
import { isEligible } from "./eligibility";
import type { Options, Participant, PlacementInstance, Visit, Weights } from "./types";
import { DEFAULT_OPTIONS, DEFAULT_WEIGHTS } from "./validate";

export interface Prepared {
  weights: Weights;
  options: Options;
  /** Canonical order (sorted by id). */
  participants: Participant[];
  visits: Visit[];
  visitIndex: Map<string, number>;
  countries: string[];
  /** Sending-country index per participant. */
  countryOf: Int32Array;
  /** Locked visit per participant, -1 when free. */
  lockedVisit: Int32Array;
  lockedCost: Int32Array;
  /** CSR arcs of free participants: arcs of p are [arcStart[p], arcStart[p+1]). */
  arcStart: Int32Array;
  arcVisit: Int32Array;
  arcGroup: Int32Array;
  arcCost: Int32Array;
  /** 0-based rank of the entry, -1 when unranked. */
  arcRank: Int32Array;
  /** Themes of the participant the visit offers (the visit's priority score in stable mode). */
  arcOverlap: Int32Array;
  /** Owner participant of each arc. */
  arcOwner: Int32Array;
  groupVisit: Int32Array;
  groupCountry: Int32Array;
  /** Remaining cap k of the group after locked placements (the visit's remaining capacity when no cap). */
  groupCap: Int32Array;
  /** Remaining capacity of each visit after locked placements (never negative). */
  visitCap: Int32Array;
  /** Locked placements per visit and per (visit, country) key `v * countries.length + c`. */
  lockedPerVisit: Int32Array;
  lockedPerGroupKey: Map<number, number>;
  /** Penalty of one unplaced participant: 1 + sum over free participants of their costliest arc. */
  unplacedPenalty: number;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function prepare(inst: PlacementInstance): Prepared {
  const weights: Weights = { ...DEFAULT_WEIGHTS, ...stripUndefined(inst.weights ?? {}) };
  const options: Options = { ...DEFAULT_OPTIONS, ...stripUndefined(inst.options ?? {}) };
  const participants = [...inst.participants].sort(byId);
  const visits = [...inst.visits].sort(byId);
  const P = participants.length;
  const V = visits.length;
  const visitIndex = new Map<string, number>();
  visits.forEach((v, i) => visitIndex.set(v.id, i));

  const countryIdx = new Map<string, number>();
  const countries: string[] = [];
  const countryOf = new Int32Array(P);
  participants.forEach((p, i) => {
    let c = countryIdx.get(p.country);
    if (c === undefined) {
      c = countries.length;
      countries.push(p.country);
      countryIdx.set(p.country, c);
    }
    countryOf[i] = c;
  });
  const C = Math.max(1, countries.length);

  const visitsByHost = new Map<string, number[]>();
  visits.forEach((v, i) => {
    const l = visitsByHost.get(v.hostCountry);
    if (l) l.push(i);
    else visitsByHost.set(v.hostCountry, [i]);
  });
  // Interned bitmasks make the inner eligibility and theme tests a few integer operations.
  const langBit = interner();
  const themeBit = interner();
  const pLang = participants.map((p) => langBit.mask(p.languages));
  const vLang = visits.map((v) => langBit.mask(v.languages) | langBit.mask(v.interpreterLanguages ?? []));
  const pTheme = participants.map((p) => themeBit.mask(p.themes ?? []));
  const vTheme = visits.map((v) => themeBit.mask(v.themes ?? []));
  const masksExact = langBit.exact() && themeBit.exact();
  const visitThemes = visits.map((v) => new Set(v.themes ?? []));
  const pThemes = participants.map((p) => [...new Set(p.themes ?? [])]);
  const miss = (pi: number, vi: number) => {
    if (masksExact) return popcount(pTheme[pi]! & ~vTheme[vi]!);
    let m = 0;
    const vt = visitThemes[vi]!;
    for (const t of pThemes[pi]!) if (!vt.has(t)) m++;
    return m;
  };
  const vHostIdx = visits.map((v) => countryIdx.get(v.hostCountry) ?? -1);

  // Locked placements first: they take seats before anyone else is considered.
  const lockedVisit = new Int32Array(P).fill(-1);
  const lockedCost = new Int32Array(P);
  const lockedPerVisit = new Int32Array(V);
  const lockedPerGroupKey = new Map<number, number>();
  const pIndex = new Map<string, number>();
  participants.forEach((p, i) => pIndex.set(p.id, i));
  for (const [pid, vid] of Object.entries(inst.locked ?? {})) {
    const pi = pIndex.get(pid);
    const vi = visitIndex.get(vid);
    if (pi === undefined || vi === undefined) continue; // validation reports these
    lockedVisit[pi] = vi;
    lockedPerVisit[vi]!++;
    const key = vi * C + countryOf[pi]!;
    lockedPerGroupKey.set(key, (lockedPerGroupKey.get(key) ?? 0) + 1);
    const p = participants[pi]!;
    const r = rankIn(p, visits[vi]!);
    lockedCost[pi] = weights.rank * (r < 0 ? p.preferences.length : r) + weights.theme * miss(pi, vi);
  }
  const visitCap = new Int32Array(V);
  for (let v = 0; v < V; v++) visitCap[v] = Math.max(0, visits[v]!.capacity - lockedPerVisit[v]!);

  const groupOfKey = new Map<number, number>();
  const gVisit: number[] = [];
  const gCountry: number[] = [];
  const gCap: number[] = [];
  const arcStart = new Int32Array(P + 1);
  const aVisit: number[] = [];
  const aCost: number[] = [];
  const aRank: number[] = [];
  const aGroup: number[] = [];
  const aOverlap: number[] = [];
  const aOwner: number[] = [];
  const stamp = new Int32Array(V).fill(-1);
  const candRank = new Int32Array(V);
  let penalty = 1;
  const tmp: number[] = [];
  const KEY_SPAN = 2 ** 21 > V ? 2 ** 21 : 2 ** Math.ceil(Math.log2(V + 1));
  let sortKeys = new Float64Array(Math.max(16, options.acceptUnranked ? V : 0));
  const popcountOrCount = (pi: number, m: number) => pThemes[pi]!.length - m;

  for (let pi = 0; pi < P; pi++) {
    arcStart[pi] = aVisit.length;
    if (lockedVisit[pi]! >= 0) continue;
    const p = participants[pi]!;
    tmp.length = 0;
    const add = (vi: number, r: number) => {
      if (stamp[vi] === pi) return;
      stamp[vi] = pi;
      candRank[vi] = r;
      tmp.push(vi);
    };
    p.preferences.forEach((e, r) => {
      if ("visit" in e) {
        const vi = visitIndex.get(e.visit);
        if (vi !== undefined) add(vi, r);
      } else for (const vi of visitsByHost.get(e.country) ?? []) add(vi, r);
    });
    if (options.acceptUnranked) for (let vi = 0; vi < V; vi++) add(vi, -1);
    if (sortKeys.length < tmp.length) sortKeys = new Float64Array(tmp.length * 2);
    const c = countryOf[pi]!;
    const avFrom = p.availability.from;
    const avTo = p.availability.to;
    const pl = pLang[pi]!;
    let nk = 0;
    for (const vi of tmp) {
      if (visitCap[vi] === 0) continue;
      const v = visits[vi]!;
      const eligible = masksExact
        ? vHostIdx[vi] !== c && avFrom <= v.arrival && v.departure <= avTo && (pl & vLang[vi]!) !== 0
        : isEligible(p, v);
      if (!eligible) continue;
      const key = vi * C + c;
      const k = v.countryCap ?? null;
      const capLeft = k === null ? visitCap[vi]! : Math.max(0, Math.min(k - (lockedPerGroupKey.get(key) ?? 0), visitCap[vi]!));
      if (capLeft === 0) continue;
      const r = candRank[vi]!;
      const cost = weights.rank * (r < 0 ? p.preferences.length : r) + weights.theme * miss(pi, vi);
      sortKeys[nk++] = cost * KEY_SPAN + vi; // (cost, visit) order in one exact number
    }
    const keys = sortKeys.subarray(0, nk).sort();
    let maxCost = 0;
    for (let i = 0; i < nk; i++) {
      const vi = keys[i]! % KEY_SPAN;
      const cost = (keys[i]! - vi) / KEY_SPAN;
      const key = vi * C + c;
      let g = groupOfKey.get(key);
      if (g === undefined) {
        const k = visits[vi]!.countryCap ?? null;
        g = gVisit.length;
        groupOfKey.set(key, g);
        gVisit.push(vi);
        gCountry.push(c);
        gCap.push(k === null ? visitCap[vi]! : Math.max(0, Math.min(k - (lockedPerGroupKey.get(key) ?? 0), visitCap[vi]!)));
      }
      const r = candRank[vi]!;
      const m = miss(pi, vi);
      aOverlap.push(popcountOrCount(pi, m));
      aOwner.push(pi);
      aCost.push(cost);
      aVisit.push(vi);
      aRank.push(r);
      aGroup.push(g);
      if (cost > maxCost) maxCost = cost;
    }
    penalty += maxCost;
  }
  arcStart[P] = aVisit.length;

  return {
    weights,
    options,
    participants,
    visits,
    visitIndex,
    countries,
    countryOf,
    lockedVisit,
    lockedCost,
    arcStart,
    arcVisit: Int32Array.from(aVisit),
    arcGroup: Int32Array.from(aGroup),
    arcCost: Int32Array.from(aCost),
    arcRank: Int32Array.from(aRank),
    arcOverlap: Int32Array.from(aOverlap),
    arcOwner: Int32Array.from(aOwner),
    groupVisit: Int32Array.from(gVisit),
    groupCountry: Int32Array.from(gCountry),
    groupCap: Int32Array.from(gCap),
    visitCap,
    lockedPerVisit,
    lockedPerGroupKey,
    unplacedPenalty: penalty,
  };
}

function rankIn(p: Participant, v: Visit): number {
  for (let i = 0; i < p.preferences.length; i++) {
    const e = p.preferences[i]!;
    if ("visit" in e ? e.visit === v.id : e.country === v.hostCountry) return i;
  }
  return -1;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Interns strings into bit positions; exact while at most 31 distinct values were seen. */
function interner() {
  const bits = new Map<string, number>();
  return {
    mask(xs: readonly string[]): number {
      let m = 0;
      for (const x of xs) {
        let b = bits.get(x);
        if (b === undefined) {
          b = bits.size;
          bits.set(x, b);
        }
        if (b < 31) m |= 1 << b;
      }
      return m;
    },
    exact: () => bits.size <= 31,
  };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
