import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ParticipantTable } from "~/components/hosts/ParticipantTable";
import { memberCountryName as countryName } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { remixI18n } from "~/i18n.server";
import { getVisit, listWhoIsComing, visitShownTexts } from "~/models/hosts.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { siteNames } from "~/domain/local-text";
import { SiteName } from "~/components/i18n/SiteName";

export const handle = pageTitle("hosts.coming.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const { visit, site, edition } = getVisit(actor, Number(params.visitId));
    const shown = visitShownTexts(visit, edition, lng);
    return json({
      visit: {
        id: visit.id,
        title: shown.title.text,
        titleLang: shown.title.lang,
        arrivalOn: visit.arrivalOn,
        departureOn: visit.departureOn,
        status: visit.status,
        capacity: visit.capacity,
      },
      site: { id: site.id, names: siteNames(site, lng), province: site.province, country: countryName(site.countryCode, lng) },
      edition: { name: shown.editionName.text, lang: shown.editionName.lang },
      participants: listWhoIsComing(actor, visit.id),
      printedOn: new Date().toISOString().slice(0, 10),
    });
  });
}

export default function PrintVisit() {
  const { visit, site, edition, participants, printedOn } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const title = visit.title ? <span lang={visit.titleLang}>{visit.title}</span> : t("hosts.visit.untitled", { id: visit.id });
  const caption = visit.title || t("hosts.visit.untitled", { id: visit.id });
  return (
    <article className="print-sheet">
      <p className="no-print">
        <Link to={`/host/visits/${visit.id}`}>← {title}</Link> · {t("hosts.coming.printHint")}
      </p>
      <h1>
        {t("hosts.coming.title")}: {title}
      </h1>
      <p>
        <SiteName names={site.names} localClassName="" />, {site.province}, {site.country} · <span lang={edition.lang}>{edition.name}</span>
        <br />
        {formatDate(visit.arrivalOn, lng, "long")} – {formatDate(visit.departureOn, lng, "long")} ·{" "}
        {t("hosts.coming.summary", {
          count: participants.length,
          accepted: participants.filter((p) => p.status === "accepted").length,
          capacity: visit.capacity,
        })}
      </p>
      <ParticipantTable participants={participants} caption={t("hosts.coming.caption", { visit: caption })} />
      <p className="muted">
        {t("hosts.coming.printedOn", { date: formatDate(printedOn, lng) })} · {t("hosts.coming.confidential")}
      </p>
    </article>
  );
}
