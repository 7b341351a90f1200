import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageText, StatusBadge, ThemeList } from "~/components/hosts/bits";
import { MonthCalendar } from "~/components/hosts/MonthCalendar";
import { VisitTable } from "~/components/hosts/VisitTable";
import { memberCountryName as countryName } from "~/domain/country-names";
import { formatDate, todayIn } from "~/domain/dates";
import { timeZoneDisplayName } from "~/domain/intl";
import { isMonth, monthOf, shownVisitStatus } from "~/domain/visits";
import { pickField, siteNames } from "~/domain/local-text";
import { SiteName } from "~/components/i18n/SiteName";
import { DIETARY_ABILITIES } from "~/forms/host-site-values";
import { remixI18n } from "~/i18n.server";
import { getSite, listSiteVisits, siteMonthHolidays } from "~/models/hosts.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { formatNumber } from "~/domain/format";

export const handle = pageTitle((_t, d) => d?.names?.name.text);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const url = new URL(request.url);
  return guard(() => {
    const { site, coordinators } = getSite(actor, Number(params.siteId));
    const visits = listSiteVisits(actor, site.id, lng);
    const today = todayIn(site.timeZone);
    const asked = url.searchParams.get("month");
    // Without a chosen month the calendar opens on the month of the next (or current) visit, not an
    // empty month (issue 12 item 9); today's month when no visit lies ahead.
    const next = visits
      .filter((v) => v.status !== "cancelled" && v.departureOn >= today)
      .map((v) => (v.arrivalOn > today ? v.arrivalOn : today))
      .sort()[0];
    const month = isMonth(asked) ? asked : monthOf(next ?? today);
    const view = url.searchParams.get("view") === "list" ? "list" : "calendar";
    // Organizer-written text in the reader's language; the other translations stay on the server.
    const { translations, ...plain } = site;
    const description = pickField(site.description, translations, "description", lng);
    const accessibility = pickField(site.accessibility, translations, "accessibility", lng);
    return json({
      // Vetting notes are the organizers' own working notes.
      site: { ...plain, vettingNotes: actor.isOrganizer ? site.vettingNotes : "", description: description.text, accessibility: accessibility.text },
      names: siteNames(site, lng),
      descriptionLang: description.lang,
      accessibilityLang: accessibility.lang,
      countryLabel: countryName(site.countryCode, lng),
      zoneLabel: timeZoneDisplayName(site.timeZone, lng),
      coordinators: coordinators.map((c) => ({ id: c.id, displayName: c.displayName })),
      // A planned visit whose dates are over reads "Ended" (a display of its dates, not a state).
      visits: visits.map((v) => ({ ...v, shownStatus: shownVisitStatus(v.status, v.departureOn, today) })),
      month,
      view,
      today,
      holidays: siteMonthHolidays(site.countryCode, month, lng),
      isOrganizer: actor.isOrganizer,
    });
  });
}

