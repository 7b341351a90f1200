/**
 * The applicant's history of their application (StatusView): one line per audit event, the action
 * in words, then the status it led to as a badge, but only where the badge says something the
 * action does not (issue 12: "Submitted · Submitted"). "Returned for changes · Draft" keeps its badge.
 */
import { useTranslation } from "react-i18next";
import { StatusBadge } from "./StatusBadge";

export type HistoryEvent = {
  id: number;
  when: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  actorName: string | null;
};

/** The status each action's own name already states (apply.actions.* against statuses.*). */
const STATE_NAMED_BY_ACTION: Record<string, string> = {
  create: "draft",
  submit: "submitted",
  endorse: "endorsed",
  accept: "accepted",
  waitlist: "waitlisted",
  reject: "rejected",
  withdraw: "withdrawn",
};

/** Whether the history line of `action` needs a badge for `toState` (false when it would repeat the action). */
export function showsStatusBadge(action: string, toState: string | null): boolean {
  return !!toState && STATE_NAMED_BY_ACTION[action] !== toState;
}

export function HistoryList({ events }: { events: HistoryEvent[] }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id}>
          <strong>{t(`apply.actions.${e.action}`, { defaultValue: e.action })}</strong>
          {showsStatusBadge(e.action, e.toState) ? (
            <>
              {" "}
              · <StatusBadge status={e.toState!} />
            </>
          ) : null}
          <br />
          <span className="muted">
            {e.when}
            {e.actorName ? ` · ${e.actorName}` : ""}
          </span>
          {e.reason ? (
            <p style={{ margin: 0 }}>
              {t("common.reason")}: {e.reason}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
