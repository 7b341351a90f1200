import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageText, StatusBadge, ThemeList } from "~/components/hosts/bits";
import { ParticipantTable } from "~/components/hosts/ParticipantTable";
import { formatDate, todayIn } from "~/domain/dates";
import { shownVisitStatus } from "~/domain/visits";
import { remixI18n } from "~/i18n.server";
import { getVisit, listWhoIsComing, visitShownTexts } from "~/models/hosts.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { formatNumber } from "~/domain/format";
import { siteNameShown } from "~/domain/local-text";

export const handle = pageTitle((t, d) => d.visit.title || t("hosts.visit.untitled", { id: d.visit.id }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const { visit, site, edition } = getVisit(actor, Number(params.visitId));
    const participants = listWhoIsComing(actor, visit.id);
    // Organizer-written text in the reader's language; the translations stay on the server.
    const { translations: _tr, ...plain } = visit;
    const shown = visitShownTexts(visit, edition, lng);
    return json({
      visit: { ...plain, title: shown.title.text, notes: shown.notes.text },
      shown,
      shownStatus: shownVisitStatus(visit.status, visit.departureOn, todayIn(site.timeZone)),
      site: { id: site.id, name: siteNameShown(site, lng), countryCode: site.countryCode },
      edition: { id: edition.id, name: shown.editionName.text },
      participants,
    });
  });
}

export default function VisitPage() {
  const { visit, shownStatus, site, shown, participants } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [params] = useSearchParams();
  const title = visit.title || t("hosts.visit.untitled", { id: visit.id });
  const accepted = participants.filter((p) => p.status === "accepted").length;
  return (
    <>
      {params.get("created") ? (
        <p className="alert alert-ok" role="status">
          {t("hosts.visit.created")}
        </p>
      ) : null}
      {params.get("saved") ? (
        <p className="alert alert-ok" role="status">
          {t("common.saved")}
        </p>
      ) : null}
      <p>
        <Link to={`/host/sites/${site.id}`}>
          ← <span lang={site.name.lang}>{site.name.text}</span>
        </Link>
      </p>
      <h1 lang={visit.title ? shown.title.lang : undefined}>{title}</h1>
      <p>
        <StatusBadge kind="visit" status={shownStatus} />
      </p>
      {visit.status === "cancelled" ? (
        <p className="alert alert-warn">{t("hosts.visit.cancelledBecause", { reason: visit.cancelReason ?? "" })}</p>
      ) : (
        <div className="actions">
          <Link className="btn btn-secondary" to={`/host/visits/${visit.id}/edit`}>
            {t("hosts.visit.edit")}
          </Link>
          <Link className="btn btn-secondary" to={`/host/visits/${visit.id}/trainings`}>
            {t("hosts.visit.trainings")}
          </Link>
          <Link className="btn btn-secondary" to={`/host/visits/${visit.id}/print`}>
            {t("hosts.coming.printable")}
          </Link>
          <Link className="btn btn-danger" to={`/host/visits/${visit.id}/cancel`}>
            {t("hosts.visit.cancel")}
          </Link>
        </div>
      )}
      <section className="card" aria-labelledby="facts-h">
        <h2 id="facts-h">{t("hosts.visit.details")}</h2>
        <dl className="facts">
          <dt>{t("common.edition")}</dt>
          <dd lang={shown.editionName.lang}>{shown.editionName.text}</dd>
          <dt>{t("hosts.visit.dates")}</dt>
          <dd>
            {formatDate(visit.arrivalOn, lng, "long")} – {formatDate(visit.departureOn, lng, "long")}
          </dd>
          <dt>{t("hosts.visit.capacity")}</dt>
          <dd>{formatNumber(visit.capacity, lng, 0)}</dd>
          <dt>{t("hosts.visit.perCountryCap")}</dt>
          <dd>{visit.perCountryCap}</dd>
          <dt>{t("hosts.visit.themes")}</dt>
          <dd>
            <ThemeList themes={visit.themes} />
          </dd>
          <dt>{t("hosts.visit.languages")}</dt>
          <dd>
            <LanguageText codes={visit.languages} />
          </dd>
          <dt>{t("hosts.visit.interpreterLanguages")}</dt>
          <dd>
            <LanguageText codes={visit.interpreterLanguages} />
          </dd>
          <dt>{t("hosts.visit.homestay")}</dt>
          <dd>{visit.homestay ? t("common.yes") : t("common.no")}</dd>
          <dt>{t("hosts.visit.notes")}</dt>
          <dd style={{ whiteSpace: "pre-wrap" }} lang={visit.notes ? shown.notes.lang : undefined}>
            {visit.notes || t("common.none")}
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="coming-h">
        <h2 id="coming-h">{t("hosts.coming.title")}</h2>
        <p>{t("hosts.coming.summary", { count: participants.length, accepted, capacity: visit.capacity })}</p>
        <ParticipantTable participants={participants} caption={t("hosts.coming.caption", { visit: title })} />
      </section>
    </>
  );
}
