/**
 * The interned instance (`prepareBase`): what both modes work on, built from a validated instance.
 *
 * Participants and visits are put in a canonical order (by id, compared as code units, not by
 * locale) so that the result does not depend on the order of the input arrays. Every string the
 * hot loops would compare is interned once: countries to small ints, dates to day ints
 * (order-preserving), languages and themes to bit masks (so "shared language or interpreter" is
 * one AND and "themes missing" one popcount, exact while at most 31 distinct values occur, else
 * the string rules of eligibility.ts are used), preference entries to visit indices or country
 * buckets (visits of a host country are one contiguous slice). Locked placements are applied
 * first: they consume the visit's capacity and the country's cap k even when they break a hard
 * rule, and the locked participants are left out of the matching.
 * O(P log P + V log V + total list entries).
 *
 * Also the per-(participant, visit) queries on it (rank, missing themes, hard rules, seats left
 * under the cap), shared by the network (prepare.ts), the lazily built lists (lists.ts, stable.ts)
 * and the explanations.
 */
import { isEligible } from "./eligibility";
import { int32Arrays } from "./typed-arrays";
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

  // Every per-participant and per-visit array in one allocation (typed-arrays.ts).
  let entries = 0;
  for (let i = 0; i < P; i++) entries += participants[i]!.preferences.length;
  const [countryOf, availFrom, availTo, pLang, pTheme, pThemeCount, lockedVisit, lockedCost, prefStart, prefItem] = int32Arrays(
    P,
    P,
    P,
    P,
    P,
    P,
    P,
    P,
    P + 1,
    entries,
  );
  const [visitHost, hostVisits, arrival, departure, vLang, vTheme, visitCap, visitK, lockedPerVisit] = int32Arrays(V, V, V, V, V, V, V, V, V);

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
  for (let i = 0; i < P; i++) countryOf[i] = intern(participants[i]!.country);
  for (let i = 0; i < V; i++) visitHost[i] = intern(visits[i]!.hostCountry);
  const C = Math.max(1, countries.length);
  const hostStart = new Int32Array(C + 1);
  for (let i = 0; i < V; i++) hostStart[visitHost[i]! + 1]!++;
  for (let c = 0; c < C; c++) hostStart[c + 1]! += hostStart[c]!;
  const hostFill = hostStart.slice(0, C);
  for (let i = 0; i < V; i++) hostVisits[hostFill[visitHost[i]!]!++] = i;

  // Dates: YYYY-MM-DD parsed to y * 10000 + m * 100 + d (orders like the text); any other text
  // (not valid, but never mind) makes every date its rank among all distinct date strings.
  let datesOk = true;
  for (let i = 0; i < P && datesOk; i++) {
    const a = participants[i]!.availability;
    datesOk = (availFrom[i] = dayInt(a.from)) >= 0 && (availTo[i] = dayInt(a.to)) >= 0;
  }
  for (let i = 0; i < V && datesOk; i++) datesOk = (arrival[i] = dayInt(visits[i]!.arrival)) >= 0 && (departure[i] = dayInt(visits[i]!.departure)) >= 0;
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
  for (let i = 0; i < P; i++) {
    const p = participants[i]!;
    pLang[i] = langBit.mask(p.languages);
    pTheme[i] = themeBit.mask(p.themes ?? []);
  }
  for (let i = 0; i < V; i++) {
    const v = visits[i]!;
    vLang[i] = langBit.mask(v.languages) | langBit.mask(v.interpreterLanguages ?? []);
    vTheme[i] = themeBit.mask(v.themes ?? []);
  }
  // Distinct themes per participant: the mask's bits when exact (a Set per participant cost
  // a tenth of this function on a realistic edition).
  const themeExact = themeBit.exact();
  for (let i = 0; i < P; i++) {
    const t = participants[i]!.themes ?? [];
    pThemeCount[i] = themeExact ? popcount(pTheme[i]!) : t.length <= 1 ? t.length : new Set(t).size;
  }

  // Preference lists compiled to ints (rank = position; unknown names keep their rank, reach nothing).
  for (let i = 0; i < P; i++) prefStart[i + 1] = prefStart[i]! + participants[i]!.preferences.length;
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
    themeExact,
    pThemeCount,
    prefStart,
    prefItem,
    lockedVisit: lockedVisit.fill(-1),
    lockedCost,
    visitCap,
    visitK,
    lockedPerVisit,
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
function rankIn(b: Base, pi: number, vi: number): number {
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

/** Hard rules (not own country, dates inside availability, shared language or interpreter). */
export function eligible(b: Base, pi: number, vi: number): boolean {
  if (!b.langExact) return isEligible(b.participants[pi]!, b.visits[vi]!);
  return b.visitHost[vi] !== b.countryOf[pi] && b.availFrom[pi]! <= b.arrival[vi]! && b.departure[vi]! <= b.availTo[pi]! && (b.pLang[pi]! & b.vLang[vi]!) !== 0;
}

/** Seats left for country c at visit v after locks: min(k - locked compatriots, seats left), or the seats left when no cap. */
export function groupCapLeft(b: Base, vi: number, c: number): number {
  const k = b.visitK[vi]!;
  if (k < 0) return b.visitCap[vi]!;
  const locked = b.lockedPerGroupKey.size === 0 ? 0 : (b.lockedPerGroupKey.get(vi * Math.max(1, b.countries.length) + c) ?? 0);
  return Math.max(0, Math.min(k - locked, b.visitCap[vi]!));
}

/** YYYY-MM-DD as y * 10000 + m * 100 + d, or -1 when the text has another shape. */
function dayInt(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  // Unrolled (this runs twice per participant): each digit's code minus 48 must be 0 .. 9.
  const d0 = s.charCodeAt(0) - 48;
  const d1 = s.charCodeAt(1) - 48;
  const d2 = s.charCodeAt(2) - 48;
  const d3 = s.charCodeAt(3) - 48;
  const d5 = s.charCodeAt(5) - 48;
  const d6 = s.charCodeAt(6) - 48;
  const d8 = s.charCodeAt(8) - 48;
  const d9 = s.charCodeAt(9) - 48;
  // Unsigned: a character below "0" gives a huge number, so one test per digit catches both sides.
  if (d0 >>> 0 > 9 || d1 >>> 0 > 9 || d2 >>> 0 > 9 || d3 >>> 0 > 9 || d5 >>> 0 > 9 || d6 >>> 0 > 9 || d8 >>> 0 > 9 || d9 >>> 0 > 9) return -1;
  return ((((((d0 * 10 + d1) * 10 + d2) * 10 + d3) * 10 + d5) * 10 + d6) * 10 + d8) * 10 + d9; // YYYYMMDD orders like the text
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
