/**
 * The pilot map as SVG elements drawn from the loader's data (app/models/pilots/map.server.ts:
 * path data and projected points, no geography in the browser): a figure with an accessible
 * name and summary, a legend, and beside it tables with the same content (every village, host
 * site and participants' count, including those that cannot be placed). The viewBox scales to
 * the column: it fits a 360 px phone. Project titles are plain text here: the village cards
 * below the map link them (one link per project on the page).
 *
 * Drawn on the server only (renderPilotMap gives the markup as a string): the map and its tables
 * need no script, and shipping them would put /pilots over its 100 kB script budget (issue 14).
 */
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { staticMarkup } from "~/utils/static-markup.server";
import { countryName } from "~/domain/country-names";
import type { PilotMapData } from "~/models/pilots/map.server";
import { componentLabel, PilotStatusBadge } from "./bits";
import { formatNumber } from "~/domain/format";

/** Village colours by component (contrast ≥ 3:1 against the land colour), "mixed" for several. */
export const COMPONENT_COLOURS: Record<string, string> = {
  infrastructure: "#0b5d3b",
  public_service: "#1d4ed8",
  skills_training: "#a4161a",
  technology_upgrade: "#7a4b00",
  other: "#5b21b6",
  mixed: "#1f2937",
  none: "#6b7280",
};
const SITE_COLOUR = "#0e7490";
const PEOPLE_COLOUR = "#c2410c";

function Swatch({ kind, colour }: { kind: "village" | "site" | "participants"; colour: string }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      {kind === "village" ? <circle cx="9" cy="9" r="6" fill={colour} stroke="#fff" strokeWidth="2" /> : null}
      {kind === "site" ? <rect x="3" y="3" width="12" height="12" fill={colour} stroke="#fff" strokeWidth="2" /> : null}
      {kind === "participants" ? <circle cx="9" cy="9" r="7" fill={colour} fillOpacity="0.35" stroke={colour} strokeWidth="1.5" /> : null}
    </svg>
  );
}

/**
 * One of the map's tables in a keyboard-scrollable region named by the table's caption (`id`):
 * column headers from `columns` (`num` right-aligns a figure column), the rows as children, and an
 * optional note under the table inside the region.
 */
function TableRegion({
  id,
  caption,
  columns,
  note,
  children,
}: {
  id: string;
  caption: string;
  columns: { label: string; num?: boolean }[];
  note?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={id}>
      <table>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.num ? "num" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {note ? <p className="muted">{note}</p> : null}
    </div>
  );
}

function legendComponents(t: TFunction, data: PilotMapData) {
  const used = new Set(data.villages.filter((v) => v.x !== null).map((v) => v.colour));
  return Object.keys(COMPONENT_COLOURS)
    .filter((k) => used.has(k))
    .map((k) => ({ key: k, label: k === "mixed" ? t("pilots.map.mixed") : k === "none" ? t("pilots.map.noProject") : t(`pilots.component.${k}`) }));
}

/** The map section's HTML in language `lng` (a supported tag, else English). */
export function renderPilotMap(data: PilotMapData, lng: string): string {
  return staticMarkup(<PilotMap data={data} />, lng);
}

