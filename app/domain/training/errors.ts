/**
 * Typed input errors of the training-scheduling core. Route actions map `field` onto the form
 * field to re-show the answer with its error (docs/design.md rule 5), so `field` names the input, and
 * `code` is stable for translation keys.
 */
export type ScheduleInputErrorCode =
  | "invalid_date"
  | "invalid_time"
  | "invalid_instant"
  | "unknown_time_zone"
  | "nonexistent_local_time"
  | "ambiguous_local_time"
  | "invalid_country"
  | "invalid_range"
  | "invalid_option"
  | "invalid_item";

export class ScheduleInputError extends Error {
  readonly field: string;
  readonly code: ScheduleInputErrorCode;

  constructor(field: string, code: ScheduleInputErrorCode, message: string) {
    super(message);
    this.name = "ScheduleInputError";
    this.field = field;
    this.code = code;
  }
}
