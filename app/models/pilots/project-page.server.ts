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
import { formatDate } from "../../domain/dates";
import type { PilotPlanChange } from "../../../db/schema/pilots";
import { db, t } from "../../db.server";
import { asc, eq } from "drizzle-orm";
import type { Actor } from "../actor";
import { translatorFor } from "../../i18n.server";
import { planIsAgreed } from "./adjustments.server";
import { getProjectView } from "./views.server";
import { listVisits } from "./visits.server";

/** A plan change's before and after as the page writes them (dates and amounts in `lng`). */
function changeText(c: PilotPlanChange, currency: string, lng: string) {
  const side = (x: string | null) => {
    if (x === null) return null;
    if (c.kind === "budget_add" || c.kind === "budget_planned") return formatMoney(Number(x), currency, lng);
    if (c.kind === "dates") {
      const [a, b] = x.split("/");
      return `${formatDate(a, lng) || "–"} – ${formatDate(b, lng) || "–"}`;
    }
    if (c.kind === "objectives") return x;
    return formatDate(x, lng);
  };
  return { kind: c.kind, subject: c.subject, from: side(c.from), to: side(c.to) };
}

/** Badge colour (app.css) of an ex post measure's state: done, due soon, overdue, upcoming. */
export const EXPOST_BADGE = { done: "accepted", due: "waitlisted", overdue: "rejected", upcoming: "draft" } as const;

/**
 * What a plan adjustment's evidence may point at, as form options: the project's monitoring
 * visits (newest first) and indicator values. No scope check (callers pass a project in scope).
 */
export function evidenceChoices(actor: Actor, project: Parameters<typeof listVisits>[1], lng: string) {
  return {
    visits: listVisits(actor, project).map((x) => ({ value: String(x.id), label: `${formatDate(x.visitedOn, lng)} · ${x.visitors}` })),
    values: indicatorValueLabels(project.id, lng).map((x) => ({ value: String(x.id), label: x.label })),
  };
}

/**
 * The project's indicator values as evidence a plan adjustment may cite: id and a label
 * ("name (code) · stage · date · value"), newest first. No scope check (callers pass a project in scope).
 */
