/**
 * Small-cell suppression for anonymous survey results (issue 15 item 9): a figure about fewer
 * than MIN_CELL respondents is never shown, so a single person cannot be picked out by their
 * country, gender or role. Pure.
 *
 * Primary suppression hides every group with 0 < n < MIN_CELL. Because the overall figure is
 * shown, one hidden group could be worked out by subtracting the shown groups from it; so
 * secondary suppression also hides the next smallest groups until at least two groups are hidden
 * and the hidden ones together hold at least MIN_CELL respondents (or nothing is left to hide).
 * Standard practice in official statistics (e.g. Eurostat's "primary and secondary
 * confidentiality"), kept deliberately simple here.
 */

/** Fewest respondents a shown figure may rest on. */
export const MIN_CELL = 3;

export type CellInput = { group: string; n: number; value: number | null };
/** `n` and `value` are null when hidden. */
export type Cell = { group: string; n: number | null; value: number | null; suppressed: boolean };

/** The groups of one dimension with the small ones (and what would reveal them) hidden; order kept. */
export function suppressSmallCells(cells: CellInput[], min = MIN_CELL): Cell[] {
  const hidden = new Set<number>();
  cells.forEach((c, i) => {
    if (c.n > 0 && c.n < min) hidden.add(i);
  });
  const hiddenN = () => [...hidden].reduce((s, i) => s + cells[i].n, 0);
  while (hidden.size > 0 && (hidden.size < 2 || hiddenN() < min)) {
    let next = -1;
    cells.forEach((c, i) => {
      if (!hidden.has(i) && c.n > 0 && (next < 0 || c.n < cells[next].n)) next = i;
    });
    if (next < 0) break;
    hidden.add(next);
  }
  return cells.map((c, i) => (hidden.has(i) ? { group: c.group, n: null, value: null, suppressed: true } : { ...c, suppressed: false }));
}

/** The overall figure: hidden as a whole when fewer than `min` answered. */
export function suppressOverall(n: number, value: number | null, min = MIN_CELL): Cell {
  return n > 0 && n < min ? { group: "", n: null, value: null, suppressed: true } : { group: "", n, value, suppressed: false };
}
