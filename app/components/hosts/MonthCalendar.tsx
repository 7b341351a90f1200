/**
 * A month of a site's visits, server-rendered, navigated by links (?month=YYYY-MM) so it works
 * without JavaScript. One list of weeks of days: a 7-column grid from 40rem, and below that a
 * plain list of the days that have a visit or a public holiday (360 px phones).
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/domain/dates";
import { monthGrid, shiftMonth, visitOnDay } from "~/domain/visits";

export type CalendarVisit = {
  id: number;
  title: string;
  titleLang?: string;
  arrivalOn: string;
  departureOn: string;
  status: string;
  capacity: number;
  editionName: string;
};

function monthTitle(month: string, lng: string) {
  const [y, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(lng, { calendar: "gregory", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 15)));
}

function weekdayNames(lng: string) {
  // 2024-01-01 was a Monday; formatted as UTC calendar days (no zone shift).
  return Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(lng, { calendar: "gregory", weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
}

export function MonthCalendar({
  month,
  visits,
  holidays,
  today,
  hrefFor,
  visitHref,
}: {
  month: string;
  visits: CalendarVisit[];
  holidays: Record<string, string[]>;
  today: string;
  hrefFor: (month: string) => string;
  visitHref: (id: number) => string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const weeks = monthGrid(month);
  const names = weekdayNames(lng);
  const title = monthTitle(month, lng);
  const anyThisMonth = weeks.some((w) => w.some((d) => d.inMonth && (holidays[d.date] || visits.some((v) => visitOnDay(v, d.date)))));
  return (
    <section aria-labelledby="cal-title">
      <div className="cal-nav">
        <Link to={hrefFor(shiftMonth(month, -1))} rel="prev">
          ← {t("hosts.calendar.previous")}
          <span className="visually-hidden">: {monthTitle(shiftMonth(month, -1), lng)}</span>
        </Link>
        <h3 id="cal-title">{title}</h3>
        <Link to={hrefFor(shiftMonth(month, 1))} rel="next">
          {t("hosts.calendar.next")}
          <span className="visually-hidden">: {monthTitle(shiftMonth(month, 1), lng)}</span> →
        </Link>
      </div>
      <div className="cal-head" aria-hidden="true">
        {names.map((n) => (
          <div key={n}>{n}</div>
        ))}
      </div>
      <ol className="cal-weeks">
        {weeks.map((week) => (
          <li key={week[0].date}>
            <ol className="cal-days">
              {week.map((d, i) => {
                const here = visits.filter((v) => visitOnDay(v, d.date));
                const hol = holidays[d.date] ?? [];
                const cls = [
                  "cal-day",
                  d.inMonth ? "" : "is-out",
                  d.inMonth && !here.length && !hol.length ? "is-empty" : "",
                  hol.length ? "is-holiday" : "",
                  d.date === today ? "cal-today" : "",
                ]
                  .filter(Boolean)
                  .join(" ");
                return (
                  <li key={d.date} className={cls} aria-current={d.date === today ? "date" : undefined}>
                    <span className="cal-date">
                      <span className="cal-weekday">{names[i]} </span>
                      <time dateTime={d.date}>
                        <span aria-hidden="true">{Number(d.date.slice(8))}</span>
                        <span className="visually-hidden">{formatDate(d.date, lng, "long")}</span>
                      </time>
                    </span>
                    {hol.map((h) => (
                      <span key={h} className="cal-holiday">
                        {t("hosts.calendar.holiday")}: {h}
                      </span>
                    ))}
                    {here.length ? (
                      <ul className="cal-visits">
                        {here.map((v) => (
                          <li key={v.id} className={v.status === "cancelled" ? "is-cancelled" : undefined}>
                            <Link to={visitHref(v.id)}>{v.title ? <span lang={v.titleLang}>{v.title}</span> : t("hosts.visit.untitled", { id: v.id })}</Link>
                            {v.arrivalOn === d.date ? ` · ${t("hosts.calendar.arrival")}` : ""}
                            {v.departureOn === d.date ? ` · ${t("hosts.calendar.departure")}` : ""}
                            {v.status === "cancelled" ? ` · ${t("hosts.status.visit.cancelled")}` : ""}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
      {!anyThisMonth ? <p className="cal-empty-month muted">{t("hosts.calendar.emptyMonth")}</p> : null}
    </section>
  );
}
