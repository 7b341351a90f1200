import { useTranslation } from "react-i18next";

export type TrailEvent = {
  id: number;
  at: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  actorName: string | null;
};

/** The audit trail of an application: who, when, from, to, reason (oldest first). */
export function AuditTrail({ events, locale, timeZone }: { events: TrailEvent[]; locale: string; timeZone?: string | null }) {
  const { t } = useTranslation();
  if (events.length === 0) return <p className="muted">{t("common.noneYet")}</p>;
  const fmt = new Intl.DateTimeFormat(locale, {
    calendar: "gregory",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: timeZone || "UTC",
    timeZoneName: "short",
  });
  const state = (s: string | null) => (s ? t(`statuses.${s}`, { defaultValue: s }) : "–");
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id}>
          <p>
            <strong>{t(`focal.trail.actions.${e.action}`, { defaultValue: e.action })}</strong>
            {": "}
            {state(e.fromState)} → {state(e.toState)}
          </p>
          <p className="muted">
            <time dateTime={e.at}>{fmt.format(new Date(e.at))}</time>
            {" · "}
            {e.actorName ?? t("focal.trail.system")}
          </p>
          {e.reason ? (
            <p>
              {t("common.reason")}: {e.reason}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
