// Organizer: every application, filtered (edition, country, status, gender, theme) with a GET form
// that works without JavaScript, searched by name ignoring case and diacritics, sorted by name,
// 50 a page.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/review/StatusBadge";
import { memberCountries } from "~/domain/country-names";
import { GENDERS, THEMES } from "~/domain/vocabulary";
import { parseReviewFilters, type ReviewFilters } from "~/forms/review";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { listEditions } from "~/models/editions.server";
import { listApplicationsForReview } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { APPLICATION_STATUSES } from "../../db/schema/programme";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("admin.applications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    const filters = parseReviewFilters(new URL(request.url).searchParams);
    const result = listApplicationsForReview(actor, filters, lng);
    return json({
      filters,
      ...result,
      editions: listEditions().map((e) => ({ id: e.id, name: e.name })),
      countries: memberCountries(lng),
    });
  });
}

function pageHref(filters: ReviewFilters, page: number) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== "" && k !== "page") p.set(k, String(v));
  p.set("page", String(page));
  return `?${p.toString()}`;
}

function Filter({ id, label, value, options }: { id: string; label: string; value?: string | number; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={`f-${id}`}>{label}</label>
      <select id={`f-${id}`} name={id} defaultValue={value === undefined ? "" : String(value)}>
        <option value="">{t("common.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function ReviewList() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const f = data.filters;
  return (
    <>
      <h1>{t("admin.applications.title")}</h1>
      <Form method="get" className="filters card" role="search" aria-label={t("admin.applications.filters")}>
        <div className="field">
          <label htmlFor="f-q">{t("admin.applications.searchName")}</label>
          <input id="f-q" name="q" type="search" defaultValue={f.q ?? ""} aria-describedby="f-q-hint" />
          <p id="f-q-hint" className="hint">
            {t("admin.applications.searchHint")}
          </p>
        </div>
        <Filter id="edition" label={t("common.edition")} value={f.edition} options={data.editions.map((e) => ({ value: String(e.id), label: e.name }))} />
        <Filter id="country" label={t("common.country")} value={f.country} options={data.countries.map((c) => ({ value: c.code, label: c.name }))} />
        <Filter id="status" label={t("common.status")} value={f.status} options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
        <Filter id="gender" label={t("admin.applications.gender")} value={f.gender} options={GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) }))} />
        <Filter id="theme" label={t("admin.applications.theme")} value={f.theme} options={THEMES.map((th) => ({ value: th, label: t(`themes.${th}`) }))} />
        <div className="actions">
          <button type="submit">{t("common.filter")}</button>
          <Link to="/admin/applications">{t("common.clear")}</Link>
        </div>
      </Form>
      <p role="status">{t("common.results", { count: data.total })}</p>
      {data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("admin.applications.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("common.name")}</th>
                <th scope="col">{t("common.country")}</th>
                <th scope="col">{t("common.edition")}</th>
                <th scope="col">{t("common.status")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((a) => (
                <tr key={a.id}>
                  <td className="wrap-anywhere">
                    <Link to={`/admin/applications/${a.id}`}>{a.name || t("admin.applications.unnamed")}</Link>
                    {a.latin && a.latin !== a.name ? <div className="muted">{a.latin}</div> : null}
                  </td>
                  <td>{a.countryName}</td>
                  <td className="wrap-anywhere">{a.editionName}</td>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data.pageCount > 1 ? (
        <nav aria-label={t("admin.applications.pages")} className="actions">
          {data.page > 1 ? (
            <Link to={pageHref(f, data.page - 1)} rel="prev">
              {t("admin.applications.prev")}
            </Link>
          ) : null}
          <span>{t("admin.applications.pageOf", { page: data.page, count: data.pageCount })}</span>
          {data.page < data.pageCount ? (
            <Link to={pageHref(f, data.page + 1)} rel="next">
              {t("admin.applications.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
