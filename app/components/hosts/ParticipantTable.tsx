/**
 * "Who is coming": the placed participants with only what a host needs. Below 40rem each row is a
 * card with labelled lines (hosts.css `.coming-table`), so a phone at 360 px shows food needs,
 * access needs, stay and status without sideways scrolling (issue 12 item 9).
 */
import { langOfText } from "~/domain/script-lang";
import { useTranslation } from "react-i18next";
import { memberCountryName as countryName } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { languageName } from "~/domain/vocabulary";
import { StatusBadge } from "./bits";

export type ParticipantRow = {
  placementId: number;
  status: string;
  name: string;
  nameLatin: string;
  country: string | null;
  gender: string | null;
  languages: { code: string; level: string }[];
  dietaryNeeds: string | null;
  accessibilityNeeds: string | null;
  arrivalOn: string;
  departureOn: string;
};

export function ParticipantTable({ participants, caption }: { participants: ParticipantRow[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (!participants.length) return <p className="muted">{t("hosts.coming.none")}</p>;
  return (
    <div className="table-wrap coming-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={caption}>
      <table className="coming-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("common.name")}</th>
            <th scope="col">{t("common.country")}</th>
            <th scope="col">{t("hosts.coming.gender")}</th>
            <th scope="col">{t("hosts.coming.languages")}</th>
            <th scope="col">{t("hosts.coming.dietary")}</th>
            <th scope="col">{t("hosts.coming.accessibility")}</th>
            <th scope="col">{t("hosts.coming.stay")}</th>
            <th scope="col">{t("common.status")}</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.placementId}>
              <td data-label={t("common.name")} className="wrap-anywhere">
                <strong lang={langOfText(p.name)}>{p.name}</strong>
                {p.nameLatin && p.nameLatin !== p.name ? <div className="muted">{p.nameLatin}</div> : null}
              </td>
              <td data-label={t("common.country")}>{p.country ? countryName(p.country, lng) : "–"}</td>
              <td data-label={t("hosts.coming.gender")}>{p.gender ? t(`genders.${p.gender}`) : "–"}</td>
              <td data-label={t("hosts.coming.languages")}>
                {p.languages.map((l) => `${languageName(l.code, lng)} (${t(`levels.${l.level}`)})`).join(", ") || "–"}
              </td>
              <td data-label={t("hosts.coming.dietary")}>{p.dietaryNeeds ?? <span className="muted">{t("hosts.coming.noneStated")}</span>}</td>
              <td data-label={t("hosts.coming.accessibility")}>{p.accessibilityNeeds ?? <span className="muted">{t("hosts.coming.noneStated")}</span>}</td>
              <td data-label={t("hosts.coming.stay")}>
                {formatDate(p.arrivalOn, lng)} – {formatDate(p.departureOn, lng)}
              </td>
              <td data-label={t("common.status")}>
                <StatusBadge kind="placement" status={p.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
