/** Reason codes of the placement engine in the reader's language (i18next keys placement.reasons.*). */
import { useTranslation } from "react-i18next";
import type { Reason, SeatHolder } from "~/domain/placement";
import { memberCountryName as countryName } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { languageName } from "~/domain/vocabulary";

/**
 * A function that turns a reason code into a sentence part in the reader's language. `nameOf`
 * gives a participant's display name from their id (the seat holders of a full visit are named,
 * each with why they came first); without it the id is shown.
 */
export function useReasonText(nameOf: (participantId: string) => string = (id) => `#${id}`) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const holders = (hs: SeatHolder[]) =>
    hs.length
      ? t("placement.reasons.heldBy", {
          holders: hs.map((h) => t(`placement.reasons.holder.${h.why}`, { name: nameOf(h.participantId), rank: h.rank ?? "–" })).join("; "),
        })
      : "";
  const langs = (codes: string[]) => (codes.length ? codes.map((c) => languageName(c, lng)).join(", ") : t("common.none"));
  const date = (d: string) => (d === "0000-01-01" || d === "9999-12-31" ? "…" : formatDate(d, lng));
  return (r: Reason): string => {
    switch (r.code) {
      case "own_country":
        return t("placement.reasons.own_country", { country: countryName(r.country, lng) });
      case "dates_outside_availability":
        return t("placement.reasons.dates_outside_availability", {
          arrival: date(r.arrival),
          departure: date(r.departure),
          from: date(r.availableFrom),
          to: date(r.availableTo),
        });
      case "no_shared_language":
        return t("placement.reasons.no_shared_language", {
          participant: langs(r.participantLanguages),
          visit: langs(r.visitLanguages),
          interpreters: langs(r.interpreterLanguages),
        });
      case "visit_full":
        return t("placement.reasons.visit_full", { occupants: r.occupants, capacity: r.capacity }) + holders(r.holders);
      case "country_cap_reached":
        return t("placement.reasons.country_cap_reached", { cap: r.cap, country: countryName(r.country, lng) }) + holders(r.holders);
      case "not_cheaper":
        return t("placement.reasons.not_cheaper", { cost: r.cost, assignedCost: r.assignedCost });
      case "no_visit_in_country":
        return t("placement.reasons.no_visit_in_country", { country: countryName(r.country, lng) });
      case "capacity_exceeded":
        return t("placement.reasons.capacity_exceeded", { locked: r.locked, capacity: r.capacity });
      case "country_cap_exceeded":
        return t("placement.reasons.country_cap_exceeded", { locked: r.locked, cap: r.cap, country: countryName(r.country, lng) });
      case "locked_elsewhere":
        return t("placement.reasons.locked_elsewhere");
      case "no_visits":
        return t("placement.reasons.no_visits");
      case "no_preferences":
        return t("placement.reasons.no_preferences");
      default:
        return (r as { code: string }).code;
    }
  };
}

/** A placement status as a badge (text, not colour alone). */
export { PlacementBadge } from "./PlacementBadge";
