/**
 * A small server-rendered SVG chart: per row (a group), a bar for the baseline and one for the
 * later stage, values written at the bars' ends, and the same figures in a table beside it, so it
 * reads without JavaScript and without seeing the picture. The SVG is aria-labelled by its title
 * and a text description.
 */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatChange, formatNumber, formatPercent } from "~/domain/format";

export type ChartRow = { label: string; before: number | null; after: number | null; n: number };

const W = 360;
const LABEL_W = 112;
const BAR_MAX = 190;
const ROW_H = 34;

export function ChangeChart(props: {
  title: string;
  description: string;
  rows: ChartRow[];
  /** The largest value on the scale (100 for percentages); defaults to the largest value. */
  max?: number;
  beforeLabel: string;
  afterLabel: string;
  groupLabel: string;
  nLabel: string;
  changeLabel: string;
  unit?: string;
}) {
  const id = useId().replace(/:/g, "");
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const fmt = (v: number | null) => formatNumber(v, lng, 1);
  // A percentage goes through Intl (its sign and spacing differ by language); other units follow the figure.
  const withUnit = (v: number | null) => (props.unit === "%" ? formatPercent(v, lng, 1) : v === null ? "–" : `${fmt(v)}${props.unit ?? ""}`);
  const max = props.max ?? Math.max(1, ...props.rows.flatMap((r) => [r.before ?? 0, r.after ?? 0])) * 1.1;
  const TOP = 40;
  const h = TOP + props.rows.length * ROW_H;
  const x = (v: number | null) => (v === null ? 0 : Math.max(1, (v / max) * BAR_MAX));
  // Row labels wrap onto two lines of about 18 characters (the second is cut with an ellipsis).
  const lines = (s: string): string[] => {
    if (s.length <= 18) return [s];
    const at = s.lastIndexOf(" ", 18);
    const first = at > 0 ? s.slice(0, at) : s.slice(0, 18);
    const rest = s.slice(first.length).trim();
    return [first, rest.length > 18 ? rest.slice(0, 17) + "…" : rest];
  };
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${h}`} width="100%" role="img" aria-labelledby={`${id}-t ${id}-d`} className="chart-svg">
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{props.description}</desc>
        <g fontSize="11" fill="#1f2937">
          <rect x={LABEL_W} y={4} width={10} height={10} fill="#9ca3af" />
          <text x={LABEL_W + 14} y={13}>
            {props.beforeLabel}
          </text>
          <rect x={LABEL_W} y={20} width={10} height={10} fill="#1d4ed8" />
          <text x={LABEL_W + 14} y={29}>
            {props.afterLabel}
          </text>
        </g>
        {props.rows.map((r, i) => {
          const y = TOP - 4 + i * ROW_H;
          const label = lines(r.label);
          return (
            <g key={r.label + i} fontSize="11" fill="#1f2937">
              {label.map((l, k) => (
                <text key={k} x={0} y={y + (label.length === 1 ? 17 : 12 + k * 13)}>
                  {l}
                </text>
              ))}
              <rect x={LABEL_W} y={y + 3} width={x(r.before)} height={11} fill="#9ca3af" />
              <text x={LABEL_W + x(r.before) + 4} y={y + 12}>
                {fmt(r.before)}
              </text>
              <rect x={LABEL_W} y={y + 16} width={x(r.after)} height={11} fill="#1d4ed8" />
              <text x={LABEL_W + x(r.after) + 4} y={y + 25}>
                {fmt(r.after)}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={props.title}>
        <table className="chart-table">
          <caption className="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.groupLabel}</th>
              <th scope="col">{props.beforeLabel}</th>
              <th scope="col">{props.afterLabel}</th>
              <th scope="col">{props.changeLabel}</th>
              <th scope="col">{props.nLabel}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r, i) => (
              <tr key={r.label + i}>
                <th scope="row">{r.label}</th>
                <td>{withUnit(r.before)}</td>
                <td>{withUnit(r.after)}</td>
                <td>{r.before === null || r.after === null ? "–" : formatChange(r.after - r.before, lng, 1)}</td>
                <td>{formatNumber(r.n, lng, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