export default function SitePage() {
  const d = useLoaderData<typeof loader>();
  const { site } = d;
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [params] = useSearchParams();
  const known = new Set<string>(DIETARY_ABILITIES);
  const upcoming = d.visits.filter((v) => v.departureOn >= d.today);
  const past = d.visits.filter((v) => v.departureOn < d.today);
  return (
    <>
      {params.get("created") ? (
        <p className="alert alert-ok" role="status">
          {t("hosts.site.created")}
        </p>
      ) : null}
      {params.get("saved") ? (
        <p className="alert alert-ok" role="status">
          {t("common.saved")}
        </p>
      ) : null}
      <h1>
        <SiteName names={d.names} />
      </h1>
      <p>
        <StatusBadge kind="vetting" status={site.vettingStatus} />{" "}
        {site.lastCheckedOn ? <span className="muted">{t("hosts.vetting.lastChecked", { date: formatDate(site.lastCheckedOn, lng) })}</span> : null}
      </p>
      <div className="actions">
        <Link className="btn btn-secondary" to={`/host/sites/${site.id}/edit`}>
          {t("hosts.site.edit")}
        </Link>
        {site.vettingStatus === "vetted" ? (
          <Link className="btn" to={`/host/sites/${site.id}/visits/new`}>
            {t("hosts.visit.schedule")}
          </Link>
        ) : null}
        {d.isOrganizer ? <Link to={`/admin/sites/${site.id}`}>{t("hosts.vetting.manage")}</Link> : null}
      </div>
      {site.vettingStatus !== "vetted" ? <p className="alert alert-warn">{t(`hosts.vetting.notVettedNote.${site.vettingStatus}`)}</p> : null}

      <section className="card" aria-labelledby="visits-h">
        <h2 id="visits-h">{t("hosts.visit.heading")}</h2>
        <nav className="view-switch" aria-label={t("hosts.calendar.views")}>
          <Link to={`?view=calendar&month=${d.month}`} aria-current={d.view === "calendar" ? "page" : undefined}>
            {t("hosts.calendar.calendarView")}
          </Link>
          <Link to={`?view=list`} aria-current={d.view === "list" ? "page" : undefined}>
            {t("hosts.calendar.listView")}
          </Link>
        </nav>
        {d.view === "calendar" ? (
          <>
            <MonthCalendar
              month={d.month}
              visits={d.visits}
              holidays={d.holidays}
              today={d.today}
              hrefFor={(m) => `?view=calendar&month=${m}`}
              visitHref={(id) => `/host/visits/${id}`}
            />
            {!Object.keys(d.holidays).length ? <p className="muted">{t("hosts.calendar.noHolidayData")}</p> : null}
          </>
        ) : (
          <>
            <VisitTable visits={upcoming} caption={t("hosts.visit.upcoming")} />
            {past.length ? <VisitTable visits={past} caption={t("hosts.visit.past")} /> : null}
          </>
        )}
      </section>

      <section className="card" aria-labelledby="profile-h">
        <h2 id="profile-h">{t("hosts.site.profile")}</h2>
        <dl className="facts">
          <dt>{t("common.country")}</dt>
          <dd>{d.countryLabel}</dd>
          <dt>{t("hosts.site.province")}</dt>
          <dd>
            {site.province}
            {site.district ? `, ${site.district}` : ""}
          </dd>
          <dt>{t("hosts.site.timeZone")}</dt>
          <dd>{d.zoneLabel}</dd>
          {site.latitude && site.longitude ? (
            <>
              <dt>{t("hosts.site.coordinates")}</dt>
              <dd>
                <a
                  href={`https://www.openstreetmap.org/?mlat=${encodeURIComponent(site.latitude)}&mlon=${encodeURIComponent(site.longitude)}#map=14/${encodeURIComponent(site.latitude)}/${encodeURIComponent(site.longitude)}`}
                  rel="noopener noreferrer"
                >
                  {site.latitude}, {site.longitude}
                </a>
              </dd>
            </>
          ) : null}
          <dt>{t("hosts.site.themes")}</dt>
          <dd>
            <ThemeList themes={site.themes} />
          </dd>
          <dt>{t("hosts.site.languages")}</dt>
          <dd>
            <LanguageText codes={site.languages} />
          </dd>
          <dt>{t("hosts.site.interpreters")}</dt>
          <dd>
            {site.interpreters.length ? (
              <ul>
                {site.interpreters.map((i, n) => (
                  <li key={n}>
                    {i.name}: <LanguageText codes={i.languages} />
                  </li>
                ))}
              </ul>
            ) : (
              t("common.none")
            )}
          </dd>
          <dt>{t("hosts.site.accommodation")}</dt>
          <dd>{site.accommodation.map((a) => t(`hosts.accommodation.${a}`)).join(", ")}</dd>
          <dt>{t("hosts.site.beds")}</dt>
          <dd>{formatNumber(site.beds, lng, 0)}</dd>
          <dt>{t("hosts.site.dietary")}</dt>
          <dd>{site.dietaryAbilities.length ? site.dietaryAbilities.map((x) => (known.has(x) ? t(`hosts.dietary.${x}`) : x)).join(", ") : t("common.none")}</dd>
          <dt>{t("hosts.site.accessibility")}</dt>
          <dd>{site.accessibility ? <span lang={d.accessibilityLang}>{site.accessibility}</span> : t("common.none")}</dd>
          <dt>{t("hosts.site.contacts")}</dt>
          <dd>
            <ul>
              {site.contacts.map((c, n) => (
                <li key={n}>
                  {c.name}
                  {c.role ? ` (${c.role})` : ""}
                  {c.phone ? (
                    <>
                      {" "}
                      · <a href={`tel:${c.phone}`}>{c.phone}</a>
                    </>
                  ) : null}
                  {c.email ? (
                    <>
                      {" "}
                      · <a href={`mailto:${c.email}`}>{c.email}</a>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t("hosts.site.coordinators")}</dt>
          <dd>{d.coordinators.length ? d.coordinators.map((c) => c.displayName).join(", ") : t("common.none")}</dd>
        </dl>
        {site.description ? (
          <>
            <h3>{t("hosts.site.description")}</h3>
            <p style={{ whiteSpace: "pre-wrap" }} lang={d.descriptionLang}>
              {site.description}
            </p>
          </>
        ) : null}
      </section>
    </>
  );
}
