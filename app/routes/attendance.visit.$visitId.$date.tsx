// The check-in list of one day of an exchange visit (issue 6), for organizers and the host
// coordinators of the visit's site; built for a phone and working without JavaScript.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckInList } from "~/components/dashboard/CheckInList";
import { dashboardLinks } from "~/components/dashboard/styles";
import { memberCountryName as countryName } from "~/domain/country-names";
import { addDays, formatDate, formatInstantIn } from "~/domain/dates";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { siteNames, siteNameShown, visitTitleShown } from "~/domain/local-text";
import { remixI18n } from "~/i18n.server";
import { checkInAction, visitDaySheet } from "~/models/tracking.server";
import { requireActor } from "~/session.server";
import { guard, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { SiteName } from "~/components/i18n/SiteName";

export const handle = pageTitle((t, d) => t("tracking.list.titleVisit", { visit: d.visit.title, date: d.dateLabel }));
export const links = dashboardLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const search = new URL(request.url).searchParams;
  const q = search.get("q") ?? "";
  const checked = search.get("checked")?.slice(0, 200) ?? null;
  const already = search.get("already") === "1";
  return guard(() => {
    const s = visitDaySheet(actor, Number(params.visitId), params.date ?? "", q);
    const prev = addDays(s.date, -1);
    const next = addDays(s.date, 1);
    return json({
      // The visit's title in the reader's language (issue 11 item 8), else the site's name.
      visit: {
        id: s.visit.id,
        ...(({ text, lang }) => ({ title: text, titleLang: lang }))(visitTitleShown(s.visit.title, s.visit.translations, siteNameShown(s.site, lng), lng)),
        site: siteNames(s.site, lng),
      },
      date: s.date,
      dateLabel: formatDate(s.date, lng, "long"),
      // The neighbouring days, linked by their ISO date and labelled as the reader writes dates.
      prev: prev >= s.visit.arrivalOn ? { date: prev, label: formatDate(prev, lng) } : null,
      next: next <= s.visit.departureOn ? { date: next, label: formatDate(next, lng) } : null,
      today: s.today,
      open: s.open,
      correction: s.correction,
      opensOn: formatDate(s.date, lng),
      q,
      checked,
      already,
      counts: s.counts,
      pending: s.pending,
      // Each mark's time on the host site's clock with its zone, in the reader's language (not UTC).
      people: s.people.map((p) => ({
        ...p,
        countryName: p.country ? countryName(p.country, lng) : "",
        recordedAtText: p.recordedAt ? formatInstantIn(p.recordedAt, s.site.timeZone, lng) : null,
      })),
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return checkInAction(actor, { kind: "visit_day", visitId: Number(params.visitId), date: params.date ?? "" }, request, form);
}

export default function VisitDayAttendance() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section>
      <h1>
        <LocalTextIn
          i18nKey="tracking.list.titleVisit"
          name="visit"
          value={{ text: data.visit.title, lang: data.visit.titleLang ?? undefined }}
          values={{ date: data.dateLabel }}
        />
      </h1>
      <p className="muted">
        <SiteName names={data.visit.site} />
      </p>
      <nav className="actions" aria-label={t("tracking.list.days")}>
        {data.prev ? <Link to={`/attendance/visit/${data.visit.id}/${data.prev.date}`}>← {data.prev.label}</Link> : null}
        {data.next ? <Link to={`/attendance/visit/${data.visit.id}/${data.next.date}`}>{data.next.label} →</Link> : null}
        <a href={`/host/exports/${data.visit.id}.csv`} download>
          {t("tracking.exports.visitAttendance")}
        </a>
      </nav>
      {data.open ? null : <p className="alert alert-warn">{t("tracking.list.opensOn", { date: data.opensOn })}</p>}
      {data.correction ? <p className="alert alert-warn">{t("tracking.list.correctionHint")}</p> : null}
      {data.pending.offered + data.pending.proposed > 0 ? (
        <p className="alert alert-warn">{t("tracking.list.pendingSeats", { offered: data.pending.offered, proposed: data.pending.proposed })}</p>
      ) : null}
      <CheckInList
        people={data.people}
        open={data.open}
        correction={data.correction}
        q={data.q}
        counts={data.counts}
        error={actionData && "error" in actionData ? actionData.error : undefined}
        code={
          actionData && "codeError" in actionData
            ? { error: actionData.codeError, value: actionData.code }
            : { checked: data.checked ?? undefined, already: data.already }
        }
      />
    </section>
  );
}
