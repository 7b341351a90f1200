/**
 * Progress of a pilot project against its plan: milestones reached, late (due before today and
 * not reached), and budget use (actual against planned, per month and in total). Amounts are
 * integer minor units of one currency. Pure: no database.
 */

export type MilestoneLike = { dueOn: string; doneOn: string | null };
export type BudgetLineLike = { period: string; plannedMinor: number; actualMinor: number | null };

/** Counts of milestones: all, reached, and late on `today` (YYYY-MM-DD). */
export function milestoneProgress(ms: MilestoneLike[], today: string) {
  return {
    total: ms.length,
    done: ms.filter((m) => m.doneOn).length,
    late: ms.filter((m) => !m.doneOn && m.dueOn < today).length,
  };
}

/** True when a milestone is past due on `today` and not reached. */
export function isLate(m: MilestoneLike, today: string): boolean {
  return !m.doneOn && m.dueOn < today;
}

/**
 * Budget totals: planned and actual sums, and the share used (actual over planned of the
 * months that reported spending; null when nothing is planned). Per month, sorted by month.
 */
export function budgetTotals(lines: BudgetLineLike[]) {
  const byPeriod = new Map<string, { period: string; plannedMinor: number; actualMinor: number; reported: boolean }>();
  for (const l of lines) {
    const p = byPeriod.get(l.period) ?? { period: l.period, plannedMinor: 0, actualMinor: 0, reported: false };
    p.plannedMinor += l.plannedMinor;
    if (l.actualMinor !== null) {
      p.actualMinor += l.actualMinor;
      p.reported = true;
    }
    byPeriod.set(l.period, p);
  }
  const periods = [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
  const plannedMinor = periods.reduce((n, p) => n + p.plannedMinor, 0);
  const actualMinor = periods.reduce((n, p) => n + p.actualMinor, 0);
  return { periods, plannedMinor, actualMinor, used: plannedMinor > 0 ? actualMinor / plannedMinor : null };
}
