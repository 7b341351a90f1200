// /me/itinerary: the participant's personal itinerary by day — visit arrival and departure, the
// training sessions they attend with venue, language and interpreters — in the venue's local time
// with the zone's name, and their home zone's time beside it where it differs. Printable. Also
// the secret calendar-feed box: the URL is shown once, in the answer to the POST that makes it
// (only its hash is stored), and a new one can be made at any time (the old one stops working).
// (File name `me_` so the page is not nested inside /me, which has no Outlet.)
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { trainingLinks } from "~/components/training/styles";
import { LocalText } from "~/components/i18n/LocalText";
import { formatDate } from "~/domain/dates";
import { timeZoneDisplayName } from "~/domain/intl";
import { pickField, siteNames, visitTitleShown, type Shown } from "~/domain/local-text";
import { formatForViewer, utcToLocal, zoneLabel } from "~/domain/training";
import { languageName } from "~/domain/vocabulary";
import { remixI18n, translatorFor } from "~/i18n.server";
import { seriesTexts } from "~/components/training/views.server";
import { feedUrl, participantFeedState, rotateParticipantFeed, getItinerary } from "~/models/training.server";
import { FeedCard } from "~/components/training/FeedCard";
import { CheckInPass } from "~/components/dashboard/CheckInPass";
import { myCheckInPass } from "~/models/tracking.server";
import { requireActor } from "~/session.server";
import { guard, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { SiteName } from "~/components/i18n/SiteName";

export const links = trainingLinks;
export const handle = pageTitle("training.itinerary.title");

type Entry =
  | { kind: "arrival" | "departure"; key: string; date: string; title: Shown; site: { name: Shown; local: Shown | null }; province: string }
  | {
      kind: "training";
      key: string;
      date: string;
      sort: string;
      id: number;
      title: Shown;
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
      /** How its series repeats (issue 15, item 8), or null for a one-off session. */
      series: string | null;
    };

const rank = (e: Entry) => (e.kind === "arrival" ? 0 : e.kind === "training" ? 1 : 2);
const rankKey = (e: Entry) => (e.kind === "training" ? e.sort : e.key);

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const t = translatorFor(lng);
  const { homeZone, plans } = getItinerary(actor);
  const passes = await Promise.all(plans.map((p) => myCheckInPass(actor, { applicationId: p.applicationId })));
  return json({
    // The home zone by its name in the reader's language, not its IANA ID (issue 11).
    homeZone: homeZone ? timeZoneDisplayName(homeZone, lng) : null,
    plans: plans.map((p, i) => {
      const entries: Entry[] = [];
      for (const v of p.visits) {
        // The site's name in the reader's language (issue 11); the visit's title, else that name.
        const site = siteNames({ name: v.siteName, nameLatin: v.siteNameLatin, countryCode: v.countryCode, translations: v.siteTranslations }, lng);
        const title = visitTitleShown(v.title, v.translations, site.name, lng);
        const place = { site, province: v.province };
        entries.push({ kind: "arrival", key: `a${v.id}`, date: v.arrivalOn, title, ...place });
        entries.push({ kind: "departure", key: `d${v.id}`, date: v.departureOn, title, ...place });
      }
      const series = seriesTexts(p.trainings, lng, t);
      for (const r of p.trainings) {
        const s = utcToLocal(r.startsAt, r.timeZone);
        const e = utcToLocal(r.endsAt, r.timeZone);
        const label = zoneLabel(r.startsAt, r.timeZone, { locale: lng });
        entries.push({
          kind: "training",
          key: `t${r.id}`,
          date: s.date,
          sort: r.startsAt,
          id: r.id,
          title: pickField(r.title, r.translations, "title", lng),
          type: r.type,
          status: r.status,
          time: `${s.time}–${e.time}${e.date !== s.date ? ` (${formatDate(e.date, lng)})` : ""} ${label}`,
          zoneName: timeZoneDisplayName(r.timeZone, lng, Date.parse(r.startsAt)),
          home: formatForViewer(r.startsAt, r.endsAt, r.timeZone, homeZone, { locale: lng }).viewer,
          venue: r.venueName,
          online: r.onlineUrl,
          language: languageName(r.deliveryLanguage, lng),
          interpreters: r.interpreters.join(", "),
          enrolment: r.enrolment,
          position: r.position,
          series: series.get(r.id) ?? null,
        });
      }
      const days = [...new Set(entries.map((e) => e.date))].sort();
      return {
        applicationId: p.applicationId,
        pass: passes[i],
        editionName: pickField(p.editionName, p.editionTranslations, "name", lng),
        feed: (({ active, since }) => ({ active, since: since ? formatDate(since.slice(0, 10), lng) : null }))(participantFeedState(actor, p.applicationId)),
        days: days.map((date) => ({
          date,
          label: formatDate(date, lng, "long"),
          entries: entries.filter((e) => e.date === date).sort((a, b) => rank(a) - rank(b) || (rankKey(a) < rankKey(b) ? -1 : 1)),
        })),
        open: p.open.map((r) => ({
          id: r.id,
          title: pickField(r.title, r.translations, "title", lng),
          when: formatForViewer(r.startsAt, r.endsAt, r.timeZone, homeZone, { locale: lng }),
        })),
      };
    }),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  if (form.get("intent") !== "rotateFeed") throw new Response("Bad request", { status: 400 });
  const applicationId = Number(form.get("applicationId"));
  const token = await guard(() => rotateParticipantFeed(actor, applicationId));
  // Answered, not redirected: this answer is the only place the new URL is ever shown.
  return json({ newFeed: { applicationId, url: feedUrl(token) } }, { headers: { "Cache-Control": "no-store" } });
}

export default function Itinerary() {
  const d = useLoaderData<typeof loader>();
  const fresh = useActionData<typeof action>()?.newFeed ?? null;
  const { t } = useTranslation();
  return (
    <>
      <p className="no-print">
        <Link to="/me">← {t("training.itinerary.back")}</Link>
      </p>
      <h1>{t("training.itinerary.title")}</h1>
      {d.homeZone ? <p className="muted">{t("training.itinerary.homeZone", { zone: d.homeZone })}</p> : null}
      {d.plans.length === 0 ? <p>{t("training.itinerary.none")}</p> : null}
      {d.plans.map((p) => (
        <section key={p.applicationId} aria-labelledby={`plan-${p.applicationId}`}>
          <LocalText as="h2" id={`plan-${p.applicationId}`} value={p.editionName} />
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
                        <Link to={`/me/trainings/${e.id}`}>
                          <LocalText value={e.title} />
                        </Link>{" "}
                        · {t(`training.types.${e.type}`)}
                        {e.series ? <span className="muted"> · {e.series}</span> : null}
                        {e.status === "cancelled" ? (
                          <>
                            {" "}
                            <span className="badge badge-cancelled">{t("training.status.cancelled")}</span>
                          </>
                        ) : null}
                        {e.enrolment === "waitlisted" ? (
                          <>
                            {" "}
                            <span className="badge badge-waitlisted">{t("training.enrolment.waitlistedAt", { position: e.position })}</span>
                          </>
                        ) : null}
                      </div>
                      <div className="muted">
                        {e.venue ? `${t("training.itinerary.venue")}: ${e.venue}` : t("training.itinerary.online")} · {t("training.itinerary.language")}:{" "}
                        {e.language}
                        {e.interpreters ? ` · ${t("training.itinerary.interpreters")}: ${e.interpreters}` : ""}
                      </div>
                    </li>
                  ) : (
                    <li key={e.key} className="is-allday">
                      <strong>{t(`training.itinerary.${e.kind}`)}</strong>: <LocalText value={e.title} /> — <SiteName names={e.site} localClassName="" />,{" "}
                      {e.province}
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
                    <Link to={`/me/trainings/${o.id}`}>
                      <LocalText value={o.title} />
                    </Link>{" "}
                    — {o.when.venue}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {p.pass ? <CheckInPass pass={p.pass} id={`pass-${p.applicationId}`} /> : null}
          <FeedCard
            headingId={`feed-${p.applicationId}`}
            level={3}
            title={t("training.feed.title")}
            lead={t("training.feed.lead")}
            state={p.feed}
            fresh={fresh?.applicationId === p.applicationId ? fresh.url : null}
            fields={{ applicationId: p.applicationId }}
          />
        </section>
      ))}
    </>
  );
}
