/**
 * The participation dashboard's page body, shared by the per-edition and the across-editions
 * routes: a GET filter form (works without JavaScript), headline figures, and for each figure a
 * server-rendered SVG chart with a table of the same numbers beside it, plus the CSV exports with
 * the same filters.
 */
import { Form, Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatPercent, formatPercentRange, formatNumber } from "~/domain/format";
import { LinkList } from "../LinkList";
import { BarChart, ChartWithTable } from "./BarChart";

/** A filter choice; `lang` marks organizer-written labels (issue 11). */
type Option = { value: string; label: string; lang?: string };
export type DashboardViewData = {
  dashboard: {
    participants: number;
    attendance: { expected: number; attended: number; rate: number | null };
    completion: { completed: number; total: number; pct: number | null };
    balance: { countries: number; women: number; men: number; womenPct: number | null; villageHeads: number; villageHeadPct: number | null };
    funnel: { status: string; count: number }[];
    byCountry: {
      country: string;
      countryName: string;
      participants: number;
      female: number;
      male: number;
      other: number;
      expected: number;
      attended: number;
      rate: number | null;
      completed: number;
    }[];
    byGender: { gender: string; count: number }[];
    byPosition: { kind: string; count: number }[];
    buckets: { bucket: number; count: number }[];
    byEdition: {
      editionId: number;
      editionName: string;
      editionLang?: string;
      participants: number;
      female: number;
      male: number;
      heads: number;
      completed: number;
      rate: number | null;
    }[];
    sessions: {
      id: number;
      title: string;
      titleLang?: string;
      localStart: string;
      expected: number;
      present: number;
      late: number;
      absent: number;
      excused: number;
      unrecorded: number;
      rate: number | null;
    }[];
    visits: {
      id: number;
      label: string;
      /** Language of the visit's title in `label` (absent when the label is the site's name). */
      labelLang?: string;
      capacity: number;
      accepted: number;
      offered: number;
      day_rate: number | null;
      day_attended: number;
      day_expected: number;
      training_rate: number | null;
    }[];
    lowest: { id: number; name: string; latin: string; countryName: string; expected: number; attended: number; rate: number | null; completed: boolean }[];
  };
  filters: { edition?: number; country?: string; gender?: string; visit?: number; threshold: number };
  options: { editions: Option[]; countries: Option[]; visits: Option[] };
  exportQuery: string;
  fixedEdition: boolean;
};

/** A participant bucket's label: under 20 %, 20–39 %, 40–59 %, 60–79 %, 80 % and more, no sessions (dashboard.server.ts). */
function bucketLabel(t: TFunction, bucket: number, lng: string): string {
  if (bucket === 0) return t("tracking.dashboard.bucket0", { pct: formatPercent(20, lng) });
  if (bucket >= 1 && bucket <= 3) return formatPercentRange(bucket * 20, bucket * 20 + 19, lng);
  if (bucket === 4) return t("tracking.dashboard.bucket4", { pct: formatPercent(80, lng) });
  return t("tracking.dashboard.bucket5");
}

