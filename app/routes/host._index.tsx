import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/hosts/bits";
import { VisitTable } from "~/components/hosts/VisitTable";
import { countryName } from "~/domain/country-names";
import { formatDate, todayIn } from "~/domain/dates";
import { remixI18n } from "~/i18n.server";
import { listMySites, listUpcomingVisits } from "~/models/hosts.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { siteNames } from "~/domain/local-text";

export const handle = pageTitle("hosts.home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const sites = listMySites(actor).map((s) => ({
      id: s.id,
      names: siteNames(s, lng),
      country: countryName(s.countryCode, lng),
      province: s.province,
      vettingStatus: s.vettingStatus,
    }));
    const visits = listUpcomingVisits(actor, lng).map((v) => ({
      ...v,
      ...attendanceDay(todayIn(v.timeZone), v.arrivalOn, v.departureOn, lng),
    }));
    return json({ sites, visits, isOrganizer: actor.isOrganizer });
  });
}

/**
 * The attendance list's day: today while the visit runs ("today"), else its first day before it
 * ("next") or its last day after it ("last"), so the link never calls another day "today"
 * (issue 12 item 9). `attendanceDate` is that day written for the reader.
 */
function attendanceDay(today: string, from: string, to: string, lng: string) {
  const [day, kind] = today < from ? [from, "next" as const] : today > to ? [to, "last" as const] : [today, "today" as const];
  return { attendanceDay: day, attendanceKind: kind, attendanceDate: formatDate(day, lng) };
}
const ATTENDANCE_KEY = { today: "tracking.home.attendanceToday", next: "tracking.home.attendanceNext", last: "tracking.home.attendanceLast" } as const;

export default function HostHome() {
  const { sites, visits, isOrganizer } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("hosts.home.title")}</h1>
      <section className="card" aria-labelledby="my-sites">
        <h2 id="my-sites">{isOrganizer ? t("hosts.home.allSites") : t("hosts.home.mySites")}</h2>
        {sites.length ? (
          <ul className="stack">
            {sites.map((s) => (
              <li key={s.id}>
                <Link to={`/host/sites/${s.id}`} lang={s.names.name.lang}>
                  {s.names.name.text}
                </Link>
                {s.names.local ? (
                  <span>
                    {" "}
                    (<span lang={s.names.local.lang}>{s.names.local.text}</span>)
                  </span>
                ) : null}{" "}
                · {s.province}, {s.country} <StatusBadge kind="vetting" status={s.vettingStatus} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("hosts.home.noSites")}</p>
        )}
        <div className="actions">
          <Link className="btn btn-secondary" to="/host/sites/new">
            {t("hosts.home.newSite")}
          </Link>
          {isOrganizer ? <Link to="/admin/sites">{t("hosts.home.vetting")}</Link> : null}
        </div>
      </section>
      <section className="card" aria-labelledby="upcoming">
        <h2 id="upcoming">{t("hosts.home.upcoming")}</h2>
        <VisitTable visits={visits} caption={t("hosts.home.upcomingCaption")} showSite />
      </section>
      {visits.length ? (
        <section className="card" aria-labelledby="attendance">
          <h2 id="attendance">{t("tracking.home.attendance")}</h2>
          <ul className="stack">
            {visits.map((v) => (
              <li key={v.id}>
                {v.title ? <span lang={v.titleLang}>{v.title}</span> : <span lang={v.site.name.lang}>{v.site.name.text}</span>}:{" "}
                <Link to={`/attendance/visit/${v.id}/${v.attendanceDay}`}>{t(ATTENDANCE_KEY[v.attendanceKind], { date: v.attendanceDate })}</Link>
                {" · "}
                <a href={`/host/exports/${v.id}.csv`} download>
                  {t("tracking.home.exportVisit")}
                </a>
                {" · "}
                <a href={`/host/exports/${v.id}.csv?kind=participants`} download>
                  {t("tracking.home.exportParticipants")}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
