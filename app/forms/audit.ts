/**
 * The audit log's filters (issue 15, item 7), read from the query string of a GET form so the page
 * works without JavaScript. Unlike the review list's filters, the ones a person types and can get
 * wrong (a date, a record number, a range the wrong way round) are refused with a field error, so
 * the organizer sees why nothing matched instead of a silently ignored filter.
 */
import { isIsoDate } from "~/domain/dates";

/** Whose events a person filter matches: who did it (actor), whom it is about (subject), or either. */
export const AUDIT_PERSON_ROLES = ["any", "actor", "subject"] as const;
export type AuditPersonRole = (typeof AUDIT_PERSON_ROLES)[number];

export type AuditFilters = {
  /** Part of a display name or e-mail address, matched without regard to case. */
  person?: string;
  as: AuditPersonRole;
  /** Record type (audit_events.entity_type), e.g. "application". */
  type?: string;
  /** Record id (audit_events.entity_id). */
  record?: number;
  action?: string;
  /** Inclusive UTC days, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  page: number;
};

/** The filter fields as typed, echoed back into the form. */
export type AuditFilterValues = Record<"person" | "as" | "type" | "record" | "action" | "from" | "to", string>;

export type AuditFilterResult =
  | { ok: true; filters: AuditFilters; values: AuditFilterValues }
  | { ok: false; errors: Partial<Record<keyof AuditFilterValues, string[]>>; values: AuditFilterValues };

const CODE = /^[a-z][a-z0-9_]{0,59}$/;

/**
 * Parses the audit filters from URL search params (a repeated key: the first wins). Errors use the
 * common message keys: `errors.date` (not a real `YYYY-MM-DD` date), `errors.dateOrder` (from after
 * to), `errors.invalid` (a record number that is not a positive whole number, an unknown-looking
 * type or action code, a person filter over 200 characters). A bad page number is page 1.
 */
export function parseAuditFilters(params: URLSearchParams): AuditFilterResult {
  const raw = (k: string) => (params.get(k) ?? "").trim();
  const values: AuditFilterValues = {
    person: raw("person"),
    as: raw("as") || "any",
    type: raw("type"),
    record: raw("record"),
    action: raw("action"),
    from: raw("from"),
    to: raw("to"),
  };
  const errors: Partial<Record<keyof AuditFilterValues, string[]>> = {};
  const fail = (k: keyof AuditFilterValues, key: string) => (errors[k] = [key]);
  if (values.person.length > 200) fail("person", "errors.tooLong");
  const as = (AUDIT_PERSON_ROLES as readonly string[]).includes(values.as) ? (values.as as AuditPersonRole) : "any";
  if (values.type && !CODE.test(values.type)) fail("type", "errors.invalid");
  if (values.action && !CODE.test(values.action)) fail("action", "errors.invalid");
  let record: number | undefined;
  if (values.record) {
    record = /^\d{1,12}$/.test(values.record) ? Number(values.record) : NaN;
    if (!Number.isSafeInteger(record) || record <= 0) fail("record", "errors.invalid");
  }
  if (values.from && !isIsoDate(values.from)) fail("from", "errors.date");
  if (values.to && !isIsoDate(values.to)) fail("to", "errors.date");
  if (!errors.from && !errors.to && values.from && values.to && values.from > values.to) fail("to", "errors.dateOrder");
  if (Object.keys(errors).length) return { ok: false, errors, values };
  const pageRaw = Number(raw("page"));
  const page = Number.isInteger(pageRaw) && pageRaw >= 1 && pageRaw <= 1_000_000 ? pageRaw : 1;
  return {
    ok: true,
    values,
    filters: {
      person: values.person || undefined,
      as,
      type: values.type || undefined,
      record,
      action: values.action || undefined,
      from: values.from || undefined,
      to: values.to || undefined,
      page,
    },
  };
}

/** The query string of `filters` (without the page unless given), for page links and the CSV link. */
export function auditQuery(filters: AuditFilters, page?: number): string {
  const p = new URLSearchParams();
  if (filters.person) p.set("person", filters.person);
  if (filters.person && filters.as !== "any") p.set("as", filters.as);
  if (filters.type) p.set("type", filters.type);
  if (filters.record !== undefined) p.set("record", String(filters.record));
  if (filters.action) p.set("action", filters.action);
  if (filters.from) p.set("from", filters.from);
  if (filters.to) p.set("to", filters.to);
  if (page !== undefined) p.set("page", String(page));
  const s = p.toString();
  return s ? `?${s}` : "";
}
