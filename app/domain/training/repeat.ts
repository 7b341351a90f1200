/**
 * The words of a repeating training session (issue 15, item 8), without the recurrence library
 * (app/domain/training/recurrence.ts), so the browser's form code can use them.
 */

/** Weekdays as RFC 5545 codes, Monday first (ISO 8601). */
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** How a new session repeats: not at all, every day, or on chosen weekdays (weekly). */
export const REPEATS = ["none", "daily", "weekly"] as const;
export type Repeat = (typeof REPEATS)[number];

/** More occurrences than this in one series is refused (two months of daily sessions). */
export const MAX_OCCURRENCES = 62;
