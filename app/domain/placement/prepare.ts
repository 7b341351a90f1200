/**
 * Builds what both modes work on, from a validated instance, in two layers.
 *
 * 1. `prepareBase`: the interned instance. Participants and visits are put in a canonical order
 *    (by id, compared as code units, not by locale) so that the result does not depend on the
 *    order of the input arrays. Every string the hot loops would compare is interned once:
 *    countries to small ints, dates to day ints (order-preserving), languages and themes to bit
 *    masks (so "shared language or interpreter" is one AND and "themes missing" one popcount,
 *    exact while at most 31 distinct values occur, else the string rules of eligibility.ts are
 *    used), preference entries to visit indices or country buckets (visits of a host country are
 *    one contiguous slice). Locked placements are applied first: they consume the visit's
 *    capacity and the country's cap k even when they break a hard rule, and the locked
 *    participants are left out of the matching. O(P log P + V log V + total list entries).
 *
 * 2. `prepare` (the optimal mode, blocking-pair search): the full network of acceptable arcs in
 *    CSR form (one contiguous typed-array range per participant), sorted by (cost, visit id), so
 *    a participant's strict preference order is the arc order. A "group" is a (visit, sending
 *    country) pair: the node of the network through which the cap k is enforced. Arcs go
 *    straight into growable typed arrays; no per-arc objects. O(base + sum over participants of
 *    the visits their list reaches (all V when `acceptUnranked`) * log of that).
 *
 * The stable mode does not need the full network: see stable.ts (`stableMatch`), which builds
 * each participant's list from the base, and the unranked tail only when proposals reach it.
 */
import { isEligible } from "./eligibility";
import type { Options, Participant, PlacementInstance, Visit, Weights } from "./types";
import { DEFAULT_OPTIONS, DEFAULT_WEIGHTS } from "./validate";

export interface Base {
  weights: Weights;
  options: Options;
  /** Canonical order (sorted by id). */
  participants: Participant[];
  visits: Visit[];
  visitIndex: Map<string, number>;
  /** Interned countries: sending countries first (in participant order), then host-only ones. */
  countries: string[];
  /** Country index per participant (sending) and per visit (host). */
  countryOf: Int32Array;
  visitHost: Int32Array;
  /** Visits per host country: those of country c are hostVisits[hostStart[c] .. hostStart[c+1]), ascending. */
  hostStart: Int32Array;
  hostVisits: Int32Array;
  /** Availability and visit dates as order-preserving day ints. */
  availFrom: Int32Array;
  availTo: Int32Array;
  arrival: Int32Array;
  departure: Int32Array;
  /** Language bit masks (visit: spoken | interpreter); `langExact` false when > 31 languages. */
  pLang: Int32Array;
  vLang: Int32Array;
  langExact: boolean;
  /** Theme bit masks; `themeExact` false when > 31 themes. */
  pTheme: Int32Array;
  vTheme: Int32Array;
  themeExact: boolean;
  /** Number of distinct themes per participant. */
  pThemeCount: Int32Array;
  /** Compiled lists: entries of p are prefItem[prefStart[p] .. prefStart[p+1]) (index = rank);
   *  visit index v >= 0, -(c+1) for host country c, NO_ENTRY when naming nothing known. */
  prefStart: Int32Array;
  prefItem: Int32Array;
  /** Locked visit per participant, -1 when free. */
  lockedVisit: Int32Array;
  lockedCost: Int32Array;
  /** Remaining capacity of each visit after locked placements (never negative). */
  visitCap: Int32Array;
  /** Per-country cap k of each visit, -1 when none. */
  visitK: Int32Array;
  /** Locked placements per visit and per (visit, country) key `v * countries.length + c`. */
  lockedPerVisit: Int32Array;
  lockedPerGroupKey: Map<number, number>;
}

export interface Prepared extends Base {
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
  /** Penalty of one unplaced participant: 1 + sum over free participants of their costliest arc. */
  unplacedPenalty: number;
}

export const NO_ENTRY = -(2 ** 30);

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Sorted copy by id; O(n) when already sorted (the common case: ids come sorted from the database). */
function sortedById<T extends { id: string }>(xs: readonly T[]): T[] {
  for (let i = 1; i < xs.length; i++) if (!(xs[i - 1]!.id < xs[i]!.id)) return [...xs].sort(byId);
  return [...xs];
}

