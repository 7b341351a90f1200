/**
 * A check-in list for a phone (issue 6): a name search (GET form, case and diacritics ignored on
 * the server), counts, and per person four big status buttons and an optional note. Each row is
 * its own form, so marking someone takes one tap and never loses the place in the list. Without
 * JavaScript a tap is a plain POST + redirect (online only). With JavaScript a tap is stored on the
 * device first and sent from there (app/offline/, issue 14): it works with no connection, shows
 * what is waiting to be sent, and sends it when the connection returns.
 */
import { Form, Link, useLocation } from "@remix-run/react";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/components/form";
import { useMarkQueue, type MarkQueue } from "~/offline/use-mark-queue";
import { CheckInCodeForm } from "./CheckInCodeForm";

export type CheckInPerson = {
  applicationId: number;
  name: string;
  latin: string;
  countryName: string;
  status: "present" | "late" | "absent" | "excused" | null;
  note: string;
  method: string | null;
  recordedAt: string | null;
  /** recordedAt as the venue's date and time with its zone, in the reader's language (made in the loader: formatInstantIn). */
  recordedAtText: string | null;
  recordedBy: string | null;
};

const STATUSES = ["present", "late", "absent", "excused"] as const;

export function StatusBadge({ status }: { status: CheckInPerson["status"] }) {
  const { t } = useTranslation();
  return <span className={`att-badge att-${status ?? "none"}`}>{t(`tracking.status.${status ?? "none"}`)}</span>;
}

function Row({ person, open, correction, q, queue }: { person: CheckInPerson; open: boolean; correction: boolean; q: string; queue: MarkQueue }) {
  const { t } = useTranslation();
  const tr = useErrorText();
  const waiting = queue.latestFor(person.applicationId);
  const shown = (waiting?.status as CheckInPerson["status"] | undefined) ?? person.status;
  const error = queue.refused[person.applicationId];
  const nameId = `p-${person.applicationId}`;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    // A correction of a past day needs its reason and a live answer: it posts as a plain form.
    if (!submitter?.value || correction) return;
    e.preventDefault();
    const note = new FormData(e.currentTarget).get("note");
    void queue.mark({ applicationId: person.applicationId, status: submitter.value, note: typeof note === "string" ? note : undefined });
  };
  return (
    <li>
      <Form method="post" aria-labelledby={nameId} onSubmit={onSubmit} reloadDocument noValidate>
        <div className="who">
          <span id={nameId}>
            <strong>{person.name}</strong>
            {person.latin && person.latin !== person.name ? <span> ({person.latin})</span> : null}
            <span className="muted"> · {person.countryName}</span>
          </span>
          <StatusBadge status={shown} />
          {waiting ? <span className="att-waiting">{t("tracking.offline.rowWaiting")}</span> : null}
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
          <label htmlFor={`note-${person.applicationId}`} className="visually-hidden">
            {t("tracking.list.note")}
          </label>
          <input id={`note-${person.applicationId}`} name="note" defaultValue={person.note} maxLength={500} />
          <p className="hint">{t("tracking.list.noteHint")}</p>
        </details>
        {person.recordedAt ? (
          <p className="hint">
            {t(person.method === "self" ? "tracking.list.selfRecorded" : "tracking.list.recorded", {
              by: person.recordedBy ?? "",
              at: person.recordedAtText ?? person.recordedAt,
            })}
          </p>
        ) : null}
        {error ? (
          <p className="field-errors" role="alert">
            {tr(error)}
          </p>
        ) : null}
        {queue.superseded[person.applicationId] ? (
          <p className="hint" data-testid="mark-superseded">
            {t("tracking.offline.superseded")}
          </p>
        ) : null}
      </Form>
    </li>
  );
}

export function CheckInList({
  people,
  open,
  correction = false,
  q,
  counts,
  error,
  code,
}: {
  people: CheckInPerson[];
  open: boolean;
  /** A past day corrected by a host coordinator: each change asks why. */
  correction?: boolean;
  q: string;
  counts: { present: number; late: number; absent: number; excused: number; none: number; total: number };
  error?: string;
  /** The check-in code form's state (issue 14 item 5): a refusal with the typed value, or who was just marked. */
  code?: { error?: string; value?: string; checked?: string; already?: boolean };
}) {
  const { t } = useTranslation();
  const tr = useErrorText();
  const queue = useMarkQueue();
  const { pathname, search } = useLocation();
  const n = queue.waiting.length;
  return (
    <>
      <p aria-live="polite">{t("tracking.list.counts", counts)}</p>
      <div aria-live="polite" className="offline-queue">
        {n ? (
          <p className="alert alert-warn actions" data-testid="waiting-marks">
            <span>{t("tracking.offline.waiting", { count: n })}</span>
            <button type="button" className="btn-secondary" onClick={() => void queue.sendNow()}>
              {t("tracking.offline.sendNow")}
            </button>
          </p>
        ) : null}
        {queue.loginNeeded ? (
          <p className="alert alert-error actions" role="alert">
            <span>{t("tracking.offline.loginNeeded")}</span>
            <Link to={`/login?redirectTo=${encodeURIComponent(pathname + search)}`}>{t("tracking.offline.logIn")}</Link>
          </p>
        ) : null}
      </div>
      {error ? (
        <p className="alert alert-error" role="alert">
          {tr(error)}
        </p>
      ) : null}
      <CheckInCodeForm open={open && !correction} error={code?.error} value={code?.value} checked={code?.checked} already={code?.already} queue={queue} />
      <Form method="get" className="actions" role="search">
        <label htmlFor="q" className="visually-hidden">
          {t("tracking.list.search")}
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder={t("tracking.list.searchPlaceholder")} style={{ flex: "1 1 10rem", width: "auto" }} />
        <button type="submit" className="btn-secondary">
          {t("tracking.list.search")}
        </button>
      </Form>
      {people.length ? (
        <ul className="checkin-list">
          {people.map((p) => (
            <Row key={p.applicationId} person={p} open={open} correction={correction} q={q} queue={queue} />
          ))}
        </ul>
      ) : (
        <p className="muted">{q ? t("tracking.list.noMatch", { q }) : t("tracking.list.nobody")}</p>
      )}
    </>
  );
}
