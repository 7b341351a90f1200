/**
 * The pilot map (issue 16, item 4): the member countries drawn on the server
 * (app/domain/geo/region-map.server.ts) with three kinds of marks, and the same content as table
 * rows for screen readers and for what cannot be placed:
 * - pilot villages the reader may see (the overview's scope and filters, views.server.ts), one
 *   mark per village at its coordinates, coloured by its projects' component ("mixed" when they
 *   differ); a village without coordinates is listed, not drawn;
 * - host sites at their coordinates (organizers: every site; focal points: their countries';
 *   others none); a site without coordinates is listed, not drawn;
 * - participants' home places as counts only, never a person's location: accepted applications
 *   per country (drawn at a point inland in the country, their home provinces are free text with
 *   no coordinates) and per province in the table (organizers: all; focal points: their
 *   countries'; others none).
 * Framed on the filtered country, or a focal point's only country; otherwise the whole region.
 */
import { asc, eq, sql } from "drizzle-orm";
import { db, t } from "../../db.server";
import { isMemberCountry } from "../../domain/country-names";
import { drawRegion } from "../../domain/geo/region-map.server";
import type { Actor } from "../actor";
import { listPilots, type PilotFilters } from "./views.server";

export type MarkKind = "village" | "site" | "participants";

/** Radius (user units) of a participants' mark: area grows with the count, within 5..10. */
function participantRadius(count: number, most: number): number {
  return Math.round((5 + 5 * Math.sqrt(count / Math.max(most, 1))) * 10) / 10;
}

function num(text: string | null): number | null {
  if (text === null || text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** The map and its table for `actor` with the overview's filters. Throws NotFoundError as listPilots. */
export function pilotMap(actor: Actor, filters: PilotFilters, now: Date = new Date()) {
  const pilots = listPilots(actor, filters, now);
  const countryScope = (code: string) => (!filters.country || code === filters.country) && (actor.isOrganizer || actor.focalPointCountries.includes(code));
  const focus = filters.country ? [filters.country] : !actor.isOrganizer && actor.focalPointCountries.length === 1 ? actor.focalPointCountries : [];
  const map = drawRegion(focus);

  const villages = pilots.map(({ village: v, projects }) => {
    const lat = num(v.latitude);
    const lon = num(v.longitude);
    const xy = lat !== null && lon !== null ? map.project({ lat, lon }) : null;
    const components = [...new Set(projects.map((p) => p.component))];
    return {
      id: v.id,
      name: v.nameLatin || v.name,
      countryCode: v.countryCode,
      province: v.province,
      latitude: v.latitude,
      longitude: v.longitude,
      colour: components.length === 1 ? components[0] : components.length ? "mixed" : "none",
      projects: projects.map((p) => ({ id: p.id, title: p.title, component: p.component, componentOther: p.componentOther, status: p.status })),
      x: xy?.[0] ?? null,
      y: xy?.[1] ?? null,
    };
  });

  const showOthers = actor.isOrganizer || actor.focalPointCountries.length > 0;
  const sites = showOthers
    ? db()
        .select({
          id: t.hostSites.id,
          name: t.hostSites.name,
          nameLatin: t.hostSites.nameLatin,
          countryCode: t.hostSites.countryCode,
          province: t.hostSites.province,
          latitude: t.hostSites.latitude,
          longitude: t.hostSites.longitude,
          vettingStatus: t.hostSites.vettingStatus,
        })
        .from(t.hostSites)
        .orderBy(asc(t.hostSites.countryCode), asc(t.hostSites.nameLatin))
        .all()
        .filter((s) => countryScope(s.countryCode))
        .map((s) => {
          const lat = num(s.latitude);
          const lon = num(s.longitude);
          const xy = lat !== null && lon !== null ? map.project({ lat, lon }) : null;
          return { ...s, name: s.nameLatin || s.name, x: xy?.[0] ?? null, y: xy?.[1] ?? null };
        })
    : [];

  const perProvince = showOthers
    ? db()
        .select({ country: t.applications.nationality, province: t.applications.province, count: sql<number>`count(*)` })
        .from(t.applications)
        .where(eq(t.applications.status, "accepted"))
        .groupBy(t.applications.nationality, t.applications.province)
        .orderBy(asc(t.applications.nationality), asc(t.applications.province))
        .all()
        .filter((r): r is { country: string; province: string; count: number } => r.country !== null && isMemberCountry(r.country) && countryScope(r.country))
    : [];
  const perCountry = new Map<string, number>();
  for (const r of perProvince) perCountry.set(r.country, (perCountry.get(r.country) ?? 0) + r.count);
  const most = Math.max(0, ...perCountry.values());
  const participants = [...perCountry].map(([countryCode, count]) => {
    const xy = map.anchor(countryCode);
    return {
      countryCode,
      count,
      provinces: perProvince.filter((r) => r.country === countryCode).map((r) => ({ province: r.province, count: r.count })),
      x: xy?.[0] ?? null,
      y: xy?.[1] ?? null,
      r: participantRadius(count, most),
    };
  });

  return {
    width: map.width,
    height: map.height,
    focus,
    countries: map.countries.map((c) => ({ ...c, focus: c.code !== null && focus.includes(c.code) })),
    tiny: map.tiny,
    villages,
    sites,
    participants,
  };
}

export type PilotMapData = ReturnType<typeof pilotMap>;
