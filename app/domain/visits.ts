/**
 * Pure helpers for host sites and exchange visits (no database, no Remix):
 * - bed use of overlapping visits at one site (nights are half-open [arrival, departure): a visit
 *   that departs on the day another arrives does not overlap it, docs/design.md invariant 3),
 * - a month grid for the calendar (date-only `YYYY-MM-DD` text, weeks start on Monday),
 * - (the public holidays of a country live in ./holidays.server.ts: date-holidays stays off client bundles),
 * - language cover of an edition's participants by its visits.
 */
import { addDays } from "./dates";

export type DateSpan = { arrivalOn: string; departureOn: string };
export type BedVisit = DateSpan & { id: number; title: string; capacity: number };

/** Nights of a stay: [arrival, departure). A same-day visit uses no bed. */
export function nightsOverlap(a: DateSpan, b: DateSpan): boolean {
  return a.arrivalOn < b.departureOn && b.arrivalOn < a.departureOn;
}

export type BedCheck = { ok: true; peak: number } | { ok: false; peak: number; night: string; beds: number; overlapping: BedVisit[] };

/**
 * Whether `candidate` fits the site's `beds` together with `others` (the site's other
 * non-cancelled visits; the candidate's own id is ignored if present). Counts the beds needed
 * on every night of the candidate's stay; refuses when any night needs more than `beds`, and
 * names the other visits that share the worst night.
 */
export function checkBeds(candidate: BedVisit, others: readonly BedVisit[], beds: number): BedCheck {
  const rivals = others.filter((o) => o.id !== candidate.id && nightsOverlap(candidate, o));
  let peak = 0;
  let worst: { night: string; need: number; who: BedVisit[] } | null = null;
  for (let night = candidate.arrivalOn; night < candidate.departureOn; night = addDays(night, 1)) {
    const who = rivals.filter((o) => o.arrivalOn <= night && night < o.departureOn);
    const need = candidate.capacity + who.reduce((s, o) => s + o.capacity, 0);
    if (need > peak) peak = need;
    if (need > beds && (!worst || need > worst.need)) worst = { night, need, who };
  }
  if (!worst) return { ok: true, peak };
  return { ok: false, peak, night: worst.night, beds, overlapping: worst.who };
}

/** `YYYY-MM` of a date-only value. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** True for `YYYY-MM` with a month 01..12 (years 1900..2999). */
export function isMonth(s: string | null | undefined): s is string {
  return !!s && /^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/.test(s);
}

/** The month `n` months after `month` (`YYYY-MM`). */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const idx = y * 12 + (m - 1) + n;
  return `${String(Math.floor(idx / 12)).padStart(4, "0")}-${String((idx % 12) + 1).padStart(2, "0")}`;
}

/** Day of the week of a date-only value, Monday = 0 .. Sunday = 6 (pure calendar arithmetic). */
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export type GridDay = { date: string; inMonth: boolean };

/**
 * The weeks (Monday to Sunday) covering `month` (`YYYY-MM`): 4 to 6 rows of 7 days, with the
 * days of the neighbouring months flagged `inMonth: false`.
 */
export function monthGrid(month: string): GridDay[][] {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  const first = `${month}-01`;
  const last = addDays(`${shiftMonth(month, 1)}-01`, -1);
  let day = addDays(first, -weekdayIndex(first));
  const end = addDays(last, 6 - weekdayIndex(last));
  const weeks: GridDay[][] = [];
  while (day <= end) {
    const week: GridDay[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ date: day, inMonth: monthOf(day) === month });
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** Whether a visit is at the site on `date` (arrival and departure days included). */
export function visitOnDay(v: DateSpan, date: string): boolean {
  return v.arrivalOn <= date && date <= v.departureOn;
}

export type CoverParticipant = { id: number; name: string; country: string | null; languages: string[] };
export type CoverVisit = { languages: string[]; interpreterLanguages: string[] };

/**
 * Language cover of an edition: for each language spoken by an accepted participant, whether at
 * least one visit works in it (a spoken or an interpreted language). Returns the uncovered
 * languages with who speaks them, and the participants none of whose languages is covered
 * (including those who gave no language at all).
 */
export function languageCover(participants: readonly CoverParticipant[], visits: readonly CoverVisit[]) {
  const covered = new Set(visits.flatMap((v) => [...v.languages, ...v.interpreterLanguages]));
  const uncoveredLanguages = new Map<string, CoverParticipant[]>();
  const uncoveredParticipants: CoverParticipant[] = [];
  for (const p of participants) {
    for (const l of p.languages) {
      if (!covered.has(l)) {
        const list = uncoveredLanguages.get(l) ?? [];
        list.push(p);
        uncoveredLanguages.set(l, list);
      }
    }
    if (!p.languages.some((l) => covered.has(l))) uncoveredParticipants.push(p);
  }
  return {
    covered: [...covered].sort(),
    uncoveredLanguages: [...uncoveredLanguages.entries()]
      .map(([language, who]) => ({ language, participants: who }))
      .sort((a, b) => b.participants.length - a.participants.length || a.language.localeCompare(b.language)),
    uncoveredParticipants,
  };
}

/**
 * How a visit's status is shown: the life cycle (docs/design.md "Life cycles": planned ->
 * cancelled) has no later state, so a planned visit whose departure date is before `today` (the
 * site's date, `todayIn(site zone)`) is shown as "ended": a reading of its dates, not a stored
 * state. A visit is still on during its departure day.
 */
export function shownVisitStatus(status: string, departureOn: string, today: string): string {
  return status === "planned" && departureOn < today ? "ended" : status;
}
