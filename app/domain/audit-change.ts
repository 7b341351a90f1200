/**
 * What an audit event's "change" means in words (the audit log page, issue 15 item 7): the codes
 * written in audit_events.from_state / to_state (a status, a role, a version, a position, a date,
 * an amount) and the field names in `details.changed`, turned into translation keys that already
 * exist for the record's own pages (application `statuses.*`, `training.status.*`,
 * `placement.status.*`, …) or into values formatted for the reader. Pure: the caller translates.
 */

/** A value to show: a translation key (with params), or text already formatted. */
export type ChangePart = { key: string; params?: Record<string, string | number>; code: string } | { text: string };

/** The record type's status vocabulary: where its codes are translated. */
const STATE_KEYS: Record<string, string> = {
  application: "statuses",
  training_session: "training.status",
  training_enrolment: "training.enrolment",
  placement: "placement.status",
  exchange_visit: "hosts.status.visit",
  host_site: "hosts.status.vetting",
  pilot_project: "pilots.status",
  plan_adjustment: "evaluation.adjustments.status",
  attendance: "tracking.status",
  invitation: "roles",
};

/** Where the field names of `details.changed` are labelled, per record type. */
const FIELD_KEYS: Record<string, { prefix: string; rename?: Record<string, string> }> = {
  pilot_village: { prefix: "pilots.village", rename: { countryCode: "common.country" } },
  pilot_project: { prefix: "pilots.project", rename: { villageId: "pilots.project.village", localLeadUserId: "pilots.project.localLeadEmail" } },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

type Event = { type: string; action: string; details: unknown };

function detail(details: unknown, key: string): unknown {
  return details && typeof details === "object" ? (details as Record<string, unknown>)[key] : undefined;
}

/**
 * One from_state / to_state value of event `e` in words: a status of the record's own vocabulary
 * (STATE_KEYS; an invitation's accepted role too), "version N" for `vN`, "position N" for a moved
 * question, a date (`YYYY-MM-DD`, formatted by the caller's `date`), an amount in the project's
 * currency for `budget_actual` (stored in minor units), a number, or a code of the shared
 * `audit.states.*` words; an unknown code is kept as `code` for the caller's default.
 */
export function changePart(
  e: Event,
  value: string,
  fmt: { date: (iso: string) => string; number: (n: number) => string; money: (minor: number, currency: string) => string },
): ChangePart {
  const version = /^v(\d+)$/.exec(value);
  if (version) return { key: "audit.states.version", params: { n: Number(version[1]) }, code: value };
  if (e.type === "application_question" && e.action === "move" && NUMBER.test(value))
    return { key: "audit.states.position", params: { n: Number(value) }, code: value };
  if (e.action === "budget_actual" && NUMBER.test(value)) {
    const currency = detail(e.details, "currency");
    return { text: typeof currency === "string" ? fmt.money(Number(value), currency) : fmt.number(Number(value)) };
  }
  if (DATE.test(value)) return { text: fmt.date(value) };
  if (NUMBER.test(value)) return { text: fmt.number(Number(value)) };
  const prefix = STATE_KEYS[e.type];
  // An invitation goes from "invited" to the role it gave; a certificate from valid to revoked.
  if (prefix && !(e.type === "invitation" && value === "invited")) return { key: `${prefix}.${value}`, code: value };
  return { key: `audit.states.${value}`, code: value };
}

/** The labels of the fields an update changed (`details.changed`), for the record types that list them. */
export function changedFields(e: Event): ChangePart[] {
  const changed = detail(e.details, "changed");
  const fields = FIELD_KEYS[e.type];
  if (!fields || !Array.isArray(changed)) return [];
  return changed.filter((f): f is string => typeof f === "string").map((f) => ({ key: fields.rename?.[f] ?? `${fields.prefix}.${f}`, code: f }));
}
