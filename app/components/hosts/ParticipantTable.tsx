/** "Who is coming": the placed participants with only what a host needs. */
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
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
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
              <td>
                <strong lang={langOfText(p.name)}>{p.name}</strong>
                {p.nameLatin && p.nameLatin !== p.name ? <div className="muted">{p.nameLatin}</div> : null}
              </td>
              <td>{p.country ? countryName(p.country, lng) : "–"}</td>
              <td>{p.gender ? t(`genders.${p.gender}`) : "–"}</td>
              <td>{p.languages.map((l) => `${languageName(l.code, lng)} (${t(`levels.${l.level}`)})`).join(", ") || "–"}</td>
              <td>{p.dietaryNeeds ?? <span className="muted">{t("hosts.coming.noneStated")}</span>}</td>
              <td>{p.accessibilityNeeds ?? <span className="muted">{t("hosts.coming.noneStated")}</span>}</td>
              <td>{formatDate(p.arrivalOn, lng)} – {formatDate(p.departureOn, lng)}</td>
              <td><StatusBadge kind="placement" status={p.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