function indicatorValueLabels(projectId: number, lng: string) {
  return db()
    .select({ v: t.pilotIndicatorValues, name: t.indicators.name, code: t.indicators.code })
    .from(t.pilotIndicatorValues)
    .innerJoin(t.indicators, eq(t.indicators.id, t.pilotIndicatorValues.indicatorId))
    .where(eq(t.pilotIndicatorValues.projectId, projectId))
    .orderBy(asc(t.pilotIndicatorValues.measuredOn))
    .all()
    .reverse()
    .map((r) => ({
      id: r.v.id,
      stage: r.v.stage,
      label: `${localText(r.name, lng)} (${r.code}) · ${formatDate(r.v.measuredOn, lng)} · ${formatNumber(r.v.value, lng)}`,
    }));
}

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
  const values = indicatorValueLabels(projectId, lng);
  const tr = translatorFor(lng);
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
    /** The project's facts as label and text pairs, in the reader's language. */
    facts: [
      [tr("pilots.project.objectives"), v.project.objectives],
      [
        tr("pilots.project.plan"),
        v.project.startsOn || v.project.endsOn
          ? tr("pilots.project.planDates", { from: formatDate(v.project.startsOn, lng) || "–", to: formatDate(v.project.endsOn, lng) || "–" })
          : "–",
      ],
      [tr("pilots.project.localLead"), [...new Set([v.people.leadName, v.project.localLeadName].filter(Boolean))].join(" · ") || "–"],
      [tr("pilots.project.organizer"), v.people.organizerName ?? "–"],
      [tr("pilots.village.localPartner"), v.village.localPartner || "–"],
      [tr("pilots.project.currency"), v.project.currency],
    ],
    budget: budgetView(v, lng),
    trail: v.trail.map((e) => {
      const state = (x: string | null) => (x ? tr(`pilots.status.${x}`, { defaultValue: x }) : "–");
      const label = tr(`pilots.trail.${e.action}`, { defaultValue: e.action });
      const steps = e.action === "status" || e.action === "create" || e.action === "propose";
      return {
        ...e,
        atText: atFormat.format(new Date(e.at)),
        reasonText: e.reason ? `${tr("common.reason")}: ${e.reason}` : null,
        label: steps ? `${label}: ${state(e.fromState)} → ${state(e.toState)}` : label,
      };
    }),
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
    planAgreed: planIsAgreed(v.project),
    // Written here in the reader's language (not in the page): the page's script stays within its
    // budget (issue 14), and the words are the server's either way.
    visits: v.visits.map((x) => ({
      ...x,
      visitedText: formatDate(x.visitedOn, lng, "long"),
      facts: [
        [tr("pilots.visits.visitors"), x.visitors],
        [tr("pilots.visits.findings"), x.findings],
        [tr("pilots.visits.issues"), x.issues || "–"],
        [tr("pilots.visits.author"), x.by ?? "–"],
      ],
      actions: x.actions.map((a) => ({
        ...a,
        toggle: tr(a.doneOn ? "pilots.visits.reopen" : "pilots.visits.markDone"),
        line: `${a.owner} · ${tr("pilots.visits.dueOn", { date: formatDate(a.dueOn, lng) })}`,
        badge: a.doneOn ? "accepted" : a.dueOn < v.today ? "rejected" : "submitted",
        stateText: a.doneOn
          ? tr("pilots.visits.doneOn", { date: formatDate(a.doneOn, lng) })
          : tr(a.dueOn < v.today ? "pilots.milestones.late" : "pilots.visits.open"),
      })),
      // Alt text: the author's caption, else which photo of which visit it is.
      photos: x.photos.map((p, i) => ({
        id: p.id,
        href: `/pilots/projects/${v.project.id}/photos/${p.id}`,
        alt: p.caption || tr("pilots.visits.photoAlt", { n: i + 1, date: formatDate(x.visitedOn, lng, "long") }),
        canRemove: p.canRemove,
      })),
    })),
    adjustments: v.adjustments.map((a) => ({
      id: a.id,
      at: a.createdAt,
      atText: atFormat.format(new Date(a.createdAt)),
      by: a.by,
      why: `${tr("pilots.adjustments.why")}: ${a.why}`,
      changes: a.what.map((c) => {
        const x = changeText(c, v.project.currency, lng);
        const label = `${tr(`pilots.adjustments.kind.${x.kind}`)}${x.subject ? `: ${x.subject}` : ""}`;
        return x.kind === "objectives" ? `${label}: ${x.to ?? ""}` : `${label} (${x.from ?? "–"} → ${x.to ?? "–"})`;
      }),
      evidence: [
        ...(a.evidence.visitIds.length || a.evidence.indicatorValueIds.length || a.evidence.note
          ? [{ href: null, text: `${tr("pilots.adjustments.evidence")}:` }]
          : []),
        ...a.evidence.visitIds.map((id) => {
          const on = v.visits.find((x) => x.id === id)?.visitedOn;
          return { href: `#visit-${id}`, text: tr("pilots.adjustments.visitOf", { date: on ? formatDate(on, lng) : `#${id}` }) };
        }),
        ...a.evidence.indicatorValueIds.map((id) => ({ href: null, text: values.find((x) => x.id === id)?.label ?? `#${id}` })),
        ...(a.evidence.note ? [{ href: null, text: a.evidence.note }] : []),
      ],
    })),
    expost: v.expost && {
      completed: tr("pilots.expost.completedOn", { date: formatDate(v.expost.completedOn, lng) }),
      measures: v.expost.measures.map((m) => ({
        ...m,
        line: `${tr("pilots.expost.measure", { months: m.months })}: ${tr("pilots.expost.dueOn", { date: formatDate(m.dueOn, lng) })}${
          m.measuredOn ? ` · ${tr("pilots.expost.measuredOn", { date: formatDate(m.measuredOn, lng) })}` : ""
        }`,
        badge: EXPOST_BADGE[m.state],
        stateText: tr(`pilots.expost.state.${m.state}`),
      })),
    },
  };
}
