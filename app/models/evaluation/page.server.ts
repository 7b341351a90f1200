/**
 * The organizer's evaluation page of one edition, assembled on the server: survey set-up options,
 * response rates per stage, paired baseline-vs-later results (split by `by`: overall, country,
 * gender, role or host site, for the later stage `stage`), the pulse monitor, participants' cells
 * and the plan-adjustment log. Dates are formatted for `lng`; throws NotFoundError for an unknown
 * edition, and for anyone but an organizer (requireOrganizer), so a page outside the caller's scope answers 404.
 */
import type { SerializeFrom } from "@remix-run/node";
import { countryName } from "~/domain/countries";
import { formatDate } from "~/domain/dates";
import { localText } from "~/domain/evaluation/text";
import { pickText } from "~/domain/local-text";
import { shownName } from "~/domain/local-text";
import { requireOrganizer, type Actor } from "~/models/actor";
import { getEdition } from "~/models/editions/editions.server";
import type { SurveyStage } from "../../../db/schema/evaluation";
import { listAdjustments } from "./adjustments.server";
import { anonymousResults } from "./anonymous-results.server";
import { listIndicators } from "./indicators.server";
import { pulseMonitor } from "./results.server";
import { resultRows, stageName } from "./results-view.server";
import { listTemplates, ensureStarterTemplates } from "./templates.server";

/** Ways to split the results table and charts. */
export const DIMS = ["overall", "country", "gender", "role", "host_site"] as const;

/** Everything the evaluation page shows; `query` is the page's search params (by, stage). */
export function evaluationPage(actor: Actor, editionId: number, lng: string, query: URLSearchParams) {
  requireOrganizer(actor);
  const edition = getEdition(editionId);
  ensureStarterTemplates();
  const { results, rows, tr } = resultRows(actor, edition.id, lng);
  const by = (DIMS as readonly string[]).includes(query.get("by") ?? "") ? (query.get("by") as (typeof DIMS)[number]) : "overall";
  const later = results.surveys.filter((s) => rows.some((r) => r.surveyId === s.id));
  const wanted = Number(query.get("stage"));
  const stageId = later.some((s) => s.id === wanted) ? wanted : (later.at(-1)?.id ?? 0);
  const charts = [...new Set(rows.map((r) => r.indicatorId))].map((id) => {
    const mine = rows.filter((r) => r.indicatorId === id);
    const chosen = by === "overall" ? mine.filter((r) => r.dimension === "overall") : mine.filter((r) => r.dimension === by && r.surveyId === stageId);
    return {
      id,
      code: mine[0].code,
      name: mine[0].indicator,
      nameLang: mine[0].indicatorLang,
      group: mine[0].group,
      unit: mine[0].unit,
      direction: mine[0].direction,
      max: mine[0].unit === "%" ? 100 : undefined,
      rows: chosen.map((r) => ({ label: by === "overall" ? r.stage : r.groupLabel, before: r.baselineMean, after: r.laterMean, n: r.n, improved: r.improved })),
      supported: by === "overall" || mine.some((r) => r.dimension === by),
    };
  });
  const surveyLabels = Object.fromEntries(results.surveys.map((s) => [s.id, stageName(tr, s.stage, s.monthsAfter)]));
  const pulse = pulseMonitor(actor, edition.id);
  const templates = listTemplates();
  const indicators = listIndicators();
  return {
    edition: { id: edition.id, ...shownName(edition, lng), dates: `${formatDate(edition.startsOn, lng)} – ${formatDate(edition.endsOn, lng)}` },
    surveys: results.surveys.map((s) => ({ id: s.id, stage: s.stage, label: surveyLabels[s.id] })),
    followUps: results.surveys.filter((s) => s.stage === "follow_up").map((s) => s.monthsAfter),
    setup: (["baseline", "pulse", "end_of_visit", "follow_up"] as SurveyStage[]).map((stage) => ({
      stage,
      options: templates
        .filter((x) => x.stage === stage)
        .map((x) => ({ value: x.family, label: `${localText(x.title, lng)} (v${x.version})`, lang: pickText(x.title, lng).lang })),
    })),
    rates: results.rates.map((r) => ({ ...r, label: surveyLabels[r.surveyId] })),
    by,
    stageId,
    laterStages: later.map((s) => ({ id: s.id, label: surveyLabels[s.id] })),
    charts,
    actions: results.actions,
    pulse: {
      days: pulse.days.map((d) => ({ ...d, label: formatDate(d.day, lng) })),
      comments: pulse.comments.map((c) => ({ ...c, label: formatDate(c.day, lng) })),
    },
    anonymous: anonymousResults(actor, edition.id, lng),
    participants: results.cells.map((c) => ({ ...c, country: countryName(c.country, lng) })),
    adjustments: listAdjustments(edition.id).map((a) => ({
      id: a.id,
      what: a.what,
      why: a.why,
      status: a.status,
      by: a.by,
      at: formatDate(a.createdAt.slice(0, 10), lng),
      fromEdition: a.fromEditionName,
      fromEditionId: a.fromEditionId,
      indicators: a.evidence.indicatorIds.map((i) => localText(indicators.find((x) => x.id === i)?.name, lng) || `#${i}`),
      responseIds: a.evidence.responseIds,
      pulseDays: a.evidence.pulseDays.map((d) => formatDate(d, lng)),
    })),
    indicatorOptions: indicators.map((i) => ({ value: String(i.id), label: localText(i.name, lng) })),
    pulseDayOptions: pulse.days.map((d) => ({ value: d.day, label: formatDate(d.day, lng) })),
  };
}

/** The page's data as the browser receives it (JSON-serialised). */
export type EvaluationPageData = SerializeFrom<ReturnType<typeof evaluationPage>>;
