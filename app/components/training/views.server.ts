/** Loader-side helpers shared by the training pages: form choices, form values, grid data. */
import type { TFunction } from "i18next";
import { countryTimeZones, MEMBER_COUNTRY_CODES } from "~/domain/countries";
import { formatDate } from "~/domain/dates";
import { listFormat, timeZoneChoices, timeZoneDisplayName, weekdayNames } from "~/domain/intl";
import { MAX_OCCURRENCES, WEEKDAYS } from "~/domain/training/repeat";
import { db } from "~/db.server";
import { seriesSummaries, type SeriesSummary } from "~/models/training/series.server";
import { utcToLocal } from "~/domain/training";
import { pickField, siteNameShown, visitTitleShown } from "~/domain/local-text";
import { languageName } from "~/domain/vocabulary";
import type { Actor } from "~/models/actor";
import type { TrainingListRow } from "~/models/training/list.server";
import { trainingFormOptions, type TrainingRow } from "~/models/training/trainings.server";
import { toGridData } from "./grid-data";
import type { TrainingFormChoices } from "./TrainingForm";

export const ZONES = [...new Set(MEMBER_COUNTRY_CODES.flatMap((c) => countryTimeZones(c)))].sort();

export function formChoices(
  actor: Actor,
  editionId: number,
  lng: string,
  keep: { venueId?: number | null; trainerIds?: number[]; interpreterIds?: number[] } = {},
): TrainingFormChoices {
  const o = trainingFormOptions(actor, editionId);
  // Retired venues, trainers and interpreters are not offered for new trainings; a training
  // that already has one keeps it (issue 12 item 20).
  const live = <T extends { id: number; retiredAt: string | null }>(rows: T[], kept: (number | null | undefined)[]) =>
    rows.filter((r) => r.retiredAt === null || kept.includes(r.id));
  return {
    visits: o.visits.map((v) => {
      const shown = visitTitleShown(v.title, v.translations, siteNameShown(v.site, lng), lng);
      return { id: v.id, label: `${shown.text} (${formatDate(v.arrivalOn, lng)} – ${formatDate(v.departureOn, lng)})`, lang: shown.lang };
    }),
    venues: live(o.venues, [keep.venueId]).map((v) => ({ id: v.id, label: `${v.name} (${timeZoneDisplayName(v.timeZone, lng)})` })),
    trainers: live(o.trainers, keep.trainerIds ?? []).map((x) => ({
      id: x.id,
      label: `${x.name}${x.languages.length ? ` (${x.languages.map((l) => languageName(l, lng)).join(", ")})` : ""}`,
    })),
    interpreters: live(o.interpreters, keep.interpreterIds ?? []).map((x) => ({
      id: x.id,
      label: `${x.name} (${x.languagePairs.map((p) => `${p.from}${p.oneWay ? "→" : "↔"}${p.to}`).join(", ")})`,
    })),
    zones: timeZoneChoices(ZONES, lng),
    weekdays: weekdayChoices(lng),
    repeatMax: new Intl.NumberFormat(lng).format(MAX_OCCURRENCES),
  };
}

/** The edit form's values from a stored training (times back in the venue's local clock). */
export function formValues(tr: TrainingRow, trainerIds: number[], interpreterIds: number[]) {
  const s = utcToLocal(tr.startsAt, tr.timeZone);
  const e = utcToLocal(tr.endsAt, tr.timeZone);
  return {
    title: tr.title,
    type: tr.type,
    description: tr.description,
    tr: tr.translations,
    visitId: tr.visitId ? String(tr.visitId) : "",
    venueId: tr.venueId ? String(tr.venueId) : "",
    timeZone: tr.venueId ? "" : tr.timeZone,
    startDate: s.date,
    startTime: s.time,
    endDate: e.date,
    endTime: e.time,
    onlineUrl: tr.onlineUrl ?? "",
    trainerIds: trainerIds.map(String),
    interpreterIds: interpreterIds.map(String),
    deliveryLanguage: tr.deliveryLanguage,
    capacity: tr.capacity === null ? "" : String(tr.capacity),
    audience: tr.audience,
    version: tr.updatedAt,
  };
}

const QUERY_FIELDS = [
  "title",
  "type",
  "visitId",
  "venueId",
  "timeZone",
  "startDate",
  "startTime",
  "endDate",
  "endTime",
  "deliveryLanguage",
  "audience",
  "capacity",
];

/** A new form's values from the query string (a slot picked on the free-slot page), with defaults. */
export function valuesFromQuery(url: URL, defaults: Record<string, string>) {
  const v: Record<string, unknown> = {
    type: "lecture",
    audience: "edition",
    deliveryLanguage: "en",
    status: "scheduled",
    repeat: "none",
    repeatEnd: "until",
    ...defaults,
  };
  for (const k of QUERY_FIELDS) {
    const x = url.searchParams.get(k);
    if (x) v[k] = x.slice(0, 200);
  }
  for (const k of ["trainerIds", "interpreterIds"]) {
    const xs = url.searchParams.getAll(k).filter((x) => /^\d+$/.test(x));
    if (xs.length) v[k] = xs;
  }
  if (v.visitId && !url.searchParams.get("audience")) v.audience = "visit";
  return v;
}

/** The schedule grid of `rows` for a reader of `lng`: session titles in their language (else English, else the first given). */
export function gridFor(rows: TrainingListRow[], from: string, to: string, lng: string, t: TFunction, hrefFor: (id: number) => string) {
  const shown = rows.map((r) => {
    const title = pickField(r.title, r.translations, "title", lng);
    return { ...r, title: title.text, titleLang: title.lang };
  });
  const grid = toGridData(shown, from, to, lng, hrefFor, t("training.grid.online") as string);
  // Occurrences of a series say how it repeats (issue 15, item 8).
  const texts = seriesTexts(rows, lng, t);
  if (!texts.size) return grid;
  return { ...grid, items: grid.items.map((it) => ({ ...it, series: texts.get(it.id) ?? null })) };
}

/** Per training id of `rows` that is an occurrence of a series: how the series repeats (seriesText). */
export function seriesTexts(rows: { id: number; seriesId: number | null }[], lng: string, t: TFunction): Map<number, string> {
  const summaries = seriesSummaries(
    db(),
    rows.map((r) => r.seriesId),
  );
  const bySeries = new Map([...summaries].map(([id, s]) => [id, seriesText(s, lng, t)]));
  const out = new Map<number, string>();
  for (const r of rows) {
    const text = r.seriesId === null ? undefined : bySeries.get(r.seriesId);
    if (text) out.set(r.id, text);
  }
  return out;
}

/**
 * How a series repeats, in `lng`: "Repeats daily until 14 Mar 2031" or "Repeats: Mon, Wed until
 * 14 Mar 2031". Weekday names and the list come from Intl, the date from formatDate.
 */
export function seriesText(s: SeriesSummary, lng: string, t: TFunction): string {
  const date = formatDate(s.lastDate, lng);
  if (s.repeat === "daily") return t("training.series.repeatsDaily", { date }) as string;
  const names = weekdayNames(lng, "short");
  const days = listFormat(lng, { type: "unit", style: "short" }).format(s.weekdays.map((d) => names[WEEKDAYS.indexOf(d)]!));
  return t("training.series.repeatsWeekly", { days, date }) as string;
}

/** The weekday checkboxes of the repeat choice, Monday first, named by Intl in `lng`. */
export function weekdayChoices(lng: string): { value: string; label: string }[] {
  const names = weekdayNames(lng, "long");
  return WEEKDAYS.map((value, i) => ({ value, label: names[i]! }));
}
