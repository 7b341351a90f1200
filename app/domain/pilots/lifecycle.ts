/**
 * The pilot project life cycle (docs/design.md "Life cycles"): proposed → approved → in progress →
 * completed | suspended. An approved or running project may be suspended (funding held, a
 * monitoring visit found a problem); a suspended one resumes into "in progress". Completed is
 * final. Suspending needs a written reason. Pure: no database.
 */
import type { PilotStatus } from "./vocabulary";

export const PILOT_TRANSITIONS: Record<PilotStatus, readonly PilotStatus[]> = {
  proposed: ["approved"],
  approved: ["in_progress", "suspended"],
  in_progress: ["completed", "suspended"],
  suspended: ["in_progress"],
  completed: [],
};

/** True when `from → to` is a step of the life cycle. */
export function canMovePilot(from: PilotStatus, to: PilotStatus): boolean {
  return PILOT_TRANSITIONS[from].includes(to);
}

/** Steps that need a reason written with them. */
export function pilotStepNeedsReason(to: PilotStatus): boolean {
  return to === "suspended";
}
