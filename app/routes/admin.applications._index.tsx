// Organizer: every application, filtered (edition, country, status, gender, theme) with a GET form
// that works without JavaScript, searched by name ignoring case and diacritics, sorted by any
// column (links in the column headers, so without JavaScript too), 50 a page; and one decision
// (accept, waitlist, reject with one reason) on the rows ticked, reported row by row (issue 15, item 6).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/review/StatusBadge";
import { FilterSelect } from "~/components/FilterSelect";
import { memberCountries } from "~/domain/country-names";
import { GENDERS, THEMES } from "~/domain/vocabulary";
import { ErrorList, useErrorText } from "~/components/form";
import { formatDate } from "~/domain/dates";
import { bulkDecisionSchema, parseReviewFilters, type ReviewFilters, type ReviewSort } from "~/forms/review";
import { bulkDecide, type BulkOutcome } from "~/models/applications/bulk-review.server";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { listEditions } from "~/models/editions.server";
import { listApplicationsForReview } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { guard, readForm } from "~/utils/http.server";
import { APPLICATION_STATUSES } from "../../db/schema/programme";
import { shownName } from "~/domain/local-text";
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
      items: result.items.map((a) => ({ ...a, submittedOn: a.submittedAt ? formatDate(a.submittedAt.slice(0, 10), lng) : "" })),
      editions: listEditions().map((e) => ({ id: e.id, ...shownName(e, lng) })),
      countries: memberCountries(lng),
    });
  });
}

type BulkReply = { errors: Record<string, string[]>; ids: number[]; intent: string; reason: string; results: BulkOutcome[] | null };

/**
 * The bulk decision on the ticked rows. Each row goes through the single-application use case
 * (bulkDecide → decide): refused rows are listed with why, the others proceed. No row ticked, or
 * no decision: 400 with the error, nothing written. Reject without a reason: every row is refused
 * by the use case (nothing written) and the reason field shows the error, with 400.
 */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(async () => {
    requireOrganizer(actor);
    const raw = {
      ids: form.getAll("ids").map(String),
      intent: String(form.get("intent") ?? ""),
      reason: String(form.get("reason") ?? "").trim() || undefined,
    };
    const reply = (status: number, r: Partial<BulkReply>) =>
      json<BulkReply>(
        { errors: {}, ids: raw.ids.map(Number).filter(Number.isInteger), intent: raw.intent, reason: raw.reason ?? "", results: null, ...r },
        { status },
      );
    const parsed = bulkDecisionSchema.safeParse(raw);
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        const message = issue.message.includes(".") ? issue.message : key === "intent" ? "errors.required" : "errors.invalid";
        (errors[key] ??= []).push(message);
      }
      return reply(400, { errors });
    }
    const results = await bulkDecide(actor, parsed.data.ids, parsed.data.intent, parsed.data.reason);
    const reasonMissing = results.some((r) => !r.ok && r.error === "apply.errors.reasonRequired");
    return reply(reasonMissing ? 400 : 200, { results, errors: reasonMissing ? { reason: ["apply.errors.reasonRequired"] } : {} });
  });
}

function pageHref(filters: ReviewFilters, page: number, change: Partial<ReviewFilters> = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...change })) if (v !== undefined && v !== "" && k !== "page") p.set(k, String(v));
  p.set("page", String(page));
  return `?${p.toString()}`;
}

