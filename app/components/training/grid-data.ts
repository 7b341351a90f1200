/**
 * Turns training rows into the schedule grid's plain data (day × venue), formatted in each
 * training's own venue zone. Pure: used by loaders and by the benchmark.
 */
import { tzOffset } from "@date-fns/tz";
import { eachLocalDate, utcToLocal, zoneLabel } from "~/domain/training";
import { formatDate } from "~/domain/dates";
import { languageName } from "~/domain/vocabulary";
import { collator as sharedCollator } from "../../domain/intl";

export type GridRow = {
  id: number;
  title: string;
  /** Language `title` is in, when picked for the reader (issue 11 item 8). */
  titleLang?: string;
  type: string;
  status: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueId: number | null;
  venueName: string | null;
  deliveryLanguage: string;
  trainers: string[];
  interpreters: string[];
  visitTitle?: string | null;
};

export type GridItem = {
  id: number;
  title: string;
  titleLang?: string;
  type: string;
  status: string;
  href: string;
  day: string;
  venueKey: string;
  start: string;
  end: string;
  /** The venue-local day it ends on, when not the start day (crosses midnight). */
  endDay: string | null;
  zone: string;
  language: string;
  trainers: string;
  interpreters: string;
  visitTitle: string | null;
  /** How its series repeats ("Repeats: Mon, Wed until 14 Mar 2031"), made by the loader; else absent. */
  series?: string | null;
};

export type GridData = {
  days: { date: string; label: string }[];
  venues: { key: string; name: string }[];
  items: GridItem[];
};

export const ONLINE_KEY = "online";

/** Builds the grid of `rows` over the days `from`..`to` (plus any day a training falls on outside them). */
export function toGridData(rows: GridRow[], from: string, to: string, lng: string, hrefFor: (id: number) => string, onlineLabel: string): GridData {
  const venues = new Map<string, string>();
  const dayset = new Set(eachLocalDate(from, to));
  // Zone labels depend only on the zone and its offset at the instant: format each pair once.
  const labels = new Map<string, string>();
  const label = (instant: string, zone: string) => {
    const k = `${zone}|${tzOffset(zone, new Date(instant))}`;
    let l = labels.get(k);
    if (l === undefined) labels.set(k, (l = zoneLabel(instant, zone)));
    return l;
  };
  const items: GridItem[] = rows.map((r) => {
    const s = utcToLocal(r.startsAt, r.timeZone);
    const e = utcToLocal(r.endsAt, r.timeZone);
    const venueKey = r.venueId === null ? ONLINE_KEY : String(r.venueId);
    if (!venues.has(venueKey)) venues.set(venueKey, r.venueName ?? onlineLabel);
    dayset.add(s.date);
    return {
      id: r.id,
      title: r.title,
      ...(r.titleLang ? { titleLang: r.titleLang } : {}),
      type: r.type,
      status: r.status,
      href: hrefFor(r.id),
      day: s.date,
      venueKey,
      start: s.time,
      end: e.time,
      endDay: e.date !== s.date ? e.date : null,
      zone: label(r.startsAt, r.timeZone),
      language: languageName(r.deliveryLanguage, lng),
      trainers: r.trainers.join(", "),
      interpreters: r.interpreters.join(", "),
      visitTitle: r.visitTitle ?? null,
    };
  });
  const collator = sharedCollator(lng);
  const venueList = [...venues.entries()]
    .map(([key, name]) => ({ key, name }))
    .sort((a, b) => (a.key === ONLINE_KEY ? 1 : b.key === ONLINE_KEY ? -1 : collator.compare(a.name, b.name)));
  const days = [...dayset].sort().map((date) => ({ date, label: formatDate(date, lng) }));
  return { days, venues: venueList, items };
}
