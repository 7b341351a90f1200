/**
 * Which lines of an applicant's history carry a status badge (issue 12, new user's item 6: the
 * history read "Submitted · Submitted"). The badge names the status an action led to; it is left
 * out where the action's own name (apply.actions.*) already states that status (statuses.*), and
 * kept where it is news ("Returned for changes · Draft"). Pure; computed on the server so the
 * page's script does not grow.
 */

/** The status each action's own name already states. */
const STATE_NAMED_BY_ACTION: Record<string, string> = {
  create: "draft",
  submit: "submitted",
  endorse: "endorsed",
  accept: "accepted",
  waitlist: "waitlisted",
  reject: "rejected",
  withdraw: "withdrawn",
};

/** Whether the history line of `action` needs a badge for `toState` (false without a state or when it would repeat the action). */
export function showsStatusBadge(action: string, toState: string | null): boolean {
  return !!toState && STATE_NAMED_BY_ACTION[action] !== toState;
}
