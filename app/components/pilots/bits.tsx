/**
 * Small display pieces of the pilot pages: status badge, component name. Money is ./Money.tsx and
 * the forms' option lists ./options.ts, so a page showing a badge loads neither the money code nor
 * country names, time zones and languages (issue 14 script budget).
 */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { PilotStatus } from "~/domain/pilots/vocabulary";

// The shared badge colours (app.css) by meaning: waiting, agreed, running, done, held.
const BADGE: Record<PilotStatus, string> = {
  proposed: "submitted",
  approved: "endorsed",
  in_progress: "accepted",
  completed: "draft",
  suspended: "waitlisted",
};

/** A project status as a badge (text, not colour alone). */
export function PilotStatusBadge({ status }: { status: PilotStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${BADGE[status]}`}>{t(`pilots.status.${status}`)}</span>;
}

/** The component's name ("Other: ..." shows what the organizers wrote). */
export function componentLabel(t: TFunction, component: string, other?: string | null) {
  return component === "other" && other ? `${t("pilots.component.other")}: ${other}` : (t(`pilots.component.${component}`) as string);
}
