import type { IsoInstant, LocalDate } from "./local-time";
import type { ExtraHoliday } from "./holidays";

/** Record ids as the database gives them (integer or text). Compared by `String(id)`. */
export type ResourceId = string | number;

/** Training session life cycle (docs/design.md): draft -> scheduled -> held | cancelled. */
export type TrainingStatus = "draft" | "scheduled" | "held" | "cancelled";

/**
 * A training session as the scheduler sees it. Times are UTC instants; the audience
 * (`participantIds`) is already resolved by the caller from the training's target groups.
 */
export interface ScheduledTraining {
  id: ResourceId;
  start: IsoInstant;
  end: IsoInstant;
  /** null/undefined for online trainings: they book no room. */
  venueId?: ResourceId | null;
  trainerIds?: readonly ResourceId[];
  interpreterIds?: readonly ResourceId[];
  participantIds?: readonly ResourceId[];
  /** Cancelled trainings never conflict. Default "scheduled". */
  status?: TrainingStatus;
  title?: string;
}

/**
 * A language pair an interpreter works in. Interpreting at these trainings is consecutive and
 * runs both ways unless `oneWay` is set (e.g. a sign-language interpreter voicing only one way).
 * Languages are BCP 47 tags; matching uses the primary subtag ("en-GB" matches "en").
 */
export interface LanguagePair {
  from: string;
  to: string;
  oneWay?: boolean;
}

/** The training being created or edited, with what the checks beyond double-booking need. */
export interface TrainingCandidate extends ScheduledTraining {
  /** IANA zone of the venue (or of the organiser for online trainings); used for local dates and labels. */
  venueZone: string;
  /** ISO 3166-1 alpha-2 of the venue's country, for public holidays. null: no holiday check (online). */
  venueCountry?: string | null;
  /** The visit's (or, for programme-wide trainings, the edition's) first and last day, venue-local, inclusive. */
  dateBounds?: { from: LocalDate; to: LocalDate; scope: "visit" | "edition" } | null;
  /** BCP 47 tag of the language the trainer speaks. Absent: no interpreter-cover check. */
  deliveryLanguage?: string | null;
  /** Languages each audience member understands, keyed by `String(participantId)`. */
  participantLanguages?: Readonly<Record<string, readonly string[]>>;
  /** Language pairs of each interpreter, keyed by `String(interpreterId)`; only those in `interpreterIds` count. */
  interpreterPairs?: Readonly<Record<string, readonly LanguagePair[]>>;
}

export type BookableResource = "venue" | "trainer" | "interpreter" | "participant";
export type ConflictSeverity = "error" | "warning" | "info";

/** The other training in a double booking, with its time shown in the candidate venue's zone. */
export interface OtherTraining {
  id: ResourceId;
  title?: string;
  start: IsoInstant;
  end: IsoInstant;
  /** e.g. "Wed 10 Mar 2027, 09:00–11:00 GMT+6:30" in the candidate's venue zone. */
  localTime: string;
}

export type TrainingConflict =
  | {
      code: "end_not_after_start";
      severity: "error";
      message: string;
    }
  | {
      code: "double_booked";
      severity: "error";
      resource: BookableResource;
      /** The candidate's resources also booked by `other` (one for a venue; any number of people). */
      resourceIds: ResourceId[];
      other: OtherTraining;
      message: string;
    }
  | {
      code: "outside_dates";
      severity: "error";
      scope: "visit" | "edition";
      from: LocalDate;
      to: LocalDate;
      /** Venue-local days the training touches (end day taken as the day of the last minute). */
      firstDay: LocalDate;
      lastDay: LocalDate;
      message: string;
    }
  | {
      code: "public_holiday";
      severity: "warning";
      country: string;
      date: LocalDate;
      holidayNames: string[];
      message: string;
    }
  | {
      code: "holiday_data_unavailable";
      severity: "info";
      country: string;
      message: string;
    }
  | {
      code: "interpreter_cover";
      severity: "warning";
      deliveryLanguage: string;
      /** Audience members who do not understand the delivery language and have no interpreter into theirs. */
      participantIds: ResourceId[];
      /** Target languages (normalised primary subtags) with no pair delivery→language. */
      uncoveredLanguages: string[];
      message: string;
    };

export interface ConflictCheckOptions {
  /** Holidays to add to date-holidays' (needed for KH, LA, MM). */
  extraHolidays?: readonly ExtraHoliday[];
  /** Locale for the time labels. Default "en-GB". */
  locale?: string;
}
