/** The board's visits: seats taken, country mix, gender mix, languages and who is placed there. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { memberCountryName as countryName } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { languageName } from "~/domain/vocabulary";
import type { Board } from "~/models/placement/board-view.server";
import { PlacementBadge } from "./reasons";
import { SiteName } from "~/components/i18n/SiteName";

type VisitView = Board["visits"][number];

export function VisitCards({ visits }: { visits: VisitView[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const langs = (codes: string[]) => codes.map((c) => languageName(c, lng)).join(", ");
  return (
    <div className="pl-visits">
      {visits.map((v) => (
        <article key={v.id} className="card pl-visit" aria-labelledby={`visit-${v.id}`}>
          <h3 id={`visit-${v.id}`} lang={v.titleLang}>
            {v.title}
          </h3>
          <p className="muted">
            <SiteName names={v.site} localClassName="" /> · {countryName(v.countryCode, lng)}
            <br />
            {formatDate(v.arrivalOn, lng)} – {formatDate(v.departureOn, lng)}
          </p>
          <dl className="pl-kv">
            <dt>{t("placement.visits.seats")}</dt>
            <dd>
              {t("placement.visits.taken", { taken: v.taken, capacity: v.capacity })}
              <meter
                className="pl-seats"
                min={0}
                max={Math.max(1, v.capacity)}
                value={v.taken}
                aria-label={t("placement.visits.taken", { taken: v.taken, capacity: v.capacity })}
              />
              <span className="muted">{t("placement.visits.capHint", { cap: v.perCountryCap })}</span>
            </dd>
            <dt>{t("placement.visits.countries")}</dt>
            <dd>{v.byCountry.length ? v.byCountry.map((c) => `${c.code ? countryName(c.code, lng) : "–"} ${c.n}`).join(", ") : "–"}</dd>
            <dt>{t("placement.visits.gender")}</dt>
            <dd>
              {t("genders.female")} {v.byGender.female}, {t("genders.male")} {v.byGender.male}
              {v.byGender.other ? `, ${t("genders.other")} ${v.byGender.other}` : ""}
            </dd>
            <dt>{t("placement.visits.languages")}</dt>
            <dd>
              {langs(v.languages) || "–"}
              {v.interpreterLanguages.length ? ` (${t("placement.visits.interpreters")}: ${langs(v.interpreterLanguages)})` : ""}
            </dd>
          </dl>
          <h4>{t("placement.visits.placed")}</h4>
          {v.placed.length === 0 ? (
            <p className="muted">{t("placement.visits.empty")}</p>
          ) : (
            <ul className="pl-people">
              {v.placed.map((p) => (
                <li key={p.placementId}>
                  <Link to={`/admin/placements/${p.placementId}`}>{p.name}</Link>
                  <span className="muted">{p.country ?? ""}</span>
                  <PlacementBadge status={p.status} />
                  {p.locked ? <span className="badge badge-locked">{t("placement.visits.locked")}</span> : null}
                  {p.override ? <span className="badge badge-override">{t("placement.visits.override")}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </div>
  );
}
