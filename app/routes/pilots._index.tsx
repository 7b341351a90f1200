// The pilot overview (issue 16): every pilot village the reader may see (organizers all, a focal
// point their country, a local lead or proposer their own) with its projects, filtered by
// country, component and status, with milestones late and budget use, and the map of the same
// villages with host sites and participants' counts (drawn on the server with its tables,
// app/models/pilots/map.server.ts). Organizers also see the action plans not yet proposed.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/AdminNav";
import { LinkList } from "~/components/LinkList";
import { componentLabel, PilotStatusBadge } from "~/components/pilots/bits";
import { Money } from "~/components/pilots/Money";
import { formatDate } from "~/domain/dates";
import { pilotOptions } from "~/components/pilots/options";
import { countryName, isMemberCountry, memberCountries } from "~/domain/country-names";
import { formatPercent } from "~/domain/format";
import { remixI18n } from "~/i18n.server";
import { renderPilotMap } from "~/components/pilots/PilotMap.server";
import { listPilots, listProposableItems, pilotMap } from "~/models/pilots.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pickField } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";
import { PILOT_COMPONENTS, PILOT_STATUSES, type PilotComponent, type PilotStatus } from "~/domain/pilots/vocabulary";

export const handle = pageTitle("pilots.overview.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const url = new URL(request.url);
  const country = url.searchParams.get("country");
  const component = url.searchParams.get("component");
  const status = url.searchParams.get("status");
  return guard(() => {
    const filters = {
      country: country && isMemberCountry(country) ? country : null,
      component: component && (PILOT_COMPONENTS as readonly string[]).includes(component) ? (component as PilotComponent) : null,
      status: status && (PILOT_STATUSES as readonly string[]).includes(status) ? (status as PilotStatus) : null,
    };
    const rows = listPilots(actor, filters).map((r) => ({ ...r, country: countryName(r.village.countryCode, lng) }));
    return json({
      rows,
      filters: { country: filters.country ?? "", component: filters.component ?? "", status: filters.status ?? "" },
      countries: memberCountries(lng),
      mapHtml: renderPilotMap(pilotMap(actor, filters), lng),
      isOrganizer: actor.isOrganizer,
      proposable: actor.isOrganizer
        ? listProposableItems(actor).map((i) => ({
            id: i.id,
            action: i.action,
            authorName: i.authorName,
            ...(({ text, lang }) => ({ editionName: text, editionLang: lang }))(pickField(i.editionName, i.editionTranslations, "name", lng)),
            country: i.country ? countryName(i.country, lng) : "",
          }))
        : [],
    });
  });
}

