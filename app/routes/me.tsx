// "My applications": the signed-in person's applications with their status, and the editions
// open for applications they have not applied to yet.
//
// Flat routes make every `me.*` route (me.applications.$id, ...) a child of this one, so the
// page renders the child instead of the list when one matches (and skips loading the list).
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useOutlet, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/application/StatusBadge";
import { LocalText } from "~/components/i18n/LocalText";
import { formatDate, todayIn } from "~/domain/dates";
import { pickField, type Shown, type Translations } from "~/domain/local-text";
import { landingPath } from "~/domain/workspaces";
import { langOfText } from "~/domain/script-lang";
import { remixI18n } from "~/i18n.server";
import { listOwnApplications } from "~/models/applications.server";
import { listOpenEditions, windowState } from "~/models/editions.server";
import { countOpenSurveys } from "~/models/evaluation.server";
import { listOwnPlacements } from "~/models/placement.server";
import { PlacementBadge } from "~/components/placement/PlacementBadge";
import { requireActor } from "~/session.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("apply.me.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  // Only the list page itself needs the list (child routes render instead of it).
  const isList = new URL(request.url).pathname.replace(/\/$/, "") === "/me";
  const lng = await remixI18n.getLocale(request);
  const mine = isList ? listOwnApplications(actor) : [];
  const applied = new Set(mine.map((a) => a.editionId));
  // Village leaders apply; a host coordinator, focal point or organizer with no application of
  // their own is not offered "Apply" (issue 12, new user's item 8): the header links them to their
  // workspaces.
  const staff =
    landingPath({
      isOrganizer: actor.isOrganizer,
      isFocalPoint: actor.focalPointCountries.length > 0,
      isHostCoordinator: actor.isHostCoordinator,
    }) !== "/me";
  const offerApply = !staff || mine.length > 0;
  return json({
    openSurveys: isList ? countOpenSurveys(actor) : 0,
    placements: isList
      ? listOwnPlacements(actor).map((p) => ({
          id: p.id,
          status: p.status,
          visit: visitName(p, lng),
          dates: `${formatDate(p.arrivalOn, lng)} – ${formatDate(p.departureOn, lng)}`,
          replyBy: p.status === "offered" ? formatDate(p.replyBy, lng) : null,
        }))
      : [],
    name: actor.displayName,
    applications: mine.map((a) => ({
      id: a.id,
      status: a.status,
      editionId: a.editionId,
      editionName: pickField(a.editionName, a.editionTranslations, "name", lng),
      dates: `${formatDate(a.startsOn, lng)} – ${formatDate(a.endsOn, lng)}`,
      closesOn: formatDate(a.applicationsCloseOn, lng),
      editable: a.status === "draft" && windowState(a) === "open",
      // Links only where they can work (issue 12 item 5): check-in while the edition runs, the
      // certificate once it has begun; none for a future edition.
      canCheckIn: a.status === "accepted" && a.startsOn <= todayIn(a.timeZone) && todayIn(a.timeZone) <= a.endsOn,
      hasCertificate: a.status === "accepted" && a.startsOn <= todayIn(a.timeZone),
    })),
    open: (isList && offerApply ? listOpenEditions() : [])
      .filter((e) => !applied.has(e.id))
      .map((e) => ({ id: e.id, name: pickField(e.name, e.translations, "name", lng), closesOn: formatDate(e.applicationsCloseOn, lng) })),
  });
}

/**
 * A placement's visit as the participant reads it: the visit title in their language (else
 * English, else the first given), or the host site's name when the visit has no title.
 */
function visitName(
  p: {
    visitTitle: string | null;
    visitTranslations: Translations<"title" | "notes"> | null;
    siteName: string;
    siteNameLatin: string | null;
    countryCode: string;
  },
  lng: string,
): Shown {
  if (p.visitTitle) return pickField(p.visitTitle, p.visitTranslations, "title", lng);
  const text = p.siteNameLatin || p.siteName;
  return { text, lang: langOfText(text, p.countryCode) ?? "en" };
}

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
