/**
 * The results as labelled rows in the reader's language, shared by the edition's evaluation page
 * (charts and tables) and its CSV export: one row per indicator, later stage and group.
 */
import { countryName } from "../../domain/countries";
import { round, type Change, type Dimension } from "../../domain/evaluation/change";
import { localText } from "../../domain/evaluation/text";
import { pickText } from "../../domain/local-text";
import { translatorFor } from "../../i18n.server";
import type { Actor } from "../actor";
import { editionResults } from "./results.server";

export type ResultRow = {
  indicatorId: number;
  code: string;
  indicator: string;
  /** Language `indicator` is in (issue 11 item 8: the reader's, else English, else the first given). */
  indicatorLang: string;
  group: string;
  unit: string;
  direction: string;
  surveyId: number;
  stage: string;
  dimension: Dimension | "overall";
  groupKey: string;
  groupLabel: string;
} & Change;

export function stageName(tr: (k: string, o?: Record<string, unknown>) => string, stage: string, months: number) {
  return stage === "follow_up" ? tr("evaluation.stages.follow_up_n", { months, count: months }) : tr(`evaluation.stages.${stage}`);
}

export function groupLabel(tr: (k: string) => string, dim: Dimension | "overall", key: string, lng: string): string {
  if (dim === "overall") return tr("evaluation.results.everyone");
  if (!key) return tr("evaluation.results.unknown");
  if (dim === "country") return countryName(key, lng);
  if (dim === "gender") return tr(`genders.${key}`);
  if (dim === "role") return tr(`positions.${key}`);
  return key;
}

/** The results and their rows (every dimension each indicator supports, plus overall). */
export function resultRows(actor: Actor, editionId: number, lng: string, now = new Date()) {
  const results = editionResults(actor, editionId, now);
  const tr = translatorFor(lng) as unknown as (k: string, o?: Record<string, unknown>) => string;
  const rows: ResultRow[] = [];
  for (const r of results.indicators) {
    const unit = r.indicator.type === "percentage" || r.indicator.type === "yes_no" ? "%" : localText(r.indicator.unit, lng);
    const base = {
      indicatorId: r.indicator.id,
      code: r.indicator.code,
      indicator: localText(r.indicator.name, lng),
      indicatorLang: pickText(r.indicator.name, lng).lang,
      group: tr(`evaluation.groups.${r.indicator.group}`),
      unit,
      direction: tr(`evaluation.directions.${r.indicator.direction}`),
    };
    for (const c of r.comparisons) {
      const stage = stageName(tr, c.stage, c.monthsAfter);
      rows.push({ ...c.overall, ...base, surveyId: c.surveyId, stage, dimension: "overall", groupKey: "", groupLabel: groupLabel(tr, "overall", "", lng) });
      for (const [dim, groups] of Object.entries(c.groups) as [Dimension, NonNullable<(typeof c.groups)[Dimension]>][]) {
        // The figures first: a subgroup's own `group` key (e.g. "BN") must not replace the indicator's group.
        for (const g of groups)
          rows.push({ ...g, ...base, surveyId: c.surveyId, stage, dimension: dim, groupKey: g.group, groupLabel: groupLabel(tr, dim, g.group, lng) });
      }
    }
  }
  return { results, rows, tr };
}

/** The CSV's header and rows (numbers rounded to 2 decimals). */
export function csvTable(rows: ResultRow[], tr: (k: string) => string) {
  const header = [
    "indicator_code",
    tr("evaluation.csv.indicator"),
    tr("evaluation.csv.group"),
    tr("evaluation.csv.stage"),
    tr("evaluation.csv.dimension"),
    tr("evaluation.csv.subgroup"),
    tr("evaluation.csv.n"),
    tr("evaluation.csv.baseline"),
    tr("evaluation.csv.later"),
    tr("evaluation.csv.change"),
    tr("evaluation.csv.unit"),
    tr("evaluation.csv.improved"),
  ];
  const body = rows.map((r) => [
    r.code,
    r.indicator,
    r.group,
    r.stage,
    r.dimension === "overall" ? tr("evaluation.results.everyone") : tr(`evaluation.dimensions.${r.dimension}`),
    r.groupLabel,
    r.n,
    round(r.baselineMean),
    round(r.laterMean),
    round(r.change),
    r.unit,
    r.improved === null ? "" : r.improved ? tr("common.yes") : tr("common.no"),
  ]);
  return { header, body };
}