export default function PilotOverview() {
  const { rows, filters, countries, mapHtml, isOrganizer, proposable } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const o = pilotOptions(t);
  const projectCount = rows.reduce((n, r) => n + r.projects.length, 0);
  const [params] = useSearchParams();
  // Ex post measures due within a month or overdue (app/domain/pilots/expost.ts), over every project shown.
  const expostDue = rows.flatMap(({ projects, village }) =>
    projects.flatMap((p) =>
      (p.expost?.measures ?? []).filter((m) => m.state === "due" || m.state === "overdue").map((m) => ({ p, m, village: village.nameLatin || village.name })),
    ),
  );
  return (
    <>
      {/* The organizer's menu links here: it stays in view, as on every /admin page (new-user findings). */}
      {isOrganizer ? <AdminNav /> : null}
      <h1>{t("pilots.overview.title")}</h1>
      <p>{t("pilots.overview.lead")}</p>
      {params.get("saved") ? (
        <p className="alert alert-ok" role="status">
          {t("common.saved")}
        </p>
      ) : null}
      <Form method="get" className="filters card" role="search" aria-label={t("pilots.overview.filters")}>
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
          <label htmlFor="f-component">{t("pilots.project.component")}</label>
          <select id="f-component" name="component" defaultValue={filters.component}>
            <option value="">{t("common.all")}</option>
            {o.components.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t("common.status")}</label>
          <select id="f-status" name="status" defaultValue={filters.status}>
            <option value="">{t("common.all")}</option>
            {o.statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit">{t("common.filter")}</button>
          <Link to="/pilots">{t("common.clear")}</Link>
        </div>
      </Form>
      {isOrganizer ? (
        <div className="actions">
          <Link className="btn btn-secondary" to="/pilots/villages/new">
            {t("pilots.village.newTitle")}
          </Link>
          <Link className="btn btn-secondary" to="/pilots/projects/new">
            {t("pilots.project.newTitle")}
          </Link>
        </div>
      ) : null}
      <p>
        <span role="status">{t("pilots.overview.count", { count: projectCount })}</span> ·{" "}
        <a href={`/pilots.csv?${params.toString()}`} download>
          {t("pilots.overview.csv")}
        </a>
      </p>
      {/* Server-drawn SVG and tables (renderPilotMap): markup only, no script. */}
      <div dangerouslySetInnerHTML={{ __html: mapHtml }} />
      {expostDue.length ? (
        <section className="card" aria-labelledby="expost-due-h">
          <h2 id="expost-due-h">{t("pilots.expost.dueTitle")}</h2>
          <LinkList
            className="stack"
            items={expostDue.map(({ p, m, village }) => ({
              key: `${p.id}-${m.months}`,
              to: `/pilots/projects/${p.id}#expost-h`,
              label: p.title,
              after: (
                <>
                  {" "}
                  ({village}) · {t("pilots.expost.measure", { months: m.months })}: {t("pilots.expost.dueOn", { date: formatDate(m.dueOn, lng) })}{" "}
                  <span className={`badge badge-${m.state === "overdue" ? "rejected" : "waitlisted"}`}>{t(`pilots.expost.state.${m.state}`)}</span>
                </>
              ),
            }))}
          />
        </section>
      ) : null}
      {rows.length ? (
        rows.map(({ village: v, projects, country }) => (
          <section key={v.id} className="card" aria-labelledby={`v-${v.id}`}>
            <h2 id={`v-${v.id}`}>
              {v.name}
              {v.nameLatin && v.nameLatin !== v.name ? <span className="muted"> ({v.nameLatin})</span> : null}
            </h2>
            <p>
              {[v.district, v.province, country].filter(Boolean).join(", ")}
              {v.latitude && v.longitude ? <> · {t("pilots.village.coordinates", { lat: v.latitude, lon: v.longitude })}</> : null}
              {v.households ? <> · {t("pilots.village.householdsCount", { count: v.households })}</> : null}
              {isOrganizer ? (
                <>
                  {" "}
                  ·{" "}
                  <Link to={`/pilots/villages/${v.id}/edit`}>
                    {t("common.edit")}
                    <span className="visually-hidden">: {v.nameLatin || v.name}</span>
                  </Link>
                </>
              ) : null}
            </p>
            {projects.length ? (
              <div
                className="table-wrap"
                data-scroll-hint={t("common.scrollHint")}
                tabIndex={0}
                role="region"
                aria-label={t("pilots.overview.projectsOf", { village: v.nameLatin || v.name })}
              >
                <table>
                  <caption className="visually-hidden">{t("pilots.overview.projectsOf", { village: v.nameLatin || v.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("pilots.project.title")}</th>
                      <th scope="col">{t("pilots.project.component")}</th>
                      <th scope="col">{t("common.status")}</th>
                      <th scope="col" className="num">
                        {t("pilots.overview.milestones")}
                      </th>
                      <th scope="col" className="num">
                        {t("pilots.overview.late")}
                      </th>
                      <th scope="col" className="num">
                        {t("pilots.budget.planned")}
                      </th>
                      <th scope="col" className="num">
                        {t("pilots.budget.actual")}
                      </th>
                      <th scope="col" className="num">
                        {t("pilots.budget.used")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {projects.map((p) => (
                      <tr key={p.id}>
                        <td>
                          <Link to={`/pilots/projects/${p.id}`}>{p.title}</Link>
                        </td>
                        <td>{componentLabel(t, p.component, p.componentOther)}</td>
                        <td>
                          <PilotStatusBadge status={p.status} />
                        </td>
                        <td className="num">{t("pilots.overview.doneOf", { done: p.milestones.done, total: p.milestones.total })}</td>
                        <td className="num">{p.milestones.late ? <strong>{p.milestones.late}</strong> : 0}</td>
                        <td className="num">
                          <Money minor={p.plannedMinor} currency={p.currency} />
                        </td>
                        <td className="num">
                          <Money minor={p.actualMinor} currency={p.currency} />
                        </td>
                        <td className="num">{p.used === null ? "–" : formatPercent(p.used * 100, lng)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="muted">{t("pilots.overview.noProjects")}</p>
            )}
            {isOrganizer ? (
              <p>
                <Link to={`/pilots/projects/new?village=${v.id}`}>
                  {t("pilots.overview.addProject")}
                  <span className="visually-hidden">: {v.nameLatin || v.name}</span>
                </Link>
              </p>
            ) : null}
          </section>
        ))
      ) : (
        <p className="muted">{t("common.noneYet")}</p>
      )}
      {isOrganizer ? (
        <section className="card" aria-labelledby="proposable-h">
          <h2 id="proposable-h">{t("pilots.overview.proposableTitle")}</h2>
          <p>{t("pilots.overview.proposableLead")}</p>
          {proposable.length ? (
            // Folded (works without JavaScript): the list can be long and the villages come first.
            <details>
              <summary>{t("pilots.overview.showProposable", { n: proposable.length })}</summary>
              <ul className="stack">
                {proposable.map((i) => (
                  <li key={i.id}>
                    <strong>{i.action}</strong> · {i.authorName}
                    {i.country ? `, ${i.country}` : ""} · <span lang={i.editionLang}>{i.editionName}</span> ·{" "}
                    <Link to={`/pilots/projects/new?fromAction=${i.id}`}>
                      {t("pilots.overview.proposeThis")}
                      <span className="visually-hidden">: {i.action}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            <p className="muted">{t("common.noneYet")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