export function prepareBase(inst: PlacementInstance): Base {
  const weights: Weights = { ...DEFAULT_WEIGHTS, ...stripUndefined(inst.weights ?? {}) };
  const options: Options = { ...DEFAULT_OPTIONS, ...stripUndefined(inst.options ?? {}) };
  const participants = sortedById(inst.participants);
  const visits = sortedById(inst.visits);
  const P = participants.length;
  const V = visits.length;
  const visitIndex = new Map<string, number>();
  for (let i = 0; i < V; i++) visitIndex.set(visits[i]!.id, i);

  const countryIdx = new Map<string, number>();
  const countries: string[] = [];
  const intern = (s: string) => {
    let c = countryIdx.get(s);
    if (c === undefined) {
      c = countries.length;
      countries.push(s);
      countryIdx.set(s, c);
    }
    return c;
  };
  const countryOf = new Int32Array(P);
  for (let i = 0; i < P; i++) countryOf[i] = intern(participants[i]!.country);
  const visitHost = new Int32Array(V);
  for (let i = 0; i < V; i++) visitHost[i] = intern(visits[i]!.hostCountry);
  const C = Math.max(1, countries.length);
  const hostStart = new Int32Array(C + 1);
  for (let i = 0; i < V; i++) hostStart[visitHost[i]! + 1]!++;
  for (let c = 0; c < C; c++) hostStart[c + 1]! += hostStart[c]!;
  const hostVisits = new Int32Array(V);
  const hostFill = hostStart.slice(0, C);
  for (let i = 0; i < V; i++) hostVisits[hostFill[visitHost[i]!]!++] = i;

  // Dates: YYYY-MM-DD parsed to y * 10000 + m * 100 + d (orders like the text); any other text
  // (not valid, but never mind) makes every date its rank among all distinct date strings.
  const availFrom = new Int32Array(P);
  const availTo = new Int32Array(P);
  const arrival = new Int32Array(V);
  const departure = new Int32Array(V);
  let datesOk = true;
  for (let i = 0; i < P && datesOk; i++) {
    const a = participants[i]!.availability;
    datesOk = (availFrom[i] = dayInt(a.from)) >= 0 && (availTo[i] = dayInt(a.to)) >= 0;
  }
  for (let i = 0; i < V && datesOk; i++)
    datesOk = (arrival[i] = dayInt(visits[i]!.arrival)) >= 0 && (departure[i] = dayInt(visits[i]!.departure)) >= 0;
  if (!datesOk) {
    const all = new Set<string>();
    for (const p of participants) all.add(p.availability.from).add(p.availability.to);
    for (const v of visits) all.add(v.arrival).add(v.departure);
    const rank = new Map([...all].sort().map((s, i) => [s, i]));
    participants.forEach((p, i) => ((availFrom[i] = rank.get(p.availability.from)!), (availTo[i] = rank.get(p.availability.to)!)));
    visits.forEach((v, i) => ((arrival[i] = rank.get(v.arrival)!), (departure[i] = rank.get(v.departure)!)));
  }

  const langBit = interner();
  const themeBit = interner();
  const pLang = new Int32Array(P);
  const pTheme = new Int32Array(P);
  const pThemeCount = new Int32Array(P);
  for (let i = 0; i < P; i++) {
    const p = participants[i]!;
    pLang[i] = langBit.mask(p.languages);
    const t = p.themes ?? [];
    pTheme[i] = themeBit.mask(t);
    pThemeCount[i] = t.length <= 1 ? t.length : new Set(t).size;
  }
  const vLang = new Int32Array(V);
  const vTheme = new Int32Array(V);
  for (let i = 0; i < V; i++) {
    const v = visits[i]!;
    vLang[i] = langBit.mask(v.languages) | langBit.mask(v.interpreterLanguages ?? []);
    vTheme[i] = themeBit.mask(v.themes ?? []);
  }

  // Preference lists compiled to ints (rank = position; unknown names keep their rank, reach nothing).
  const prefStart = new Int32Array(P + 1);
  for (let i = 0; i < P; i++) prefStart[i + 1] = prefStart[i]! + participants[i]!.preferences.length;
  const prefItem = new Int32Array(prefStart[P]!);
  for (let i = 0, k = 0; i < P; i++)
    for (const e of participants[i]!.preferences) {
      let item = NO_ENTRY;
      if ("visit" in e) item = visitIndex.get(e.visit) ?? NO_ENTRY;
      else {
        const c = countryIdx.get(e.country);
        if (c !== undefined && hostStart[c + 1]! > hostStart[c]!) item = -(c + 1);
      }
      prefItem[k++] = item;
    }

  const base: Base = {
    weights,
    options,
    participants,
    visits,
    visitIndex,
    countries,
    countryOf,
    visitHost,
    hostStart,
    hostVisits,
    availFrom,
    availTo,
    arrival,
    departure,
    pLang,
    vLang,
    langExact: langBit.exact(),
    pTheme,
    vTheme,
    themeExact: themeBit.exact(),
    pThemeCount,
    prefStart,
    prefItem,
    lockedVisit: new Int32Array(P).fill(-1),
    lockedCost: new Int32Array(P),
    visitCap: new Int32Array(V),
    visitK: new Int32Array(V),
    lockedPerVisit: new Int32Array(V),
    lockedPerGroupKey: new Map(),
  };

  // Locked placements first: they take seats before anyone else is considered.
  const locked = inst.locked ?? {};
  const lockedIds = Object.keys(locked);
  if (lockedIds.length > 0) {
    const pIndex = new Map<string, number>();
    participants.forEach((p, i) => pIndex.set(p.id, i));
    for (const pid of lockedIds) {
      const pi = pIndex.get(pid);
      const vi = visitIndex.get(locked[pid]!);
      if (pi === undefined || vi === undefined) continue; // validation reports these
      base.lockedVisit[pi] = vi;
      base.lockedPerVisit[vi]!++;
      const key = vi * C + countryOf[pi]!;
      base.lockedPerGroupKey.set(key, (base.lockedPerGroupKey.get(key) ?? 0) + 1);
      const r = rankIn(base, pi, vi);
      base.lockedCost[pi] = weights.rank * (r < 0 ? participants[pi]!.preferences.length : r) + weights.theme * missing(base, pi, vi);
    }
  }
  for (let v = 0; v < V; v++) {
    base.visitCap[v] = Math.max(0, visits[v]!.capacity - base.lockedPerVisit[v]!);
    base.visitK[v] = visits[v]!.countryCap ?? -1;
  }
  return base;
}

