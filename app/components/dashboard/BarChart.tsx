/**
 * A horizontal bar chart drawn as server-rendered SVG (readable without JavaScript): role="img"
 * with an aria-label that states every value, so a screen reader hears the data; the table
 * beside each chart (ChartWithTable) holds the same figures. Bars may be stacked segments.
 */
import { useTranslation } from "react-i18next";
export type Segment = { key: string; label: string; value: number };
export type Bar = { label: string; segments: Segment[]; /** Text after the bar (e.g. "82 %"); default the total. */ display?: string };

/** Segment colours by position (contrast ≥ 3:1 against white). */
export const SEGMENT_COLOURS = ["#0b5d3b", "#1d4ed8", "#a4161a", "#7a4b00", "#5b21b6", "#374151"];

const ROW = 30;
const WIDTH = 320;
const LABEL_H = 12;

export function BarChart({ title, bars, max, legend }: { title: string; bars: Bar[]; max?: number; legend?: { key: string; label: string }[] }) {
  const total = (b: Bar) => b.segments.reduce((s, x) => s + x.value, 0);
  const top = Math.max(max ?? 0, ...bars.map(total), 1);
  const barWidth = WIDTH - 56;
  const summary = `${title}: ${bars.map((b) => `${b.label} ${b.display ?? total(b)}`).join("; ")}`;
  const colourOf = (key: string) =>
    SEGMENT_COLOURS[
      Math.max(
        0,
        (legend ?? []).findIndex((l) => l.key === key),
      ) % SEGMENT_COLOURS.length
    ];
  return (
    <figure className="chart">
      <svg role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${Math.max(ROW, bars.length * ROW)}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {bars.map((b, i) => {
          let x = 0;
          const y = i * ROW;
          return (
            <g key={`${b.label}-${i}`}>
              <text x={0} y={y + LABEL_H - 2} fontSize="10" fill="#1d2430">
                {b.label}
              </text>
              {b.segments.map((s) => {
                const w = (s.value / top) * barWidth;
                const rect = <rect key={s.key} x={x} y={y + LABEL_H} width={Math.max(0, w)} height={12} fill={colourOf(s.key)} />;
                x += w;
                return rect;
              })}
              <text x={x + 4} y={y + LABEL_H + 10} fontSize="10" fill="#1d2430">
                {b.display ?? total(b)}
              </text>
            </g>
          );
        })}
      </svg>
      {legend && legend.length > 1 ? (
        <figcaption>
          <ul className="chart-legend">
            {legend.map((l) => (
              <li key={l.key}>
                <span className="swatch" style={{ background: colourOf(l.key) }} aria-hidden="true" /> {l.label}
              </li>
            ))}
          </ul>
        </figcaption>
      ) : null}
    </figure>
  );
}

/** A chart and its table side by side (stacked on a phone). */
export function ChartWithTable({ id, title, chart, children }: { id: string; title: string; chart: React.ReactNode; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="card dash-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="chart-pair">
        <div>{chart}</div>
        <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={title}>
          {children}
        </div>
      </div>
    </section>
  );
}
