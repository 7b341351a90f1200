import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/hosts/bits";
import { hostsLinks } from "~/components/hosts/styles";
import { countryName, isMemberCountry, memberCountries } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { remixI18n } from "~/i18n.server";
import { listSitesForAdmin } from "~/models/hosts.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { VETTING_STATUSES } from "../../db/schema/hosts";
import { pageTitle } from "~/utils/page-title";
import { formatNumber } from "~/domain/format";
import { siteNames } from "~/domain/local-text";

export const links = hostsLinks;
export const handle = pageTitle("hosts.admin.sitesTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const url = new URL(request.url);
  const status = url.searchParams.get("status");
  const country = url.searchParams.get("country");
  const q = url.searchParams.get("q")?.trim().slice(0, 100) ?? "";
  return guard(() => {
    const filters = {
      status: status && (VETTING_STATUSES as readonly string[]).includes(status) ? status : null,
      country: country && isMemberCountry(country) ? country : null,
      q: q || null,
    };
    // Site names in the reader's language; the other translations stay on the server.
    const sites = listSitesForAdmin(actor, filters).map(({ translations, ...s }) => ({
      ...s,
      names: siteNames({ ...s, translations }, lng),
      country: countryName(s.countryCode, lng),
    }));
    return json({ sites, filters: { status: filters.status ?? "", country: filters.country ?? "", q }, countries: memberCountries(lng) });
  });
}

export default function AdminSites() {
  const { sites, filters, countries } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <>
      <h1>{t("hosts.admin.sitesTitle")}</h1>
      <Form method="get" className="filters card" role="search" aria-label={t("hosts.admin.filters")}>
        <div className="field">
          <label htmlFor="f-status">{t("hosts.vetting.status")}</label>
          <select id="f-status" name="status" defaultValue={filters.status}>
            <option value="">{t("common.all")}</option>
            {VETTING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`hosts.status.vetting.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-country">{t("common.country")}</label>
          <select id="f-country" name="country" defaultValue={filters.country}>
            <option value="">{t("common.all")}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-q">{t("common.search")}</label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q} />
        </div>
        <div className="actions">
          <button type="submit">{t("common.filter")}</button>
          <Link to="/admin/sites">{t("common.clear")}</Link>
        </div>
      </Form>
      <div className="actions">
        <Link className="btn btn-secondary" to="/host/sites/new">
          {t("hosts.home.newSite")}
        </Link>
      </div>
      <p role="status">{t("common.results", { count: sites.length })}</p>
      {sites.length ? (
        <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("hosts.admin.sitesTitle")}>
          <table>
            <caption className="visually-hidden">{t("hosts.admin.sitesTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("hosts.site.site")}</th>
                <th scope="col">{t("common.country")}</th>
                <th scope="col" className="num">
                  {t("hosts.site.beds")}
                </th>
                <th scope="col" className="num">
                  {t("hosts.admin.visits")}
                </th>
                <th scope="col" className="num">
                  {t("hosts.site.coordinators")}
                </th>
                <th scope="col">{t("hosts.vetting.status")}</th>
                <th scope="col">{t("hosts.vetting.lastCheckedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/admin/sites/${s.id}`} lang={s.names.name.lang}>
                      {s.names.name.text}
                    </Link>
                    {s.names.local ? (
                      <div className="muted" lang={s.names.local.lang}>
                        {s.names.local.text}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {s.province}, {s.country}
                  </td>
                  <td className="num">{formatNumber(s.beds, i18n.language, 0)}</td>
                  <td className="num">{s.visits}</td>
                  <td className="num">{s.coordinators}</td>
                  <td>
                    <StatusBadge kind="vetting" status={s.vettingStatus} />
                  </td>
                  <td>{s.lastCheckedOn ? formatDate(s.lastCheckedOn, i18n.language) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("common.noneYet")}</p>
      )}
    </>
  );
}