/** 0-based rank of visit vi in p's list (first entry naming it or its host), -1 when unranked. */
export function rankIn(b: Base, pi: number, vi: number): number {
  const host = -(b.visitHost[vi]! + 1);
  for (let k = b.prefStart[pi]!, e = b.prefStart[pi + 1]!; k < e; k++) {
    const it = b.prefItem[k]!;
    if (it === vi || it === host) return k - b.prefStart[pi]!;
  }
  return -1;
}

/** Number of p's themes that visit v does not offer. */
export function missing(b: Base, pi: number, vi: number): number {
  if (b.themeExact) return popcount(b.pTheme[pi]! & ~b.vTheme[vi]!);
  const vt = b.visits[vi]!.themes ?? [];
  let m = 0;
  for (const t of new Set(b.participants[pi]!.themes ?? [])) if (!vt.includes(t)) m++;
  return m;
}

/** Number of p's themes that visit v offers (v's priority score for p in stable mode). */
export function overlap(b: Base, pi: number, vi: number): number {
  return b.pThemeCount[pi]! - missing(b, pi, vi);
}

/** Hard rules (not own country, dates inside availability, shared language or interpreter). */
export function eligible(b: Base, pi: number, vi: number): boolean {
  if (!b.langExact) return isEligible(b.participants[pi]!, b.visits[vi]!);
  return (
    b.visitHost[vi] !== b.countryOf[pi] &&
    b.availFrom[pi]! <= b.arrival[vi]! &&
    b.departure[vi]! <= b.availTo[pi]! &&
    (b.pLang[pi]! & b.vLang[vi]!) !== 0
  );
}

/** Seats left for country c at visit v after locks: min(k - locked compatriots, seats left), or the seats left when no cap. */
export function groupCapLeft(b: Base, vi: number, c: number): number {
  const k = b.visitK[vi]!;
  if (k < 0) return b.visitCap[vi]!;
  const locked = b.lockedPerGroupKey.size === 0 ? 0 : (b.lockedPerGroupKey.get(vi * Math.max(1, b.countries.length) + c) ?? 0);
  return Math.max(0, Math.min(k - locked, b.visitCap[vi]!));
}