export function DashboardView({ data }: { data: DashboardViewData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const pct = (x: number | null) => formatPercent(x, lng);
  const d = data.dashboard;
  const f = data.filters;
  const genders = [
    { key: "female", label: t("genders.female") },
    { key: "male", label: t("genders.male") },
    { key: "other", label: t("tracking.dashboard.otherGender") },
  ];
  return (
    <>
      <Form method="get" className="card filters" aria-label={t("tracking.dashboard.filters")}>
        {data.fixedEdition ? null : (
          <div className="field">
            <label htmlFor="f-edition">{t("tracking.dashboard.edition")}</label>
            <select id="f-edition" name="edition" defaultValue={f.edition ?? ""}>
              <option value="">{t("tracking.dashboard.allEditions")}</option>
              {data.options.editions.map((o) => (
                <option key={o.value} value={o.value} lang={o.lang}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="f-country">{t("tracking.dashboard.country")}</label>
          <select id="f-country" name="country" defaultValue={f.country ?? ""}>
            <option value="">{t("tracking.dashboard.allCountries")}</option>
            {data.options.countries.map((o) => (
              <option key={o.value} value={o.value} lang={o.lang}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-gender">{t("tracking.dashboard.gender")}</label>
          <select id="f-gender" name="gender" defaultValue={f.gender ?? ""}>
            <option value="">{t("tracking.dashboard.allGenders")}</option>
            {["female", "male", "other", "undisclosed"].map((g) => (
              <option key={g} value={g}>
                {t(`genders.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-visit">{t("tracking.dashboard.visit")}</label>
          <select id="f-visit" name="visit" defaultValue={f.visit ?? ""}>
            <option value="">{t("tracking.dashboard.allVisits")}</option>
            {data.options.visits.map((o) => (
              <option key={o.value} value={o.value} lang={o.lang}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-threshold">{t("tracking.dashboard.threshold")}</label>
          <input id="f-threshold" name="threshold" type="number" min={1} max={100} defaultValue={f.threshold} inputMode="numeric" />
        </div>
        <div className="actions">
          <button type="submit">{t("tracking.dashboard.apply")}</button>
        </div>
      </Form>

      <ul className="kpis" aria-label={t("tracking.dashboard.headline")}>
        <li>
          {t("tracking.dashboard.participants")}
          <strong>{d.participants}</strong>
        </li>
        <li>
          {t("tracking.dashboard.attendanceRate")}
          <strong>{pct(d.attendance.rate)}</strong>
          <span className="muted">
            {d.attendance.attended} / {d.attendance.expected}
          </span>
        </li>
        <li>
          {t("tracking.dashboard.completed", { threshold: f.threshold })}
          <strong>{d.completion.completed}</strong>
          <span className="muted">{pct(d.completion.pct)}</span>
        </li>
        <li>
          {t("tracking.dashboard.women")}
          <strong>{pct(d.balance.womenPct)}</strong>
          <span className="muted">{t("tracking.dashboard.womenMen", { women: d.balance.women, men: d.balance.men })}</span>
        </li>
        <li>
          {t("tracking.dashboard.villageHeads")}
          <strong>{pct(d.balance.villageHeadPct)}</strong>
          <span className="muted">
            {d.balance.villageHeads} / {d.participants}
          </span>
        </li>
        <li>
          {t("tracking.dashboard.countries")}
          <strong>{d.balance.countries}</strong>
        </li>
      </ul>

      <section className="card" aria-labelledby="exports">
        <h2 id="exports">{t("tracking.dashboard.exports")}</h2>
        <p className="muted">{t("tracking.dashboard.exportsHint")}</p>
        <LinkList
          className="export-links"
          items={(["applications", "participants", "placements", "sessions", "attendance"] as const).map((k) => ({
            key: k,
            to: `/admin/exports/${k}.csv${data.exportQuery}`,
            label: t(`tracking.exports.${k}`),
            download: true,
          }))}
        />
      </section>

      {data.fixedEdition ? null : (
        <ChartWithTable
          id="by-edition"
          title={t("tracking.dashboard.byEdition")}
          chart={
            <BarChart
              title={t("tracking.dashboard.byEdition")}
              bars={d.byEdition.map((e) => ({ label: e.editionName, segments: [{ key: "n", label: "", value: e.participants }] }))}
            />
          }
        >
          <table>
            <caption className="visually-hidden">{t("tracking.dashboard.byEdition")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tracking.dashboard.edition")}</th>
                <th scope="col" className="num">
                  {t("tracking.dashboard.participants")}
                </th>
                <th scope="col" className="num">
                  {t("genders.female")}
                </th>
                <th scope="col" className="num">
                  {t("tracking.dashboard.villageHeads")}
                </th>
                <th scope="col" className="num">
                  {t("tracking.dashboard.attendanceRate")}
                </th>
                <th scope="col" className="num">
                  {t("tracking.dashboard.completedShort")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.byEdition.map((e) => (
                <tr key={e.editionId}>
                  <th scope="row">
                    <Link to={`/admin/editions/${e.editionId}/dashboard`} lang={e.editionLang}>
                      {e.editionName}
                    </Link>
                  </th>
                  <td className="num">{e.participants}</td>
                  <td className="num">{e.female}</td>
                  <td className="num">{e.heads}</td>
                  <td className="num">{pct(e.rate)}</td>
                  <td className="num">{e.completed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartWithTable>
      )}

      <ChartWithTable
        id="funnel"
        title={t("tracking.dashboard.funnel")}
        chart={
          <BarChart
            title={t("tracking.dashboard.funnel")}
            bars={d.funnel.map((s) => ({ label: t(`statuses.${s.status}`), segments: [{ key: "n", label: "", value: s.count }] }))}
          />
        }
      >
        <table>
          <caption className="visually-hidden">{t("tracking.dashboard.funnel")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tracking.dashboard.status")}</th>
              <th scope="col" className="num">
                {t("tracking.dashboard.applications")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.funnel.map((s) => (
              <tr key={s.status}>
                <th scope="row">{t(`statuses.${s.status}`)}</th>
                <td className="num">{formatNumber(s.count, lng, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartWithTable>

      <ChartWithTable
        id="by-country"
        title={t("tracking.dashboard.byCountry")}
        chart={
          <BarChart
            title={t("tracking.dashboard.byCountry")}
            legend={genders}
            bars={d.byCountry.map((c) => ({
              label: c.countryName,
              segments: [
                { key: "female", label: "", value: c.female },
                { key: "male", label: "", value: c.male },
                { key: "other", label: "", value: c.other },
              ],
            }))}
          />
        }
      >
        <table>
          <caption className="visually-hidden">{t("tracking.dashboard.byCountry")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tracking.dashboard.country")}</th>
              <th scope="col" className="num">
                {t("genders.female")}
              </th>
              <th scope="col" className="num">
                {t("genders.male")}
              </th>
              <th scope="col" className="num">
                {t("tracking.dashboard.otherGender")}
              </th>
              <th scope="col" className="num">
                {t("tracking.dashboard.total")}
              </th>
              <th scope="col" className="num">
                {t("tracking.dashboard.attendanceRate")}
              </th>
              <th scope="col" className="num">
                {t("tracking.dashboard.completedShort")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.byCountry.map((c) => (
              <tr key={c.country}>
                <th scope="row">{c.countryName}</th>
                <td className="num">{c.female}</td>
                <td className="num">{c.male}</td>
                <td className="num">{c.other}</td>
                <td className="num">{c.participants}</td>
                <td className="num">{pct(c.rate)}</td>
                <td className="num">{c.completed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartWithTable>

      <ChartWithTable
        id="by-position"
        title={t("tracking.dashboard.byPosition")}
        chart={
          <BarChart
            title={t("tracking.dashboard.byPosition")}
            bars={d.byPosition.map((p) => ({ label: t(`positions.${p.kind}`), segments: [{ key: "n", label: "", value: p.count }] }))}
          />
        }
      >
        <table>
          <caption className="visually-hidden">{t("tracking.dashboard.byPosition")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tracking.dashboard.position")}</th>
              <th scope="col" className="num">
                {t("tracking.dashboard.participants")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.byPosition.map((p) => (
              <tr key={p.kind}>
                <th scope="row">{t(`positions.${p.kind}`)}</th>
                <td className="num">{formatNumber(p.count, lng, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartWithTable>

      <ChartWithTable
        id="visits"
        title={t("tracking.dashboard.visits")}
        chart={
          <BarChart
            title={t("tracking.dashboard.seatsFilled")}
            bars={d.visits.map((v) => ({
              label: v.label,
              segments: [
                { key: "accepted", label: "", value: v.accepted },
                { key: "offered", label: "", value: v.offered },
              ],
              display: `${v.accepted + v.offered} / ${v.capacity}`,
            }))}
            max={Math.max(1, ...d.visits.map((v) => v.capacity))}
            legend={[
              { key: "accepted", label: t("tracking.dashboard.accepted") },
              { key: "offered", label: t("tracking.dashboard.offered") },
            ]}
          />
        }
      >
        {d.visits.length ? (
          <table>
            <caption className="visually-hidden">{t("tracking.dashboard.visits")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tracking.dashboard.visit")}</th>
                <th scope="col" className="num">
                  {t("tracking.dashboard.accepted")}
                </th>
                <th scope="col" className="num">
                  {t("tracking.dashboard.offered")}
                </th>
                <th scope="col" className="num">
                  {t("tracking.dashboard.capacity")}
                </th>
                <th scope="col" className="num">
                  {t("tracking.dashboard.dayRate")}
                </th>
                <th scope="col" className="num">
                  {t("tracking.dashboard.trainingRate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.visits.map((v) => (
                <tr key={v.id}>
                  <th scope="row" lang={v.labelLang}>
                    {v.label}
                  </th>
                  <td className="num">{v.accepted}</td>
                  <td className="num">{v.offered}</td>
                  <td className="num">{formatNumber(v.capacity, lng, 0)}</td>
                  <td className="num">
                    {pct(v.day_rate)}{" "}
                    <span className="muted">
                      ({v.day_attended}/{v.day_expected})
                    </span>
                  </td>
                  <td className="num">{pct(v.training_rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t("tracking.dashboard.noVisits")}</p>
        )}
      </ChartWithTable>

      <ChartWithTable
        id="sessions"
        title={t("tracking.dashboard.sessions")}
        chart={
          <BarChart
            title={t("tracking.dashboard.sessions")}
            max={100}
            bars={d.sessions.map((s) => ({
              label: `${s.localStart} ${s.title}`,
              segments: [{ key: "rate", label: "", value: s.rate ?? 0 }],
              display: pct(s.rate),
            }))}
          />
        }
      >
        {d.sessions.length ? (
          <table>
            <caption className="visually-hidden">{t("tracking.dashboard.sessions")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tracking.dashboard.session")}</th>
                <th scope="col" className="num">
                  {t("tracking.status.present")}
                </th>
                <th scope="col" className="num">
                  {t("tracking.status.late")}
                </th>
                <th scope="col" className="num">
                  {t("tracking.status.absent")}
                </th>
                <th scope="col" className="num">
                  {t("tracking.status.excused")}
                </th>
                <th scope="col" className="num">
                  {t("tracking.status.none")}
                </th>
                <th scope="col" className="num">
                  {t("tracking.dashboard.attendanceRate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/attendance/training/${s.id}`} lang={s.titleLang}>
                      {s.title}
                    </Link>{" "}
                    <span className="muted">{s.localStart}</span>
                  </th>
                  <td className="num">{s.present}</td>
                  <td className="num">{s.late}</td>
                  <td className="num">{s.absent}</td>
                  <td className="num">{s.excused}</td>
                  <td className="num">{s.unrecorded}</td>
                  <td className="num">{pct(s.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t("tracking.dashboard.noSessions")}</p>
        )}
      </ChartWithTable>

      <ChartWithTable
        id="per-participant"
        title={t("tracking.dashboard.perParticipant")}
        chart={
          <BarChart
            title={t("tracking.dashboard.perParticipant")}
            bars={d.buckets.map((b) => ({ label: bucketLabel(t, b.bucket, lng), segments: [{ key: "n", label: "", value: b.count }] }))}
          />
        }
      >
        <table>
          <caption className="visually-hidden">{t("tracking.dashboard.perParticipant")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tracking.dashboard.attendanceRate")}</th>
              <th scope="col" className="num">
                {t("tracking.dashboard.participants")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.buckets.map((b) => (
              <tr key={b.bucket}>
                <th scope="row">{bucketLabel(t, b.bucket, lng)}</th>
                <td className="num">{formatNumber(b.count, lng, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {d.lowest.length ? (
          <table>
            <caption>{t("tracking.dashboard.lowest")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tracking.list.name")}</th>
                <th scope="col" className="num">
                  {t("tracking.dashboard.attended")}
                </th>
                <th scope="col" className="num">
                  {t("tracking.dashboard.attendanceRate")}
                </th>
                <th scope="col">{t("tracking.certificate.short")}</th>
              </tr>
            </thead>
            <tbody>
              {d.lowest.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.name}
                    {p.latin && p.latin !== p.name ? <span className="muted"> ({p.latin})</span> : null} <span className="muted">{p.countryName}</span>
                  </th>
                  <td className="num">
                    {p.attended} / {p.expected}
                  </td>
                  <td className="num">{pct(p.rate)}</td>
                  <td>{p.completed ? <Link to={`/admin/certificates/${p.id}`}>{t("tracking.certificate.view")}</Link> : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </ChartWithTable>
    </>
  );
}
