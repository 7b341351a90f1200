// The check-in list of a training session (issue 6), for organizers, the host coordinators of
// the session's visit and its trainers; built for a phone and working without JavaScript.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckInList } from "~/components/dashboard/CheckInList";
import { dashboardLinks } from "~/components/dashboard/styles";
import { memberCountryName as countryName } from "~/domain/country-names";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { formatDate, formatInstantIn } from "~/domain/dates";
import { pickField } from "~/domain/local-text";
import { timeZoneDisplayName } from "~/domain/intl";
import { remixI18n } from "~/i18n.server";
import { checkInAction, trainingSheet } from "~/models/tracking.server";
import { requireActor } from "~/session.server";
import { guard, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("tracking.list.titleTraining", { title: d.training.title }));
export const links = dashboardLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const search = new URL(request.url).searchParams;
  const q = search.get("q") ?? "";
  const checked = search.get("checked")?.slice(0, 200) ?? null;
  const already = search.get("already") === "1";
  return guard(() => {
    const s = trainingSheet(actor, Number(params.trainingId), q);
    const title = pickField(s.training.title, s.training.translations, "title", lng);
    const fmt = new Intl.DateTimeFormat(lng, { calendar: "gregory", timeZone: s.training.timeZone, hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
    return json({
      training: {
        id: s.training.id,
        title: title.text,
        titleLang: title.lang,
        status: s.training.status,
        when: `${formatDate(s.days.from, lng, "long")}, ${fmt.format(new Date(s.training.startsAt))} – ${fmt.format(new Date(s.training.endsAt))}`,
        zone: timeZoneDisplayName(s.training.timeZone, lng, Date.parse(s.training.startsAt)),
      },
      visitId: s.visit?.id ?? null,
      days: s.days,
      today: s.today,
      open: s.open,
      q,
      checked,
      already,
      counts: s.counts,
      // Each mark's time on the venue's clock with its zone, in the reader's language (not UTC).
      people: s.people.map((p) => ({
        ...p,
        countryName: p.country ? countryName(p.country, lng) : "",
        recordedAtText: p.recordedAt ? formatInstantIn(p.recordedAt, s.training.timeZone, lng) : null,
      })),
      isOrganizer: actor.isOrganizer,
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return checkInAction(actor, { kind: "training", trainingId: Number(params.trainingId) }, request, form);
}

export default function TrainingAttendance() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section>
      <h1>
        <LocalTextIn i18nKey="tracking.list.titleTraining" name="title" value={{ text: data.training.title, lang: data.training.titleLang }} />
      </h1>
      <p className="muted">
        {data.training.when} ({data.training.zone})
      </p>
      {data.open ? null : (
        <p className="alert alert-warn">{data.today < data.days.from ? t("tracking.list.opensOn", { date: data.days.from }) : t("tracking.list.closed")}</p>
      )}
      <p className="actions">
        <Link className="btn btn-secondary" to={`/attendance/code/${data.training.id}`}>
          {t("tracking.code.show")}
        </Link>
        {data.isOrganizer ? <Link to="/admin/dashboard">{t("tracking.dashboard.title")}</Link> : null}
      </p>
      <CheckInList
        people={data.people}
        open={data.open}
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
