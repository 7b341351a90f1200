// /me/itinerary: the participant's personal itinerary by day — visit arrival and departure, the
// training sessions they attend with venue, language and interpreters — in the venue's local time
// with the zone's name, and their home zone's time beside it where it differs. Printable. Also
// the secret calendar-feed URL with a button to revoke it and get a new one.
// (File name `me_` so the page is not nested inside /me, which has no Outlet.)
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { trainingLinks } from "~/components/training/styles";
import { formatDate } from "~/domain/dates";
import { formatForViewer, utcToLocal, zoneLabel } from "~/domain/training";
import { languageName } from "~/domain/vocabulary";
import { remixI18n } from "~/i18n.server";
import { participantFeedToken, rotateParticipantFeed, getItinerary } from "~/models/training.server";
import { requireActor } from "~/session.server";
import { guard, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const links = trainingLinks;
export const handle = pageTitle("training.itinerary.title");

type Entry =
  | { kind: "arrival" | "departure"; key: string; date: string; title: string; place: string }
  | {
      kind: "training";
      key: string;
      date: string;
      sort: string;
      id: number;
      title: string;
      type: string;
      status: string;
      time: string;
      zoneName: string;
      home: string | null;
      venue: string | null;
      online: string | null;
      language: string;
      interpreters: string;
      enrolment: string | null;
      position: number | null;
    };

const rank = (e: Entry) => (e.kind === "arrival" ? 0 : e.kind === "training" ? 1 : 2);
const rankKey = (e: Entry) => (e.kind === "training" ? e.sort : e.key);

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const origin = new URL(request.url).origin;
  const { homeZone, plans } = getItinerary(actor);
  return json({
    homeZone,
    plans: plans.map((p) => {
      const entries: Entry[] = [];
      for (const v of p.visits) {
        const place = `${v.siteName}${v.siteNameLatin && v.siteNameLatin !== v.siteName ? ` (${v.siteNameLatin})` : ""}, ${v.province}`;
        entries.push({ kind: "arrival", key: `a${v.id}`, date: v.arrivalOn, title: v.title, place });
        entries.push({ kind: "departure", key: `d${v.id}`, date: v.departureOn, title: v.title, place });
      }
      for (const r of p.trainings) {
        const s = utcToLocal(r.startsAt, r.timeZone);
        const e = utcToLocal(r.endsAt, r.timeZone);
        const label = zoneLabel(r.startsAt, r.timeZone, { locale: lng });
        const long = zoneLabel(r.startsAt, r.timeZone, { locale: lng, zoneName: "long" });
        entries.push({
          kind: "training",
          key: `t${r.id}`,
          date: s.date,
          sort: r.startsAt,
          id: r.id,
          title: r.title,
          type: r.type,
          status: r.status,
          time: `${s.time}–${e.time}${e.date !== s.date ? ` (${formatDate(e.date, lng)})` : ""} ${label}`,
          zoneName: `${long} · ${r.timeZone}`,
          home: formatForViewer(r.startsAt, r.endsAt, r.timeZone, homeZone, { locale: lng }).viewer,
          venue: r.venueName,
          online: r.onlineUrl,
          language: languageName(r.deliveryLanguage, lng),
          interpreters: r.interpreters.join(", "),
          enrolment: r.enrolment,
          position: r.position,
        });
      }
      const days = [...new Set(entries.map((e) => e.date))].sort();
      return {
        applicationId: p.applicationId,
        editionName: p.editionName,
        feedUrl: `${origin}/feeds/${participantFeedToken(actor, p.applicationId)}.ics`,
        days: days.map((date) => ({
          date,
          label: formatDate(date, lng, "long"),
          entries: entries
            .filter((e) => e.date === date)
            .sort((a, b) => rank(a) - rank(b) || (rankKey(a) < rankKey(b) ? -1 : 1)),
        })),
        open: p.open.map((r) => ({ id: r.id, title: r.title, when: formatForViewer(r.startsAt, r.endsAt, r.timeZone, homeZone, { locale: lng }) })),
      };
    }),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  if (form.get("intent") !== "rotateFeed") throw new Response("Bad request", { status: 400 });
  await guard(() => rotateParticipantFeed(actor, Number(form.get("applicationId"))));
  return redirect("/me/itinerary?feed=new");
}

export default function Itinerary() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <>
      <p className="no-print"><Link to="/me">← {t("training.itinerary.back")}</Link></p>
      <h1>{t("training.itinerary.title")}</h1>
      {d.homeZone ? <p className="muted">{t("training.itinerary.homeZone", { zone: d.homeZone })}</p> : null}
      {params.get("feed") ? <p className="alert alert-ok" role="status">{t("training.feed.rotated")}</p> : null}
      {d.plans.length === 0 ? <p>{t("training.itinerary.none")}</p> : null}
      {d.plans.map((p) => (
        <section key={p.applicationId} aria-labelledby={`plan-${p.applicationId}`}>
          <h2 id={`plan-${p.applicationId}`}>{p.editionName}</h2>
          {p.days.length === 0 ? <p className="muted">{t("training.itinerary.empty")}</p> : null}
          {p.days.map((day) => (
            <div key={day.date} className="itin-day">
              <h3>{day.label}</h3>
              <ul className="itin-list">
                {day.entries.map((e) =>
                  e.kind === "training" ? (
                    <li key={e.key} className={e.status === "cancelled" ? "is-cancelled" : undefined}>
                      <span className="itin-time">{e.time}</span> <span className="muted">({e.zoneName})</span>
                      {e.home ? <span className="itin-home">{t("training.itinerary.homeTime", { time: e.home })}</span> : null}
                      <div className="itin-title">
                        <Link to={`/me/trainings/${e.id}`}>{e.title}</Link> · {t(`training.types.${e.type}`)}
                        {e.status === "cancelled" ? <> <span className="badge badge-cancelled">{t("training.status.cancelled")}</span></> : null}
                        {e.enrolment === "waitlisted" ? <> <span className="badge badge-waitlisted">{t("training.enrolment.waitlistedAt", { position: e.position })}</span></> : null}
                      </div>
                      <div className="muted">
                        {e.venue ? `${t("training.itinerary.venue")}: ${e.venue}` : t("training.itinerary.online")} · {t("training.itinerary.language")}: {e.language}
                        {e.interpreters ? ` · ${t("training.itinerary.interpreters")}: ${e.interpreters}` : ""}
                      </div>
                    </li>
                  ) : (
                    <li key={e.key} className="is-allday">
                      <strong>{t(`training.itinerary.${e.kind}`)}</strong>: {e.title} — {e.place}
                    </li>
                  ),
                )}
              </ul>
            </div>
          ))}
          {p.open.length ? (
            <div className="card no-print">
              <h3>{t("training.itinerary.openTitle")}</h3>
              <ul>
                {p.open.map((o) => (
                  <li key={o.id}>
                    <Link to={`/me/trainings/${o.id}`}>{o.title}</Link> — {o.when.venue}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="card no-print" aria-labelledby={`feed-${p.applicationId}`}>
            <h3 id={`feed-${p.applicationId}`}>{t("training.feed.title")}</h3>
            <p>{t("training.feed.lead")}</p>
            <p className="feed-url">{p.feedUrl}</p>
            <div className="actions">
              <a className="btn btn-secondary" href={p.feedUrl.replace(/^https?:\/\/[^/]+/, "")} download>{t("training.feed.download")}</a>
              <Form method="post">
                <input type="hidden" name="intent" value="rotateFeed" />
                <input type="hidden" name="applicationId" value={p.applicationId} />
                <button type="submit" className="btn btn-secondary">{t("training.feed.rotate")}</button>
              </Form>
            </div>
          </div>
        </section>
      ))}
    </>
  );
}
