/**
 * The pilot strand on the organizer dashboard (issue 16, item 5; data from
 * app/models/pilots/strand.server.ts): projects by status stacked by component (the dashboard's
 * server-drawn bar chart with its table), milestones late, budget use per currency with the
 * dollar conversion and its rate date, and the projects owing indicator values. Every figure
 * links to the pilot overview filtered to it, or to the project.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { countryName } from "~/domain/country-names";
import { formatPercent } from "~/domain/format";
import { formatDate } from "~/domain/dates";
import { BarChart, ChartWithTable } from "~/components/dashboard/BarChart";
import type { PilotStrandData } from "~/models/pilots/strand.server";
import { LinkList } from "~/components/LinkList";
import { Money } from "./Money";

export function PilotStrand({ data }: { data: PilotStrandData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const usd = (cents: number | null) => (cents === null ? "–" : new Intl.NumberFormat(lng, { style: "currency", currency: "USD" }).format(cents / 100));
  const components = data.byComponent.map((c) => ({ key: c.component, label: t(`pilots.component.${c.component}`) }));
  return (
    <>
      <h2 id="pilot-strand">{t("pilots.strand.title")}</h2>
      <ul className="kpis" aria-label={t("pilots.strand.headline")}>
        <li>
          {t("pilots.strand.villages")}
          <strong>
            <Link to="/pilots">{data.villages}</Link>
          </strong>
        </li>
        <li>
          {t("pilots.strand.projects")}
          <strong>{data.projects}</strong>
        </li>
        <li>
          {t("pilots.overview.late")}
          <strong>{data.lateMilestones}</strong>
        </li>
        <li>
          {t("pilots.strand.valuesDue")}
          <strong>{data.due.length}</strong>
        </li>
      </ul>

      <ChartWithTable
        id="pilot-status"
        title={t("pilots.strand.byStatus")}
        chart={
          <BarChart
            title={t("pilots.strand.byStatus")}
            legend={components}
            bars={data.byStatus.map((s) => ({
              label: t(`pilots.status.${s.status}`),
              segments: s.byComponent
                .filter((c) => c.count > 0)
                .map((c) => ({ key: c.component, label: t(`pilots.component.${c.component}`), value: c.count })),
            }))}
          />
        }
      >
        <table>
          <caption className="visually-hidden">{t("pilots.strand.byStatus")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("common.status")}</th>
              <th scope="col" className="num">
                {t("pilots.strand.villages")}
              </th>
              <th scope="col" className="num">
                {t("pilots.strand.projects")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.byStatus.map((s) => (
              <tr key={s.status}>
                <th scope="row">
                  <Link to={`/pilots?status=${s.status}`}>{t(`pilots.status.${s.status}`)}</Link>
                </th>
                <td className="num">{s.villages}</td>
                <td className="num">{s.projects}</td>
              </tr>
            ))}
          </tbody>
          <tbody>
            {data.byComponent.map((c) => (
              <tr key={c.component}>
                <th scope="row">
                  <Link to={`/pilots?component=${c.component}`}>{t(`pilots.component.${c.component}`)}</Link>
                </th>
                <td className="num">{c.villages}</td>
                <td className="num">{c.projects}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartWithTable>

      <section className="card dash-section" aria-labelledby="pilot-budget">
        <h2 id="pilot-budget">{t("pilots.strand.budget")}</h2>
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="pilot-budget">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("pilots.strand.currency")}</th>
                <th scope="col" className="num">
                  {t("pilots.budget.planned")}
                </th>
                <th scope="col" className="num">
                  {t("pilots.budget.actual")}
                </th>
                <th scope="col" className="num">
                  {t("pilots.budget.used")}
                </th>
                <th scope="col">{t("pilots.strand.rate")}</th>
                <th scope="col" className="num">
                  {t("pilots.strand.plannedUsd")}
                </th>
                <th scope="col" className="num">
                  {t("pilots.strand.actualUsd")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.budget.map((b) => (
                <tr key={b.currency}>
                  <th scope="row">
                    {b.currency}
                    <div className="muted">
                      {b.countries.map((c, i) => (
                        <span key={c}>
                          {i ? ", " : ""}
                          <Link to={`/pilots?country=${c}`}>{countryName(c, lng)}</Link>
                        </span>
                      ))}
                    </div>
                  </th>
                  <td className="num">
                    <Money minor={b.plannedMinor} currency={b.currency} />
                  </td>
                  <td className="num">
                    <Money minor={b.actualMinor} currency={b.currency} />
                  </td>
                  <td className="num">{b.used === null ? "–" : formatPercent(b.used * 100, lng)}</td>
                  <td>
                    {b.rate
                      ? t("pilots.strand.rateOn", { rate: b.rate.rate, currency: b.currency, date: formatDate(b.rate.rateOn, lng) })
                      : t("pilots.strand.noRate")}
                  </td>
                  <td className="num">{usd(b.plannedUsdCents)}</td>
                  <td className="num">{usd(b.actualUsdCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={5}>
                  {t("pilots.strand.totalUsd")}
                  {data.usdTotal.unconverted.length ? (
                    <div className="muted">{t("pilots.strand.unconverted", { currencies: data.usdTotal.unconverted.join(", ") })}</div>
                  ) : null}
                </th>
                <td className="num">{usd(data.usdTotal.plannedCents)}</td>
                <td className="num">{usd(data.usdTotal.actualCents)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <div className="grid grid-2 align-start">
        <section className="card" aria-labelledby="pilot-late">
          <h2 id="pilot-late">{t("pilots.strand.lateTitle")}</h2>
          {data.late.length ? (
            <LinkList
              items={data.late.map((p) => ({
                key: p.id,
                to: `/pilots/projects/${p.id}`,
                label: p.title,
                after: (
                  <>
                    {" "}
                    · {p.village}, {countryName(p.countryCode, lng)} · {t("pilots.strand.lateCount", { n: p.late })}
                  </>
                ),
              }))}
            />
          ) : (
            <p className="muted">{t("pilots.strand.noneLate")}</p>
          )}
        </section>
        <section className="card" aria-labelledby="pilot-due">
          <h2 id="pilot-due">{t("pilots.strand.dueTitle")}</h2>
          <p className="muted">{t("pilots.strand.dueLead")}</p>
          {data.due.length ? (
            <LinkList
              items={data.due.map((p) => ({
                key: p.id,
                to: `/pilots/projects/${p.id}`,
                label: p.title,
                after: (
                  <>
                    {" "}
                    · {p.village}, {countryName(p.countryCode, lng)} · {p.stages.map((s) => t(`pilots.strand.due.${s}`)).join(", ")}
                  </>
                ),
              }))}
            />
          ) : (
            <p className="muted">{t("pilots.strand.noneDue")}</p>
          )}
        </section>
      </div>
    </>
  );
}
