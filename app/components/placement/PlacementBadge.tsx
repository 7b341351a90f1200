/** A placement's status as a badge (its own module: /me shows it without the reason texts). */
import { useTranslation } from "react-i18next";

export function PlacementBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`placement.status.${status}`)}</span>;
}