/** A column header that sorts by its column: ascending first, then the other way. */
function SortHeader({ filters, col, label }: { filters: ReviewFilters; col: ReviewSort; label: string }) {
  const active = filters.sort === col;
  const dir = active && filters.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={pageHref(filters, 1, { sort: col, dir })}>
        {label}
        {active ? <span aria-hidden="true">{filters.dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

function BulkResults({ results }: { results: BulkOutcome[] }) {
  const { t } = useTranslation();
  const tr = useErrorText();
  const done = results.filter((r) => r.ok).length;
  const label = (r: BulkOutcome) => `${r.name || t("admin.applications.unnamed")} (#${r.id})`;
  return (
    <section className="card" role="status" aria-labelledby="bulk-results">
      <h2 id="bulk-results">{t("review.bulk.results")}</h2>
      <p>{t("review.bulk.summary", { done, refused: results.length - done })}</p>
      <ul>
        {results.map((r) => (
          <li key={r.id} className={r.ok ? "bulk-ok" : "bulk-refused"}>
            {r.ok
              ? t("review.bulk.done", { name: label(r), status: t(`statuses.${r.to}`) })
              : t("review.bulk.refused", { name: label(r), reason: tr(r.error) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function ReviewList() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const bulk = useActionData<typeof action>();
  const location = useLocation();
  const f = data.filters;
  // After a refused submission (400) the same rows stay ticked, as typed values are kept.
  const ticked = new Set(bulk && Object.keys(bulk.errors).length ? bulk.ids : []);
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
        <FilterSelect
          name="edition"
          label={t("common.edition")}
          value={f.edition}
          options={data.editions.map((e) => ({ value: String(e.id), label: e.name, lang: e.lang }))}
        />
        <FilterSelect name="country" label={t("common.country")} value={f.country} options={data.countries.map((c) => ({ value: c.code, label: c.name }))} />
        <FilterSelect
          name="status"
          label={t("common.status")}
          value={f.status}
          options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
        <FilterSelect
          name="gender"
          label={t("admin.applications.gender")}
          value={f.gender}
          options={GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) }))}
        />
        <FilterSelect
          name="theme"
          label={t("admin.applications.theme")}
          value={f.theme}
          options={THEMES.map((th) => ({ value: th, label: t(`themes.${th}`) }))}
        />
        {/* Filtering keeps the chosen order. */}
        {f.sort !== "name" || f.dir !== "asc" ? (
          <>
            <input type="hidden" name="sort" value={f.sort} />
            <input type="hidden" name="dir" value={f.dir} />
          </>
        ) : null}
        <div className="actions">
          <button type="submit">{t("common.filter")}</button>
          <Link to="/admin/applications">{t("common.clear")}</Link>
        </div>
      </Form>
      <p role="status">{t("common.results", { count: data.total })}</p>
      {bulk?.results ? <BulkResults results={bulk.results} /> : null}
      {data.items.length > 0 ? (
        <Form method="post" action={`/admin/applications${location.search}`} aria-label={t("review.bulk.legend")}>
          <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("admin.applications.title")}>
            <table>
              <caption className="visually-hidden">{t("admin.applications.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t("review.bulk.selectCol")}</span>
                  </th>
                  <SortHeader filters={f} col="name" label={t("common.name")} />
                  <SortHeader filters={f} col="country" label={t("common.country")} />
                  <SortHeader filters={f} col="edition" label={t("common.edition")} />
                  <SortHeader filters={f} col="status" label={t("common.status")} />
                  <SortHeader filters={f} col="submitted" label={t("review.submitted")} />
                </tr>
              </thead>
              <tbody>
                {data.items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <input
                        type="checkbox"
                        name="ids"
                        value={a.id}
                        defaultChecked={ticked.has(a.id)}
                        aria-label={t("review.bulk.select", { name: a.name || `#${a.id}` })}
                      />
                    </td>
                    <td className="wrap-anywhere">
                      <Link to={`/admin/applications/${a.id}`}>{a.name || t("admin.applications.unnamed")}</Link>
                      {a.latin && a.latin !== a.name ? <div className="muted">{a.latin}</div> : null}
                    </td>
                    <td>{a.countryName}</td>
                    <td className="wrap-anywhere" lang={a.editionLang}>
                      {a.editionName}
                    </td>
                    <td>
                      <StatusBadge status={a.status} />
                    </td>
                    <td>{a.submittedOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <fieldset className="card">
            <legend>{t("review.bulk.legend")}</legend>
            <ErrorList id="bulk-ids-error" errors={bulk?.errors.ids} />
            <div className="field">
              <label htmlFor="bulk-intent">{t("review.bulk.decision")}</label>
              <select
                id="bulk-intent"
                name="intent"
                defaultValue={bulk?.intent ?? ""}
                aria-invalid={bulk?.errors.intent ? true : undefined}
                aria-describedby={bulk?.errors.intent ? "bulk-intent-error" : undefined}
              >
                <option value="">{t("review.bulk.choose")}</option>
                <option value="accept">{t("admin.decide.accept")}</option>
                <option value="waitlist">{t("admin.decide.waitlist")}</option>
                <option value="reject">{t("admin.decide.reject")}</option>
              </select>
              <ErrorList id="bulk-intent-error" errors={bulk?.errors.intent} />
            </div>
            <div className="field">
              <label htmlFor="bulk-reason">{t("admin.decide.reason")}</label>
              <textarea
                id="bulk-reason"
                name="reason"
                rows={2}
                defaultValue={bulk?.reason ?? ""}
                aria-invalid={bulk?.errors.reason ? true : undefined}
                aria-describedby={`bulk-reason-hint${bulk?.errors.reason ? " bulk-reason-error" : ""}`}
              />
              <p id="bulk-reason-hint" className="hint">
                {t("admin.decide.reasonHint")} {t("review.bulk.mailNote")}
              </p>
              <ErrorList id="bulk-reason-error" errors={bulk?.errors.reason} />
            </div>
            <div className="actions">
              <button type="submit">{t("review.bulk.apply")}</button>
            </div>
          </fieldset>
        </Form>
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