function PilotMap({ data }: { data: PilotMapData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const placedVillages = data.villages.filter((v) => v.x !== null && v.y !== null);
  const placedSites = data.sites.filter((s) => s.x !== null && s.y !== null);
  const people = data.participants.reduce((n, p) => n + p.count, 0);
  const where = data.focus.length ? data.focus.map((c) => countryName(c, lng)).join(", ") : t("pilots.map.region");
  const summary = t("pilots.map.summary", {
    where,
    villages: placedVillages.length,
    sites: placedSites.length,
    people,
    countries: data.participants.length,
  });
  const notPlaced = t("pilots.map.notPlaced");
  return (
    <section className="card" aria-labelledby="map-h">
      <h2 id="map-h">{t("pilots.map.title")}</h2>
      <div className="map-pair">
        <figure className="pilot-map">
          <svg viewBox={`0 0 ${data.width} ${data.height}`} width="100%" role="img" aria-labelledby="map-title map-desc" preserveAspectRatio="xMidYMid meet">
            <title id="map-title">{t("pilots.map.name", { where })}</title>
            <desc id="map-desc">{summary}</desc>
            <rect width={data.width} height={data.height} fill="#dbeafe" />
            {data.countries.map((c, i) => (
              <path
                key={c.code ?? `ctx-${i}`}
                d={c.d}
                fill={c.focus ? "#fdf6dc" : c.member ? "#f4efe1" : "#e5e7eb"}
                stroke={c.member ? "#6b7280" : "#9ca3af"}
                strokeWidth={c.focus ? 1 : 0.5}
              />
            ))}
            {data.tiny.map((c) => (
              <circle key={c.code} cx={c.x} cy={c.y} r={3} fill="#f4efe1" stroke="#6b7280" strokeWidth={1} />
            ))}
            {/* Layers, bottom to top: land, participant bubbles (see-through, outlined), host
                sites, pilot villages. A bubble sits on its country's anchor, where villages often
                are too: drawn under them, and only 35% opaque, it never hides a village dot. */}
            {data.participants.map((p) =>
              p.x === null || p.y === null ? null : (
                <g key={p.countryCode} data-mark="participants">
                  <title>{t("pilots.map.participantsOf", { n: p.count, country: countryName(p.countryCode, lng) })}</title>
                  <circle cx={p.x} cy={p.y} r={p.r} fill={PEOPLE_COLOUR} fillOpacity={0.35} stroke={PEOPLE_COLOUR} strokeWidth={1.5} />
                  <text x={p.x} y={p.y + 3} textAnchor="middle" fontSize="8.5" fontWeight="700" fill="#431407">
                    {formatNumber(p.count, lng, 0)}
                  </text>
                </g>
              ),
            )}
            {placedSites.map((s) => (
              <rect key={`s${s.id}`} x={s.x! - 4.5} y={s.y! - 4.5} width={9} height={9} fill={SITE_COLOUR} stroke="#fff" strokeWidth={1.25} data-mark="site">
                <title>{s.name}</title>
              </rect>
            ))}
            {placedVillages.map((v) => (
              <circle key={`v${v.id}`} cx={v.x!} cy={v.y!} r={6} fill={COMPONENT_COLOURS[v.colour]} stroke="#fff" strokeWidth={1.5} data-mark="village">
                <title>{v.name}</title>
              </circle>
            ))}
          </svg>
          <figcaption>
            <ul className="map-legend">
              {legendComponents(t, data).map((l) => (
                <li key={l.key}>
                  <Swatch kind="village" colour={COMPONENT_COLOURS[l.key]} /> {t("pilots.map.villageOf", { component: l.label })}
                </li>
              ))}
              <li>
                <Swatch kind="site" colour={SITE_COLOUR} /> {t("pilots.map.site")}
              </li>
              <li>
                <Swatch kind="participants" colour={PEOPLE_COLOUR} /> {t("pilots.map.participants")}
              </li>
            </ul>
            <p className="muted">{t("pilots.map.source")}</p>
          </figcaption>
        </figure>
        <div className="stack">
          <TableRegion
            id="map-villages"
            caption={t("pilots.map.villagesTable")}
            columns={[{ label: t("pilots.map.village") }, { label: t("pilots.map.place") }, { label: t("pilots.map.projects") }]}
          >
            {data.villages.map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  {v.name}
                  {v.x === null ? <div className="muted">{notPlaced}</div> : null}
                </th>
                <td>
                  {v.province}, {countryName(v.countryCode, lng)}
                  {v.latitude && v.longitude ? <div className="muted">{t("pilots.village.coordinates", { lat: v.latitude, lon: v.longitude })}</div> : null}
                </td>
                <td>
                  {v.projects.length ? (
                    <ul className="plain-list">
                      {v.projects.map((p) => (
                        <li key={p.id}>
                          {p.title} · {componentLabel(t, p.component, p.componentOther)} · <PilotStatusBadge status={p.status} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">{t("pilots.overview.noProjects")}</span>
                  )}
                </td>
              </tr>
            ))}
          </TableRegion>
          {data.sites.length ? (
            <TableRegion id="map-sites" caption={t("pilots.map.sitesTable")} columns={[{ label: t("pilots.map.site") }, { label: t("pilots.map.place") }]}>
              {data.sites.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.name}
                    {s.x === null ? <div className="muted">{notPlaced}</div> : null}
                  </th>
                  <td>{[s.province, countryName(s.countryCode, lng)].filter(Boolean).join(", ")}</td>
                </tr>
              ))}
            </TableRegion>
          ) : null}
          {data.participants.length ? (
            <TableRegion
              id="map-people"
              caption={t("pilots.map.participantsTable")}
              columns={[{ label: t("pilots.map.place") }, { label: t("pilots.map.count"), num: true }]}
              note={t("pilots.map.participantsNote")}
            >
              {data.participants.flatMap((p) => [
                <tr key={p.countryCode}>
                  <th scope="row">{countryName(p.countryCode, lng)}</th>
                  <td className="num">
                    <strong>{formatNumber(p.count, lng, 0)}</strong>
                  </td>
                </tr>,
                ...p.provinces.map((r) => (
                  <tr key={`${p.countryCode}-${r.province}`}>
                    <td className="indent">{r.province || t("pilots.map.provinceUnknown")}</td>
                    <td className="num">{formatNumber(r.count, lng, 0)}</td>
                  </tr>
                )),
              ])}
            </TableRegion>
          ) : null}
        </div>
      </div>
    </section>
  );
}
