// Organizer: every edition, newest first, with its window's state and a link to edit it.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { memberCountryName as countryName } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { listEditions, windowState } from "~/models/editions.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { shownName } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("admin.editions.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    const editions = listEditions().map((e) => ({
      id: e.id,
      ...shownName(e, lng),
      ordinal: e.ordinal,
      mode: e.mode,
      hosts: e.hostCountries.map((c) => countryName(c, lng)).join(", "),
      dates: { from: formatDate(e.startsOn, lng), to: formatDate(e.endsOn, lng) },
      window: { from: formatDate(e.applicationsOpenOn, lng), to: formatDate(e.applicationsCloseOn, lng) },
      windowState: windowState(e),
    }));
    return json({ editions });
  });
}

export default function Editions() {
  const { t } = useTranslation();
  const { editions } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("admin.editions.title")}</h1>
      {params.get("saved") ? (
        <p className="alert alert-ok" role="status">
          {t("common.saved")}
        </p>
      ) : null}
      <p className="actions">
        <Link className="btn" to="/admin/editions/new">
          {t("admin.editions.new")}
        </Link>
      </p>
      {editions.length === 0 ? (
        <p>{t("common.noneYet")}</p>
      ) : (
        <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("admin.editions.title")}>
          <table>
            <caption className="visually-hidden">{t("admin.editions.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("common.name")}</th>
                <th scope="col">{t("admin.editions.mode")}</th>
                <th scope="col">{t("admin.editions.hostCountries")}</th>
                <th scope="col">{t("admin.editions.dates")}</th>
                <th scope="col">{t("admin.editions.window")}</th>
              </tr>
            </thead>
            <tbody>
              {editions.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/admin/editions/${e.id}`} lang={e.lang}>
                      {e.name}
                    </Link>
                    <span className="muted"> (#{e.ordinal})</span>
                  </td>
                  <td>{t(`modes.${e.mode}`)}</td>
                  <td>{e.hosts}</td>
                  <td>{t("home.dates", e.dates)}</td>
                  <td>
                    {t("home.dates", e.window)}
                    <br />
                    <span className="muted">{t(`admin.editions.windowStates.${e.windowState}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
