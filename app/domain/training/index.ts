/**
 * Pure scheduling core of training sessions (issue 5): no database, no Remix.
 * Time zones come from the IANA tz database via @date-fns/tz and Intl; holidays from ~/domain/holidays (date-holidays, and the repo's official KH, LA, MM lists);
 * iCalendar (RFC 5545) through ical-generator.
 */
export { ScheduleInputError, type ScheduleInputErrorCode } from "./errors";
export {
  addDays,
  assertTimeZone,
  daysBetween,
  eachLocalDate,
  isoWeekday,
  localDateOf,
  localToUtc,
  localToUtcMs,
  parseInstant,
  parseLocalDate,
  parseLocalTime,
  utcToLocal,
  type CivilDate,
  type IsoInstant,
  type LocalDate,
  type LocalTime,
  type LocalToUtcOptions,
} from "./local-time";
export { formatForViewer, formatInstant, formatInterval, zoneLabel, type FormatOptions, type ZoneNameStyle } from "./display";
export { hasHolidayData, publicHolidaysOn, type ExtraHoliday, type PublicHoliday } from "./holidays";
export type {
  BookableResource,
  ConflictCheckOptions,
  ConflictSeverity,
  LanguagePair,
  OtherTraining,
  ResourceId,
  ScheduledTraining,
  TrainingCandidate,
  TrainingConflict,
  TrainingStatus,
} from "./types";
export { BOOKABLE_RESOURCES, buildScheduleIndex, overlappingRefs, resourceKey, type IndexedTraining, type ScheduleIndex } from "./schedule-index";
export { checkConflicts, checkConflictsLinear, hasBlockingConflict } from "./conflicts";
export { findFreeSlots, type FreeSlot, type FreeSlotRequest } from "./free-slots";
export { buildVtimezone } from "./vtimezone";
export {
  buildICalendarFeed,
  buildParticipantFeed,
  buildVisitFeed,
  type FeedAllDayItem,
  type FeedItem,
  type FeedOptions,
  type FeedTextLanguages,
  type FeedTraining,
} from "./ical-feed";
