/** The list view of visits: dates, edition, seats taken of capacity, languages, status. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/domain/dates";
import { StatusBadge, useLanguageNames } from "./bits";
import { SiteName } from "~/components/i18n/SiteName";
import type { Shown } from "~/domain/local-text";

export type VisitRow = {
  id: number;
  title: string;
  /** Language of `title` and `editionName` as shown (organizer-written text, issue 11 item 8). */
  titleLang?: string;
  editionName: string;
  editionLang?: string;
  arrivalOn: string;
  departureOn: string;
  capacity: number;
  seatsTaken: number;
  languages: string[];
  interpreterLanguages: string[];
  status: string;
  /** The status as shown ("ended" for a planned visit whose dates are over; domain/visits.ts). */
  shownStatus?: string;
  /** The site's name for the reader (`siteNames`, issue 11), shown with `showSite`. */
  site?: { name: Shown; local: Shown | null };
};

export function VisitTable({ visits, caption, showSite }: { visits: VisitRow[]; caption: string; showSite?: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const names = useLanguageNames();
  if (!visits.length) return <p className="muted">{t("hosts.visit.none")}</p>;
  return (
    // Below 40rem every visit is a card whose lines carry their column's name (hosts.css, shared
    // with "Who is coming"): at 360 px the host home's upcoming visits were cut off (issue 12).
    <div className="table-wrap coming-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={caption}>
      <table className="coming-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("hosts.visit.visit")}</th>
            {showSite ? <th scope="col">{t("hosts.site.site")}</th> : null}
            <th scope="col">{t("hosts.visit.dates")}</th>
            <th scope="col">{t("common.edition")}</th>
            <th scope="col" className="num">
              {t("hosts.visit.seats")}
            </th>
            <th scope="col">{t("hosts.visit.languages")}</th>
            <th scope="col">{t("common.status")}</th>
          </tr>
        </thead>
        <tbody>
          {visits.map((v) => (
            <tr key={v.id}>
              <td className="wrap-anywhere">
                <Link to={`/host/visits/${v.id}`}>{v.title ? <span lang={v.titleLang}>{v.title}</span> : t("hosts.visit.untitled", { id: v.id })}</Link>
              </td>
              {showSite ? (
                <td data-label={t("hosts.site.site")} className="wrap-anywhere">
                  {v.site ? <SiteName names={v.site} /> : null}
                </td>
              ) : null}
              <td data-label={t("hosts.visit.dates")}>
                {formatDate(v.arrivalOn, lng)} – {formatDate(v.departureOn, lng)}
              </td>
              <td data-label={t("common.edition")} className="wrap-anywhere" lang={v.editionLang}>
                {v.editionName}
              </td>
              <td className="num" data-label={t("hosts.visit.seats")}>
                {t("hosts.visit.seatsOf", { taken: v.seatsTaken, capacity: v.capacity })}
              </td>
              <td data-label={t("hosts.visit.languages")}>
                {names(v.languages)}
                {v.interpreterLanguages.length ? (
                  <span className="muted">
                    {" "}
                    ({t("hosts.visit.interpretedShort")}: {names(v.interpreterLanguages)})
                  </span>
                ) : null}
              </td>
              <td data-label={t("common.status")}>
                <StatusBadge kind="visit" status={v.shownStatus ?? v.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
