import { useTranslation } from "react-i18next";

/** An application's status as a coloured badge (text, not only colour). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`statuses.${status}`)}</span>;
}
