/**
 * Small deterministic helpers for the demo data: a seeded PRNG (no Math.random, so every start
 * seeds the same people), phone numbers that libphonenumber-js accepts, ASCII e-mail slugs, and
 * instants relative to "now".
 */
import examples from "libphonenumber-js/mobile/examples";
import { getExampleNumber, isValidPhoneNumber, type CountryCode } from "libphonenumber-js/max";
import { foldForSearch } from "../../app/domain/names";

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max], inclusive. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}
export type Rng = ReturnType<typeof prng>;

/**
 * A mobile number of `country` in E.164: the country's example mobile number (libphonenumber-js
 * metadata) with its last four digits varied, kept only when the full metadata calls it valid.
 */
export function mobileNumber(country: string, rng: Rng): string {
  const example = getExampleNumber(country as CountryCode, examples);
  if (!example) throw new Error(`no example phone number for ${country}`);
  const base = example.number as string;
  for (let i = 0; i < 20; i++) {
    const tail = String(rng.int(0, 9999)).padStart(4, "0");
    const candidate = base.slice(0, -4) + tail;
    if (candidate !== base && isValidPhoneNumber(candidate)) return candidate;
  }
  return base;
}

/** ASCII slug of a Latin name part: "Thị Ánh" -> "thi-anh"; patronymic links (bin, binti, s/o) and what follows are dropped. */
export function slug(text: string): string {
  const words = foldForSearch(text)
    .split(/[^a-z0-9/]+/)
    .filter(Boolean);
  const cut = words.findIndex((w) => ["bin", "binti", "binte", "s/o", "d/o"].includes(w));
  return (cut >= 0 ? words.slice(0, cut) : words).join("-").replace(/[^a-z0-9-]/g, "");
}

/**
 * The demo address of an applicant: `<given>.<family or cc>@vlx.demo`, ASCII; a patronymic-only
 * family name ("binti Abdullah") counts as its father's name ("abdullah").
 */
export function applicantEmail(givenLatin: string, familyLatin: string, cc: string, taken: Set<string>): string {
  const family = familyLatin.replace(/^(bin|binti|binte|s\/o|d\/o)\s+(haji\s+)?/i, "");
  const local = `${slug(givenLatin)}.${slug(family) || cc.toLowerCase()}`;
  let email = `${local}@vlx.demo`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@vlx.demo`;
  taken.add(email);
  return email;
}

/** A UTC ISO instant `days` days from `today` (a date-only value) at `hour`:`minute` UTC. */
export function instantOn(today: string, days: number, hour: number, minute = 0): number {
  const [y, m, d] = today.split("-").map(Number);
  return Date.UTC(y, m - 1, d + days, hour, minute);
}

export const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The saved language of a demo village leader from member country `cc` (issue 11, item 9): the
 * country's own language, Malay for Brunei and Malaysia, English for Singapore.
 */
export const COUNTRY_LANGUAGE: Record<string, string> = {
  VN: "vi",
  TH: "th",
  KH: "km",
  LA: "lo",
  MM: "my",
  ID: "id",
  MY: "ms",
  BN: "ms",
  PH: "fil",
  CN: "zh",
  JP: "ja",
  KR: "ko",
  SG: "en",
};
export function countryLanguage(cc: string): string {
  return COUNTRY_LANGUAGE[cc] ?? "en";
}
