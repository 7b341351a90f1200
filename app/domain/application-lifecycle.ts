/**
 * The application life cycle (docs/design.md "Life cycles"):
 *   draft -> submitted -> endorsed -> accepted | waitlisted | rejected
 * a focal point may `return` a submitted application to draft with a reason; the applicant may
 * `withdraw` at any time before the edition ends. Organizers may also move a waitlisted
 * application to accepted or rejected, and reconsider a decision (accepted/rejected -> waitlisted
 * or the other decision) with a reason. Only the transitions listed here exist.
 */
import type { ApplicationStatus } from "../../db/schema/programme";

export type ApplicationAction = "submit" | "return" | "endorse" | "accept" | "waitlist" | "reject" | "withdraw";
export type ActingRole = "applicant" | "focal_point" | "organizer";

type Transition = { from: ApplicationStatus[]; to: ApplicationStatus; by: ActingRole[]; reasonRequired: boolean };

export const TRANSITIONS: Record<ApplicationAction, Transition> = {
  submit: { from: ["draft"], to: "submitted", by: ["applicant", "focal_point"], reasonRequired: false },
  return: { from: ["submitted"], to: "draft", by: ["focal_point"], reasonRequired: true },
  endorse: { from: ["submitted"], to: "endorsed", by: ["focal_point"], reasonRequired: false },
  accept: { from: ["endorsed", "waitlisted", "rejected"], to: "accepted", by: ["organizer"], reasonRequired: false },
  waitlist: { from: ["endorsed", "accepted", "rejected"], to: "waitlisted", by: ["organizer"], reasonRequired: false },
  reject: { from: ["endorsed", "waitlisted", "accepted"], to: "rejected", by: ["organizer"], reasonRequired: true },
  withdraw: {
    from: ["draft", "submitted", "endorsed", "accepted", "waitlisted"],
    to: "withdrawn",
    by: ["applicant"],
    reasonRequired: false,
  },
};

/**
 * The target status if `role` may apply `action` to an application in `from`; null when the
 * transition does not exist (callers answer with RuleError "errors.transition").
 */
export function nextStatus(from: ApplicationStatus, action: ApplicationAction, role: ActingRole): ApplicationStatus | null {
  const tr = TRANSITIONS[action];
  if (!tr.from.includes(from) || !tr.by.includes(role)) return null;
  return tr.to;
}

/** The actions `role` may take on an application in `status` (for showing buttons). */
export function allowedActions(status: ApplicationStatus, role: ActingRole): ApplicationAction[] {
  return (Object.keys(TRANSITIONS) as ApplicationAction[]).filter((a) => nextStatus(status, a, role) !== null);
}

/** Statuses that hold one of the country's quota places: still in the running after endorsement (a rejection or withdrawal frees the place). */
export const QUOTA_STATUSES: ApplicationStatus[] = ["endorsed", "accepted", "waitlisted"];
