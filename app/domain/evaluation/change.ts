/**
 * Change figures: baseline against a later stage for one indicator, paired (only people who
 * answered both), overall and disaggregated by country, gender, role and host site. Pure.
 */

export type Dimension = "country" | "gender" | "role" | "host_site";
export type Respondent = { personId: number; country: string; gender: string; role: string; hostSite: string };
export type Change = {
  /** People who answered both stages. */
  n: number;
  baselineMean: number | null;
  laterMean: number | null;
  /** laterMean - baselineMean (mean of the paired differences, the same number). */
  change: number | null;
  /** The change goes the indicator's good way (null when there is no change or no data). */
  improved: boolean | null;
};
export type GroupChange = Change & { group: string };

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Rounds for display and export (to `digits` decimals, -0 shown as 0). */
export function round(x: number | null, digits = 2): number | null {
  if (x === null) return null;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * The paired change between `baseline` and `later` (person id -> value) for `people` (all of them
 * when omitted). `factor` scales the means (100 turns yes/no shares into percentages).
 */
export function pairedChange(
  baseline: Map<number, number>,
  later: Map<number, number>,
  opts: { people?: Iterable<number>; factor?: number; direction?: "higher_better" | "lower_better" } = {},
): Change {
  const factor = opts.factor ?? 1;
  const ids = opts.people ? [...opts.people] : [...baseline.keys()];
  const pairs: [number, number][] = [];
  for (const id of ids) {
    const b = baseline.get(id);
    const l = later.get(id);
    if (b !== undefined && l !== undefined) pairs.push([b * factor, l * factor]);
  }
  const baselineMean = mean(pairs.map((p) => p[0]));
  const laterMean = mean(pairs.map((p) => p[1]));
  const change = mean(pairs.map((p) => p[1] - p[0]));
  const improved = change === null || Math.abs(change) < 1e-9 ? null : opts.direction === "lower_better" ? change < 0 : change > 0;
  return { n: pairs.length, baselineMean, laterMean, change, improved };
}

/** The value of `dim` for a respondent. */
export function groupOf(r: Respondent, dim: Dimension): string {
  switch (dim) {
    case "country":
      return r.country;
    case "gender":
      return r.gender;
    case "role":
      return r.role;
    case "host_site":
      return r.hostSite;
  }
}

/** The paired change per group of `dim`, groups sorted by key; groups without pairs are left out. */
export function disaggregate(
  respondents: Respondent[],
  dim: Dimension,
  baseline: Map<number, number>,
  later: Map<number, number>,
  opts: { factor?: number; direction?: "higher_better" | "lower_better" } = {},
): GroupChange[] {
  const groups = new Map<string, number[]>();
  for (const r of respondents) {
    const g = groupOf(r, dim) || "";
    (groups.get(g) ?? groups.set(g, []).get(g)!).push(r.personId);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, people]) => ({ group, ...pairedChange(baseline, later, { ...opts, people }) }))
    .filter((g) => g.n > 0);
}

/** Share answered, as a whole percentage (0 when nobody was asked). */
export function rate(answered: number, asked: number): number {
  return asked ? Math.round((answered / asked) * 100) : 0;
}

/** Counts of action statuses (the latest report per action). */
export function tally<T extends string>(values: T[], keys: readonly T[]): Record<T, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
