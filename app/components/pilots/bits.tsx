/** Small display pieces of the pilot pages: status badge, component name, money, option lists. */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { countryName, memberCountries } from "~/domain/country-names";
import { memberTimeZones as countryTimeZones } from "~/domain/member-zones";
import { formatMoney } from "~/domain/pilots/money";
import { LANGUAGES, languageName } from "~/domain/vocabulary";
import { PILOT_COMPONENTS, PILOT_STATUSES, type PilotStatus } from "~/domain/pilots/vocabulary";

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

export function Money({ minor, currency }: { minor: number; currency: string }) {
  const { i18n } = useTranslation();
  return <>{formatMoney(minor, currency, i18n.language)}</>;
}

/** Option lists of the pilot forms, in the page's language. */
export function pilotOptions(t: TFunction, lng: string) {
  const collator = new Intl.Collator(lng);
  const countries = memberCountries(lng);
  return {
    countries: countries.map((c) => ({ value: c.code, label: c.name })),
    timeZones: countries.flatMap((c) => countryTimeZones(c.code).map((z) => ({ value: z, label: `${z} (${countryName(c.code, lng)})` }))),
    languages: LANGUAGES.map((l) => ({ value: l, label: languageName(l, lng) })).sort((a, b) => collator.compare(a.label, b.label)),
    components: PILOT_COMPONENTS.map((c) => ({ value: c, label: t(`pilots.component.${c}`) as string })),
    statuses: PILOT_STATUSES.map((s) => ({ value: s, label: t(`pilots.status.${s}`) as string })),
  };
}
