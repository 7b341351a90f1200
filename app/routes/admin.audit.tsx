// Organizer: the programme's audit log (issue 15, item 7): every audited event, newest first,
// filtered with a GET form that works without JavaScript (person, record, action, UTC dates),
// 50 a page, and the same rows as CSV. Bad filter input answers 400 with the errors next to the
// fields and the typed values kept. Anyone but an organizer gets 404 (admin.tsx and the model).
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/form";
import { FilterSelect } from "~/components/FilterSelect";
import { AUDIT_PERSON_ROLES, auditQuery, parseAuditFilters, type AuditFilterValues } from "~/forms/audit";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { auditFilterOptions, listAuditEvents } from "~/models/audit/log.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("audit.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    const parsed = parseAuditFilters(new URL(request.url).searchParams);
    const options = auditFilterOptions(actor);
    if (!parsed.ok) {
      // Nothing is listed for a filter that cannot be read: the errors say why.
      return json(
        {
          values: parsed.values,
          errors: parsed.errors,
          query: "",
          pageLinks: null,
          ...options,
          items: [] as ReturnType<typeof listAuditEvents>["items"],
          total: 0,
          page: 1,
          pageCount: 1,
        },
        { status: 400 },
      );
    }
    const result = listAuditEvents(actor, parsed.filters, lng);
    const pageLinks = {
      prev: result.page > 1 ? auditQuery(parsed.filters, result.page - 1) : null,
      next: result.page < result.pageCount ? auditQuery(parsed.filters, result.page + 1) : null,
    };
    return json({
      values: parsed.values,
      errors: {} as Partial<Record<keyof AuditFilterValues, string[]>>,
      query: auditQuery(parsed.filters),
      pageLinks,
      ...options,
      ...result,
    });
  });
}

function TextFilter({
  name,
  label,
  type = "text",
  values,
  errors,
  hint,
}: {
  name: keyof AuditFilterValues;
  label: string;
  type?: string;
  values: AuditFilterValues;
  errors: Partial<Record<string, string[]>>;
  hint?: string;
}) {
  const invalid = !!errors[name]?.length;
  const describedBy = [hint ? `f-${name}-hint` : "", invalid ? `f-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <input
        id={`f-${name}`}
        name={name}
        // A date the browser cannot hold is shown as typed, in a text box, next to its error.
        type={type === "date" && invalid ? "text" : type}
        defaultValue={values[name]}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        inputMode={name === "record" ? "numeric" : undefined}
        placeholder={type === "date" ? "YYYY-MM-DD" : undefined}
        key={invalid ? "invalid" : "valid"}
      />
      {hint ? (
        <p id={`f-${name}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={`f-${name}-error`} errors={errors[name]} />
    </div>
  );
}

export default function AuditLog() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const v = data.values;
  const errors = data.errors as Partial<Record<string, string[]>>;
  const typeName = (c: string) => t(`audit.types.${c}`, { defaultValue: c });
  const actionName = (c: string) => t(`audit.actions.${c}`, { defaultValue: c });
  const sortByLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  const pageLinks = data.pageLinks;
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      <Form method="get" className="filters card" role="search" aria-label={t("audit.filters")}>
        <TextFilter name="person" label={t("audit.filter.person")} type="search" values={v} errors={errors} hint={t("audit.filter.personHint")} />
        <div className="field">
          <label htmlFor="f-as">{t("audit.filter.as")}</label>
          <select id="f-as" name="as" defaultValue={v.as}>
            {AUDIT_PERSON_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`audit.filter.as_${r}`)}
              </option>
            ))}
          </select>
        </div>
        <FilterSelect
          name="type"
          label={t("audit.col.recordType")}
          value={v.type}
          options={data.types.map((c) => ({ value: c, label: typeName(c) })).sort(sortByLabel)}
        />
        <TextFilter name="record" label={t("audit.col.recordId")} values={v} errors={errors} />
        <FilterSelect
          name="action"
          label={t("audit.col.action")}
          value={v.action}
          options={data.actions.map((c) => ({ value: c, label: actionName(c) })).sort(sortByLabel)}
        />
        <TextFilter name="from" label={t("audit.filter.from")} type="date" values={v} errors={errors} />
        <TextFilter name="to" label={t("audit.filter.to")} type="date" values={v} errors={errors} />
        <div className="actions">
          <button type="submit">{t("common.filter")}</button>
          <Link to="/admin/audit">{t("common.clear")}</Link>
        </div>
      </Form>
      <p role="status">{t("common.results", { count: data.total })}</p>
      {data.total > 0 ? (
        <p>
          <a href={`/admin/audit.csv${data.query}`} download>
            {t("audit.csv")}
          </a>
        </p>
      ) : null}
      {data.items.length > 0 ? (
        <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("audit.title")}>
          <table>
            <caption className="visually-hidden">{t("audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.col.at")}</th>
                <th scope="col">{t("audit.col.actor")}</th>
                <th scope="col">{t("audit.col.action")}</th>
                <th scope="col">{t("audit.col.record")}</th>
                <th scope="col">{t("audit.col.subject")}</th>
                <th scope="col">{t("audit.col.change")}</th>
                <th scope="col">{t("common.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at.replace(" ", "T") + "Z"}>{e.at}</time>
                  </td>
                  <td>{e.actor ?? t("audit.system")}</td>
                  <td>{actionName(e.action)}</td>
                  <td>
                    {typeName(e.type)} {e.recordHref ? <Link to={e.recordHref}>#{e.record}</Link> : <span>#{e.record}</span>}
                  </td>
                  <td>{e.subject ?? ""}</td>
                  <td>
                    {e.change.from || e.change.to ? `${e.change.from ?? "–"} → ${e.change.to ?? "–"}` : ""}
                    {e.change.fields ? <div>{t("audit.changedFields", { fields: e.change.fields })}</div> : null}
                  </td>
                  <td>{e.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pageLinks && data.pageCount > 1 ? (
        <nav aria-label={t("admin.applications.pages")} className="actions">
          {pageLinks.prev !== null ? (
            <Link to={pageLinks.prev} rel="prev">
              {t("admin.applications.prev")}
            </Link>
          ) : null}
          <span>{t("admin.applications.pageOf", { page: data.page, count: data.pageCount })}</span>
          {pageLinks.next !== null ? (
            <Link to={pageLinks.next} rel="next">
              {t("admin.applications.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
