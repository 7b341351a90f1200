/**
 * A check-in list for a phone (issue 6): a name search (GET form, case and diacritics ignored on
 * the server), counts, and per person four big status buttons and an optional note. Each row is
 * its own form (a fetcher with JavaScript, a plain POST + redirect without), so marking someone
 * takes one tap and never loses the place in the list.
 */
import { Form, useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/components/form";

export type CheckInPerson = {
  applicationId: number;
  name: string;
  latin: string;
  countryName: string;
  status: "present" | "late" | "absent" | "excused" | null;
  note: string;
  method: string | null;
  recordedAt: string | null;
  recordedBy: string | null;
};

const STATUSES = ["present", "late", "absent", "excused"] as const;

export function StatusBadge({ status }: { status: CheckInPerson["status"] }) {
  const { t } = useTranslation();
  return <span className={`att-badge att-${status ?? "none"}`}>{t(`tracking.status.${status ?? "none"}`)}</span>;
}

function Row({ person, open, correction, q }: { person: CheckInPerson; open: boolean; correction: boolean; q: string }) {
  const { t } = useTranslation();
  const tr = useErrorText();
  const fetcher = useFetcher<{ error?: string; applicationId?: number }>();
  const pending = fetcher.formData?.get("status") as CheckInPerson["status"] | undefined;
  const shown = pending ?? person.status;
  const error = fetcher.data?.error;
  const nameId = `p-${person.applicationId}`;
  return (
    <li>
      <fetcher.Form method="post" aria-labelledby={nameId}>
        <div className="who">
          <span id={nameId}>
            <strong>{person.name}</strong>
            {person.latin && person.latin !== person.name ? <span> ({person.latin})</span> : null}
            <span className="muted"> · {person.countryName}</span>
          </span>
          <StatusBadge status={shown} />
        </div>
        <input type="hidden" name="applicationId" value={person.applicationId} />
        <input type="hidden" name="q" value={q} />
        {correction ? (
          <div className="field">
            <label htmlFor={`reason-${person.applicationId}`}>{t("tracking.list.correctionReason")}</label>
            <input id={`reason-${person.applicationId}`} name="reason" required maxLength={500} />
          </div>
        ) : null}
        <div className="status-buttons" role="group" aria-label={t("tracking.list.markAs", { name: person.name })}>
          {STATUSES.map((s) => (
            <button key={s} type="submit" name="status" value={s} aria-pressed={shown === s} disabled={!open}>
              {t(`tracking.status.${s}`)}
            </button>
          ))}
        </div>
        <details className="checkin-note">
          <summary>{person.note ? t("tracking.list.noteSaved") : t("tracking.list.addNote")}</summary>
          <label htmlFor={`note-${person.applicationId}`} className="visually-hidden">{t("tracking.list.note")}</label>
          <input id={`note-${person.applicationId}`} name="note" defaultValue={person.note} maxLength={500} />
          <p className="hint">{t("tracking.list.noteHint")}</p>
        </details>
        {person.recordedAt ? (
          <p className="hint">{t(person.method === "self" ? "tracking.list.selfRecorded" : "tracking.list.recorded", { by: person.recordedBy ?? "", at: person.recordedAt.slice(11, 16) + " UTC" })}</p>
        ) : null}
        {error ? <p className="field-errors" role="alert">{tr(error)}</p> : null}
      </fetcher.Form>
    </li>
  );
}

export function CheckInList({ people, open, correction = false, q, counts, error }: {
  people: CheckInPerson[];
  open: boolean;
  /** A past day corrected by a host coordinator: each change asks why. */
  correction?: boolean;
  q: string;
  counts: { present: number; late: number; absent: number; excused: number; none: number; total: number };
  error?: string;
}) {
  const { t } = useTranslation();
  const tr = useErrorText();
  return (
    <>
      <p aria-live="polite">
        {t("tracking.list.counts", counts)}
      </p>
      {error ? <p className="alert alert-error" role="alert">{tr(error)}</p> : null}
      <Form method="get" className="actions" role="search">
        <label htmlFor="q" className="visually-hidden">{t("tracking.list.search")}</label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder={t("tracking.list.searchPlaceholder")} style={{ flex: "1 1 10rem", width: "auto" }} />
        <button type="submit" className="btn-secondary">{t("tracking.list.search")}</button>
      </Form>
      {people.length ? (
        <ul className="checkin-list">
          {people.map((p) => <Row key={p.applicationId} person={p} open={open} correction={correction} q={q} />)}
        </ul>
      ) : (
        <p className="muted">{q ? t("tracking.list.noMatch", { q }) : t("tracking.list.nobody")}</p>
      )}
    </>
  );
}
