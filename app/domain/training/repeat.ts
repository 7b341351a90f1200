/**
 * The words of a repeating training session (issue 15, item 8), without the recurrence library
 * (app/domain/training/recurrence.ts), so the browser's form code can use them.
 */

/** Weekdays as RFC 5545 codes, Monday first (ISO 8601). */
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The weekday of a date-only value (`YYYY-MM-DD`) as its RFC 5545 code ("2031-07-07" → "MO"),
 * read as a calendar date (UTC fields), so no time zone moves it.
 */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split("-").map(Number);
  return WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7];
}

/** How a new session repeats: not at all, every day, or on chosen weekdays (weekly). */
export const REPEATS = ["none", "daily", "weekly"] as const;
export type Repeat = (typeof REPEATS)[number];

/** More occurrences than this in one series is refused (two months of daily sessions). */
export const MAX_OCCURRENCES = 62;
