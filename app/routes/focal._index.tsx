// Focal point: the applications of their country for a chosen edition, counts per status and
// the country's quota ("4 of 6 places taken"), and a link to nominate a leader.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/review/StatusBadge";
import { memberCountryName as countryName } from "~/domain/country-names";
import { shownName } from "~/domain/local-text";
import { remixI18n } from "~/i18n.server";
import { listEditions, windowState } from "~/models/editions.server";
import { focalCountry, listCountryApplications } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { APPLICATION_STATUSES } from "../../db/schema/programme";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("focal.home.title", { country: d.countryName }));

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const url = new URL(request.url);
  return guard(() => {
    const country = focalCountry(actor, url.searchParams.get("country"));
    const editions = listEditions();
    const asked = Number(url.searchParams.get("edition"));
    // Default: the edition open for applications (soonest), else the newest.
    const open = editions.filter((e) => windowState(e) === "open");
    const chosen = editions.find((e) => e.id === asked) ?? open[open.length - 1] ?? editions[0];
    const summary = chosen ? listCountryApplications(actor, chosen.id, country, lng) : null;
    return json({
      country,
      countryName: countryName(country, lng),
      countries: actor.focalPointCountries.map((c) => ({ code: c, name: countryName(c, lng) })),
      // Edition names in the reader's language (an <option> is marked with its own lang).
      editions: editions.map((e) => ({ id: e.id, ...shownName(e, lng), open: windowState(e) === "open" })),
      editionId: chosen?.id ?? null,
      summary,
    });
  });
}

export default function FocalHome() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const s = data.summary;
  const chosen = data.editions.find((e) => e.id === data.editionId);
  return (
    <>
      <h1>{t("focal.home.title", { country: data.countryName })}</h1>
      <p>
        <Link to={`/pilots?country=${data.country}`}>{t("pilots.overview.title")}</Link>
      </p>
      {data.editions.length === 0 ? (
        <p>{t("focal.home.noEditions")}</p>
      ) : (
        <Form method="get" className="filters card">
          <div className="field">
            <label htmlFor="f-edition">{t("common.edition")}</label>
            <select id="f-edition" name="edition" defaultValue={data.editionId ?? ""}>
              {data.editions.map((e) => (
                <option key={e.id} value={e.id} lang={e.lang}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
          {data.countries.length > 1 ? (
            <div className="field">
              <label htmlFor="f-country">{t("common.country")}</label>
              <select id="f-country" name="country" defaultValue={data.country}>
                {data.countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="actions">
            <button type="submit">{t("focal.home.show")}</button>
          </div>
        </Form>
      )}
      {s ? (
        <>
          <section className="card" aria-labelledby="quota-h">
            <h2 id="quota-h" lang={s.edition.lang}>
              {s.edition.name}
            </h2>
            <p className="quota">
              <strong>{s.quota === null ? t("focal.quota.none", { used: s.used }) : t("focal.quota.used", { used: s.used, quota: s.quota })}</strong>
            </p>
            <p className="muted">{t("focal.quota.explain")}</p>
            <ul className="pill-list" aria-label={t("focal.home.counts")}>
              {APPLICATION_STATUSES.map((st) => (
                <li key={st}>
                  {t(`statuses.${st}`)}: <strong>{s.counts[st]}</strong>
                </li>
              ))}
            </ul>
            {chosen?.open ? (
              <p className="actions">
                <Link className="btn" to={`/focal/nominate?edition=${s.edition.id}&country=${data.country}`}>
                  {t("focal.home.nominate")}
                </Link>
                <Link className="btn btn-secondary" to={`/focal/import?country=${data.country}`}>
                  {t("tracking.home.import")}
                </Link>
              </p>
            ) : (
              <p className="muted">{t("focal.home.windowClosed")}</p>
            )}
          </section>
          <h2>{t("focal.home.applications")}</h2>
          {s.applications.length === 0 ? (
            <p>{t("common.noneYet")}</p>
          ) : (
            <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("focal.home.applications")}>
              <table>
                <caption className="visually-hidden">{t("focal.home.applications")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("common.name")}</th>
                    <th scope="col">{t("common.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.applications.map((a) => (
                    <tr key={a.id}>
                      <td className="wrap-anywhere">
                        <Link to={`/focal/applications/${a.id}`}>{a.name || t("focal.home.unnamed")}</Link>
                        {a.latin && a.latin !== a.name ? <div className="muted">{a.latin}</div> : null}
                        {a.nominated ? <div className="muted">{t("focal.home.nominated")}</div> : null}
                      </td>
                      <td>
                        <StatusBadge status={a.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
