/**
 * The two demo editions, dated relative to today so the demo works whenever it is started:
 * the 11th, in person in Yunnan (one week starting in about 100 days, applications open), and
 * the 10th, an online forum that ended about 60 days ago.
 */
import { MEMBER_COUNTRY_CODES } from "../../app/domain/countries";
import { addDays } from "../../app/domain/dates";
import type { Db } from "../client";
import * as t from "../schema";
import type { DemoEdition } from "./types";

export type SeededEdition = { id: number; startsOn: string; endsOn: string; opensOn: string; closesOn: string };

type EditionSeed = typeof t.editions.$inferInsert & { quotas: Record<string, number> };

/** Quota per member country: `base` for most, `small` for Brunei and Singapore. */
function quotas(base: number, small: number) {
  return Object.fromEntries(MEMBER_COUNTRY_CODES.map((c) => [c, c === "BN" || c === "SG" ? small : base]));
}

export function editionSeeds(today: string): Record<DemoEdition, EditionSeed> {
  const yunnanStart = addDays(today, 100);
  const onlineEnd = addDays(today, -60);
  return {
    yunnan: {
      name: "11th Village Leaders Exchange — Yunnan",
      ordinal: 11,
      mode: "in_person",
      hostCountries: ["CN"],
      startsOn: yunnanStart,
      endsOn: addDays(yunnanStart, 6),
      applicationsOpenOn: addDays(today, -30),
      applicationsCloseOn: addDays(today, 45),
      timeZone: "Asia/Shanghai",
      themes: ["rural_revitalisation", "eco_agriculture", "rural_tourism", "cooperatives", "poverty_governance"],
      description:
        "One week in Yunnan (and one group in Guangxi): opening forum in Kunming, four days of community " +
        "visits with a homestay in a Yao village of Mengla County, then a closing workshop in Jinghong. " +
        "Organised by IPRCC with the ASEAN Secretariat. Chinese village leaders join as co-learners.",
      quotas: quotas(6, 4),
    },
    online: {
      name: "10th Village Leaders Exchange — Online Forum",
      ordinal: 10,
      mode: "online",
      hostCountries: ["CN"],
      startsOn: addDays(onlineEnd, -4),
      endsOn: onlineEnd,
      applicationsOpenOn: addDays(today, -180),
      applicationsCloseOn: addDays(today, -100),
      timeZone: "Asia/Shanghai",
      themes: ["digital_village", "poverty_governance", "rural_revitalisation", "microfinance", "cooperatives", "eco_agriculture"],
      description:
        "A five-day online forum run by the IPRCC secretariat: village cases on digital villages, " +
        "village funds and poverty governance, two hours a day at 14:00 Beijing time.",
      quotas: quotas(4, 2),
    },
  };
}

/** Inserts both editions and their quotas; returns their ids and dates by key. */
export function seedEditions(tx: Db, today: string): Record<DemoEdition, SeededEdition> {
  const out = {} as Record<DemoEdition, SeededEdition>;
  for (const [key, { quotas: q, ...row }] of Object.entries(editionSeeds(today)) as [DemoEdition, EditionSeed][]) {
    const id = tx.insert(t.editions).values(row).returning({ id: t.editions.id }).get().id;
    tx.insert(t.editionQuotas)
      .values(Object.entries(q).map(([countryCode, quota]) => ({ editionId: id, countryCode, quota })))
      .run();
    out[key] = { id, startsOn: row.startsOn, endsOn: row.endsOn, opensOn: row.applicationsOpenOn, closesOn: row.applicationsCloseOn };
  }
  return out;
}