/**
 * Scratch space to list one participant's acceptable visits in (cost, visit id) order.
 * `collect` fills `keys[0 .. n)` with cost * KEY_SPAN + visit (one exact double per arc, so one
 * typed-array sort orders them); `stamp`/`rank` mark the visits p's entries reached.
 */
export class ListBuilder {
  readonly span: number;
  keys: Float64Array;
  readonly stamp: Int32Array;
  readonly rank: Int32Array;
  readonly cand: Int32Array;
  nCand = 0;
  constructor(readonly b: Base) {
    const V = b.visits.length;
    this.span = 2 ** Math.max(21, Math.ceil(Math.log2(V + 1)));
    this.keys = new Float64Array(Math.max(16, b.options.acceptUnranked ? V : 64));
    this.stamp = new Int32Array(V).fill(-1);
    this.rank = new Int32Array(V);
    this.cand = new Int32Array(V);
  }

  /** Marks the visits p's entries reach (first entry wins) in `cand[0 .. nCand)`. */
  mark(pi: number): void {
    const { b, stamp, rank, cand } = this;
    let n = 0;
    for (let k = b.prefStart[pi]!, e = b.prefStart[pi + 1]!, r = 0; k < e; k++, r++) {
      const it = b.prefItem[k]!;
      if (it >= 0) {
        if (stamp[it] !== pi) ((stamp[it] = pi), (rank[it] = r), (cand[n++] = it));
      } else if (it !== NO_ENTRY) {
        const c = -it - 1;
        for (let j = b.hostStart[c]!, je = b.hostStart[c + 1]!; j < je; j++) {
          const v = b.hostVisits[j]!;
          if (stamp[v] !== pi) ((stamp[v] = pi), (rank[v] = r), (cand[n++] = v));
        }
      }
    }
    this.nCand = n;
  }

  private push(n: number, key: number): number {
    if (n === this.keys.length) {
      const k = new Float64Array(n * 2);
      k.set(this.keys);
      this.keys = k;
    }
    this.keys[n] = key;
    return n + 1;
  }

  /** Whether p may be offered v at all: eligible, a seat left, room under the cap after locks. */
  private open(pi: number, v: number): boolean {
    return this.b.visitCap[v]! > 0 && eligible(this.b, pi, v) && groupCapLeft(this.b, v, this.b.countryOf[pi]!) > 0;
  }

  /** Keys of p's acceptable ranked visits (after `mark(pi)`), sorted; returns the count. */
  ranked(pi: number): number {
    const { b, cand, rank, span } = this;
    const wr = b.weights.rank;
    const wt = b.weights.theme;
    let n = 0;
    for (let i = 0; i < this.nCand; i++) {
      const v = cand[i]!;
      if (!this.open(pi, v)) continue;
      n = this.push(n, (wr * rank[v]! + wt * missing(b, pi, v)) * span + v);
    }
    sortKeys(this.keys, n);
    return n;
  }

  /** Appends keys of p's acceptable unranked visits (after `mark(pi)`) from index n; unsorted. */
  unranked(pi: number, n: number): number {
    const { b, stamp, span } = this;
    const base = b.weights.rank * b.participants[pi]!.preferences.length;
    const wt = b.weights.theme;
    for (let v = 0, V = b.visits.length; v < V; v++) {
      if (stamp[v] === pi || !this.open(pi, v)) continue;
      n = this.push(n, (base + wt * missing(b, pi, v)) * span + v);
    }
    return n;
  }

  /** Largest cost among p's acceptable unranked visits (after `mark(pi)`), -1 if none; stops at the largest possible. */
  maxUnranked(pi: number): number {
    const { b, stamp } = this;
    const base = b.weights.rank * b.participants[pi]!.preferences.length;
    const wt = b.weights.theme;
    const top = wt === 0 ? 0 : b.pThemeCount[pi]!;
    let best = -1;
    for (let v = 0, V = b.visits.length; v < V; v++) {
      if (stamp[v] === pi || !this.open(pi, v)) continue;
      const m = wt === 0 ? 0 : missing(b, pi, v);
      if (m > best) best = m;
      if (best >= top) break;
    }
    return best < 0 ? -1 : base + wt * best;
  }
}

/** The full network of acceptable arcs (optimal mode, blocking pairs). */
export function prepare(inst: PlacementInstance): Prepared {
  return buildNetwork(prepareBase(inst));
}

