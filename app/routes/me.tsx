// "My applications": the signed-in person's applications with their status, and the editions
// open for applications they have not applied to yet.
//
// Flat routes make every `me.*` route (me.applications.$id, ...) a child of this one, so the
// page renders the child instead of the list when one matches (and skips loading the list).
import { Link, useLoaderData, useOutlet, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/application/StatusBadge";
import { LocalText } from "~/components/i18n/LocalText";
import { PlacementBadge } from "~/components/placement/PlacementBadge";
import { myListLoader } from "~/models/applications/my-list-page.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("apply.me.title");

// The loader lives in a .server module: the /me pages' script then carries none of its helpers
// (language picking, script detection), which every child page (/me/applications/:id) would pay.
export const loader = myListLoader;

export default function Me() {
  const outlet = useOutlet();
  return outlet ?? <MyApplications />;
}

function MyApplications() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <section>
      <h1>{t("apply.me.title")}</h1>
      <p className="actions">
        <Link className="btn btn-secondary" to="/me/itinerary">
          {t("training.itinerary.title")}
        </Link>
        <Link to="/me/pilots">{t("pilots.me.title")}</Link>
        <Link to="/me/documents">{t("documents.link")}</Link>
        <Link to="/me/data">{t("privacy.link")}</Link>
      </p>
      {params.get("invited") ? (
        <p className="alert alert-ok" role="status">
          {t("apply.me.invited")}
        </p>
      ) : null}
      {data.applications.some((a) => a.status === "accepted") ? (
        <p className={data.openSurveys ? "alert alert-warn" : "card"}>
          {data.openSurveys ? t("evaluation.me.openCount", { count: data.openSurveys }) : t("evaluation.me.lead")}{" "}
          <Link to="/me/surveys">{t("evaluation.me.title")}</Link>
        </p>
      ) : null}
      {data.placements.map((p) => (
        <section key={p.id} className={p.status === "offered" ? "alert alert-warn" : "card"} aria-label={t("placement.offer.listTitle")}>
          <LocalText as="strong" value={p.visit} /> <PlacementBadge status={p.status} /> <span className="muted">{p.dates}</span>
          {p.replyBy ? <> · {t("placement.offer.replyByShort", { date: p.replyBy })}</> : null}{" "}
          <Link to={`/me/placements/${p.id}`} aria-label={t("placement.offer.viewFor", { visit: p.visit.text })}>
            {p.status === "offered" ? t("placement.offer.view") : t("common.view")}
          </Link>
        </section>
      ))}
      {data.applications.length === 0 ? <p>{t("apply.me.none")}</p> : null}
      <ul className="stack plain-list">
        {data.applications.map((a) => (
          <li key={a.id} className="card">
            <LocalText as="h2" className="mt-0" value={a.editionName} />
            <p>
              <StatusBadge status={a.status} /> <span className="muted">{a.dates}</span>
            </p>
            <div className="actions">
              <Link to={`/me/applications/${a.id}`} aria-label={t("apply.me.viewFor", { edition: a.editionName.text })}>
                {t("apply.me.view")}
              </Link>
              {a.canCheckIn ? <Link to="/me/check-in">{t("tracking.home.checkIn")}</Link> : null}
              {a.hasCertificate ? <Link to={`/me/certificates/${a.editionId}`}>{t("tracking.home.certificate")}</Link> : null}
              {a.editable ? (
                <Link className="btn" to={`/apply/${a.editionId}`}>
                  {t("apply.me.continue")}
                </Link>
              ) : null}
            </div>
            {a.editable ? <p className="muted">{t("apply.me.closes", { date: a.closesOn })}</p> : null}
          </li>
        ))}
      </ul>
      {data.open.length ? (
        <>
          <h2>{t("apply.me.openEditions")}</h2>
          <ul className="stack plain-list">
            {data.open.map((e) => (
              <li key={e.id} className="card">
                <LocalText as="h3" className="mt-0" value={e.name} />
                <p className="muted">{t("apply.me.closes", { date: e.closesOn })}</p>
                <Link className="btn" to={`/apply/${e.id}`}>
                  {t("home.applyNow")}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
