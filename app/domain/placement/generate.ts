/**
 * Seeded generator of synthetic placement instances, for tests, benchmarks and demo data.
 * Deterministic for a given seed (mulberry32 PRNG; no Math.random).
 *
 * Shape: the 13 member countries send participants and host visits; each country has a national
 * language and a share of participants also speak English; visits run in one- or two-week
 * windows of a season and participants are available for a sub-window of it; visits have a
 * popularity (heavy-tailed) that drives which ones participants rank.
 */
import type { Gender, Participant, PlacementInstance, PreferenceEntry, Visit } from "./types";

export const MEMBER_COUNTRIES = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "CN", "JP", "KR"] as const;
const NATIONAL_LANGUAGE: Record<string, string> = {
  BN: "ms",
  KH: "km",
  ID: "id",
  LA: "lo",
  MY: "ms",
  MM: "my",
  PH: "tl",
  SG: "en",
  TH: "th",
  VN: "vi",
  CN: "zh",
  JP: "ja",
  KR: "ko",
};
const THEMES = ["rural-revitalisation", "eco-agriculture", "rural-tourism", "cooperatives", "poverty-governance", "water-supply", "livestock", "e-commerce"];

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  seed: number;
  participants: number;
  visits: number;
  /** Number of member countries used (first n of MEMBER_COUNTRIES). Default 13. */
  countries?: number;
  capacity?: [number, number];
  /** Per-country cap k, or null for none. */
  countryCap?: number | null;
  listLength?: number;
  /** Rank host countries instead of visits. */
  rankCountries?: boolean;
  acceptUnranked?: boolean;
  /** Share of participants speaking English (default 0.7). */
  english?: number;
  /** Season length in days; visits last 7 or 14 days inside it (default 60). */
  seasonDays?: number;
  /** Share of list entries drawn without regard to eligibility (default 0.1). */
  noise?: number;
  /** Number of locked placements (random participant -> random visit). */
  locked?: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
/** Day offset from 2027-03-01 as YYYY-MM-DD (text arithmetic on a fixed calendar, no Date). */
export function dayToIso(day: number): string {
  const months = [31, 30, 31, 30, 31, 31, 30, 31, 30, 31]; // Mar..Dec 2027
  let m = 0;
  let d = day;
  while (m < months.length - 1 && d >= months[m]!) d -= months[m++]!;
  return `2027-${pad(m + 3)}-${pad(d + 1)}`;
}

export function generateInstance(o: GenerateOptions): PlacementInstance {
  const rnd = mulberry32(o.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const countries = MEMBER_COUNTRIES.slice(0, o.countries ?? 13);
  const season = o.seasonDays ?? 60;
  const [capLo, capHi] = o.capacity ?? [10, 25];
  const english = o.english ?? 0.7;
  const L = o.listLength ?? 10;
  const noise = o.noise ?? 0.1;

  const visits: Visit[] = [];
  const popularity: number[] = [];
  for (let i = 0; i < o.visits; i++) {
    const host = countries[i % countries.length]!;
    const len = rnd() < 0.5 ? 7 : 14;
    const start = int(0, season - len);
    const langs = [NATIONAL_LANGUAGE[host]!];
    if (rnd() < 0.7 && !langs.includes("en")) langs.push("en");
    const interp: string[] = [];
    if (rnd() < 0.6)
      for (let j = int(1, 3); j > 0; j--) {
        const l = NATIONAL_LANGUAGE[countries[int(0, countries.length - 1)]!]!;
        if (!interp.includes(l) && !langs.includes(l)) interp.push(l);
      }
    visits.push({
      id: `v${String(i).padStart(5, "0")}`,
      hostCountry: host,
      arrival: dayToIso(start),
      departure: dayToIso(start + len - 1),
      capacity: int(capLo, capHi),
      countryCap: o.countryCap === undefined ? 3 : o.countryCap,
      languages: langs,
      interpreterLanguages: interp,
      themes: THEMES.filter(() => rnd() < 0.3),
    });
    popularity.push(1 / Math.pow(1 + rnd() * 9, 1.5)); // heavy-tailed: a few visits are popular
  }
  const cum: number[] = [];
  let acc = 0;
  for (const w of popularity) cum.push((acc += w));
  const drawVisit = () => {
    const x = rnd() * acc;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const genders: Gender[] = ["female", "male", "female", "male", "other", "undisclosed"];
  const participants: Participant[] = [];
  for (let i = 0; i < o.participants; i++) {
    const country = countries[int(0, countries.length - 1)]!;
    const languages = [NATIONAL_LANGUAGE[country]!];
    if (rnd() < english && !languages.includes("en")) languages.push("en");
    const from = int(0, Math.floor(season / 4));
    const to = Math.min(season - 1, from + int(Math.floor(season * 0.6), season));
    const p: Participant = {
      id: `p${String(i).padStart(6, "0")}`,
      country,
      gender: genders[int(0, 3) + (rnd() < 0.05 ? 2 : 0)],
      languages,
      availability: { from: dayToIso(from), to: dayToIso(to) },
      preferences: [],
      themes: THEMES.filter(() => rnd() < 0.25),
    };
    const prefs: PreferenceEntry[] = [];
    if (o.rankCountries) {
      const cs = countries.filter((c) => c !== country);
      for (let j = cs.length - 1; j > 0; j--) {
        const k = int(0, j);
        [cs[j], cs[k]] = [cs[k]!, cs[j]!];
      }
      for (const c of cs.slice(0, L)) prefs.push({ country: c });
    } else {
      const seen = new Set<number>();
      for (let tries = 0; prefs.length < L && tries < L * 60; tries++) {
        const v = drawVisit();
        if (seen.has(v)) continue;
        const vis = visits[v]!;
        const ok =
          vis.hostCountry !== country &&
          dayToIso(from) <= vis.arrival &&
          vis.departure <= dayToIso(to) &&
          p.languages.some((l) => vis.languages.includes(l) || vis.interpreterLanguages!.includes(l));
        if (!ok && rnd() >= noise) continue;
        seen.add(v);
        prefs.push({ visit: vis.id });
      }
    }
    p.preferences = prefs;
    participants.push(p);
  }
  const locked: Record<string, string> = {};
  for (let i = 0; i < (o.locked ?? 0); i++) locked[participants[int(0, o.participants - 1)]!.id] = visits[int(0, o.visits - 1)]!.id;
  const inst: PlacementInstance = { participants, visits };
  if (o.locked) inst.locked = locked;
  if (o.acceptUnranked) inst.options = { acceptUnranked: true };
  return inst;
}