export function buildNetwork(b: Base): Prepared {
  const P = b.participants.length;
  const V = b.visits.length;
  const C = Math.max(1, b.countries.length);
  const lb = new ListBuilder(b);
  const span = lb.span;
  const acceptUnranked = b.options.acceptUnranked;
  // Group of (visit, country), numbered in order of first use; dense table when small.
  const dense = V * C <= 1 << 22;
  const groupOfKeyArr = dense ? new Int32Array(V * C).fill(-1) : null;
  const groupOfKeyMap = dense ? null : new Map<number, number>();
  let gVisit: Int32Array = new Int32Array(64);
  let gCountry: Int32Array = new Int32Array(64);
  let gCap: Int32Array = new Int32Array(64);
  let G = 0;
  const arcStart = new Int32Array(P + 1);
  let cap = Math.max(64, b.prefItem.length * 2);
  let aVisit: Int32Array = new Int32Array(cap);
  let aCost: Int32Array = new Int32Array(cap);
  let aRank: Int32Array = new Int32Array(cap);
  let aGroup: Int32Array = new Int32Array(cap);
  let aOverlap: Int32Array = new Int32Array(cap);
  let aOwner: Int32Array = new Int32Array(cap);
  let m = 0;
  let penalty = 1;
  for (let pi = 0; pi < P; pi++) {
    arcStart[pi] = m;
    if (b.lockedVisit[pi]! >= 0) continue;
    lb.mark(pi);
    let n = lb.ranked(pi);
    if (acceptUnranked) {
      n = lb.unranked(pi, n);
      sortKeys(lb.keys, n);
    }
    if (m + n > cap) {
      cap = Math.max(cap * 2, m + n);
      aVisit = grow(aVisit, cap);
      aCost = grow(aCost, cap);
      aRank = grow(aRank, cap);
      aGroup = grow(aGroup, cap);
      aOverlap = grow(aOverlap, cap);
      aOwner = grow(aOwner, cap);
    }
    const c = b.countryOf[pi]!;
    const keys = lb.keys;
    for (let i = 0; i < n; i++) {
      const vi = keys[i]! % span;
      const cost = (keys[i]! - vi) / span;
      const key = vi * C + c;
      let g = dense ? groupOfKeyArr![key]! : (groupOfKeyMap!.get(key) ?? -1);
      if (g < 0) {
        g = G++;
        if (dense) groupOfKeyArr![key] = g;
        else groupOfKeyMap!.set(key, g);
        if (g === gVisit.length) {
          gVisit = grow(gVisit, g * 2);
          gCountry = grow(gCountry, g * 2);
          gCap = grow(gCap, g * 2);
        }
        gVisit[g] = vi;
        gCountry[g] = c;
        gCap[g] = groupCapLeft(b, vi, c);
      }
      aOverlap[m] = b.pThemeCount[pi]! - missing(b, pi, vi);
      aOwner[m] = pi;
      aCost[m] = cost;
      aVisit[m] = vi;
      aRank[m] = lb.stamp[vi] === pi ? lb.rank[vi]! : -1;
      aGroup[m] = g;
      m++;
    }
    if (n > 0) penalty += (keys[n - 1]! - (keys[n - 1]! % span)) / span;
  }
  arcStart[P] = m;
  return {
    ...b,
    arcStart,
    arcVisit: aVisit.slice(0, m),
    arcGroup: aGroup.slice(0, m),
    arcCost: aCost.slice(0, m),
    arcRank: aRank.slice(0, m),
    arcOverlap: aOverlap.slice(0, m),
    arcOwner: aOwner.slice(0, m),
    groupVisit: gVisit.slice(0, G),
    groupCountry: gCountry.slice(0, G),
    groupCap: gCap.slice(0, G),
    unplacedPenalty: penalty,
  };
}

/** Sorts keys[0 .. n) ascending: insertion sort for the short lists most participants have. */
export function sortKeys(keys: Float64Array, n: number): void {
  if (n > 24) {
    keys.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > x) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = x;
  }
}

function grow(a: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n);
  out.set(a.subarray(0, Math.min(a.length, n)));
  return out;
}

/** YYYY-MM-DD as y * 10000 + m * 100 + d, or -1 when the text has another shape. */
function dayInt(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  let y = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    y = y * 10 + d;
  }
  return y; // digits of YYYYMMDD: orders exactly like the text
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

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
