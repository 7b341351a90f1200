/**
 * One pilot project's page as the route sends it: getProjectView (views.server.ts) with the
 * country's name, the indicators' names and values, the budget's months and amounts and the audit
 * trail's times already written in the reader's language. Done on the server so the page carries neither
 * the country-name, local-text nor money code (issue 14 script budget), and a browser without
 * Khmer, Lao or Burmese Intl data (Debian's Chromium) shows the same words as the server.
 */
import { countryName } from "../../domain/country-names";
import { localText } from "../../domain/evaluation/text";
import { pickField, pickText } from "../../domain/local-text";
import { formatChange, formatNumber, formatPercent } from "../../domain/format";
import { displayDigits, formatMoney, minorToInput, toUsd } from "../../domain/pilots/money";
import type { Actor } from "../actor";
import { getProjectView } from "./views.server";

/** "November 2026" for "2026-11" in `lng` (Gregorian, as the periods are). */
export function monthLabel(period: string, lng: string): string {
  const [y, m] = period.split("-").map(Number);
  return new Intl.DateTimeFormat(lng, { calendar: "gregory", year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * The budget as the page shows it: every amount written with the currency's display digits
 * (whole riel, kip and kyat: domain/pilots/money.ts), months named, the typed-back value of each
 * line's actual spending, and the totals in US dollars at the latest rate (null without a rate).
 */
function budgetView(v: ReturnType<typeof getProjectView>, lng: string) {
  const cur = v.project.currency;
  const money = (minor: number) => formatMoney(minor, cur, lng);
  const usdFormat = new Intl.NumberFormat(lng, { style: "currency", currency: "USD" });
  const usd = (minor: number) => usdFormat.format(toUsd(minor, cur, v.rate!.rate));
  return {
    currency: cur,
    digits: displayDigits(cur),
    lines: v.lines.map((l) => ({
      id: l.id,
      item: l.item,
      month: monthLabel(l.period, lng),
      planned: money(l.plannedMinor),
      actual: l.actualMinor === null ? null : money(l.actualMinor),
      actualInput: l.actualMinor === null ? "" : minorToInput(l.actualMinor, cur),
    })),
    periods: v.totals.periods.map((p) => ({
      period: p.period,
      month: monthLabel(p.period, lng),
      planned: money(p.plannedMinor),
      actual: p.reported ? money(p.actualMinor) : null,
    })),
    planned: money(v.totals.plannedMinor),
    actual: money(v.totals.actualMinor),
    /** Share of the plan spent ("85%"); null when nothing is planned. `used` is a ratio, formatPercent takes 0–100. */
    used: v.totals.used === null ? null : formatPercent(v.totals.used * 100, lng),
    rate: v.rate
      ? { rate: v.rate.rate, rateOn: v.rate.rateOn, source: v.rate.source, planned: usd(v.totals.plannedMinor), actual: usd(v.totals.actualMinor) }
      : null,
  };
}
export type BudgetView = ReturnType<typeof budgetView>;

/**
 * The project page for `actor` reading in `lng` (404 when out of scope, as getProjectView); the
 * audit trail's times are written in `timeZone` (the reader's, else UTC) with its name.
 */
export function projectPage(actor: Actor, projectId: number, lng: string, now: Date = new Date()) {
  const v = getProjectView(actor, projectId, now);
  const atFormat = new Intl.DateTimeFormat(lng, {
    calendar: "gregory",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: actor.timeZone || "UTC",
    timeZoneName: "short",
  });
  return {
    ...v,
    // The origin's edition named for the reader (issue 11 item 8); its translations stay here.
    origin: v.origin
      ? (({ editionTranslations, ...o }) => ({ ...o, editionName: pickField(o.editionName, editionTranslations, "name", lng).text }))(v.origin)
      : null,
    country: countryName(v.village.countryCode, lng),
    budget: budgetView(v, lng),
    trail: v.trail.map((e) => ({ ...e, atText: atFormat.format(new Date(e.at)) })),
    monitoring: v.monitoring.map((r) => {
      // A number as the table writes it (a percentage with its sign); yes/no values are words the page translates.
      const point = (p: { value: number; on: string } | null) =>
        p && { ...p, text: r.indicator.type === "yes_no" ? null : `${formatNumber(p.value, lng)}${r.indicator.type === "percentage" ? " %" : ""}` };
      return {
        indicator: {
          id: r.indicator.id,
          code: r.indicator.code,
          name: localText(r.indicator.name, lng),
          nameLang: pickText(r.indicator.name, lng).lang,
          type: r.indicator.type,
          direction: r.indicator.direction,
        },
        baseline: point(r.baseline),
        periodic: point(r.periodic),
        final: point(r.final),
        ex_post: point(r.ex_post),
        change: r.change,
        changeText: r.change === null ? "–" : formatChange(r.change, lng),
      };
    }),
    indicatorChoices: v.indicatorChoices.map((c) => ({ value: String(c.id), label: `${localText(c.name, lng)} (${c.code})` })),
  };
}
