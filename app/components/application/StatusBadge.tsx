import { useTranslation } from "react-i18next";

/** An application's status as a coloured badge (classes badge-<status> in app.css). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`statuses.${status}`)}</span>;
}
