// Organizer: an edition's evaluation: set-up of its surveys, response rates per stage, baseline
// against later stages per indicator (paired), disaggregated, with charts beside tables and CSV,
// action-plan progress, the pulse monitor, who answered what (with fresh links), and the log of
// plan adjustments (with the checklist carried over from earlier editions).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdjustmentsSection } from "~/components/evaluation/AdjustmentsSection";
import { ParticipantsSection } from "~/components/evaluation/ParticipantsSection";
import { PulseSection } from "~/components/evaluation/PulseSection";
import { RatesSection } from "~/components/evaluation/RatesSection";
import { ResultsSection } from "~/components/evaluation/ResultsSection";
import { SetupSection } from "~/components/evaluation/SetupSection";
import { evaluationLinks } from "~/components/evaluation/styles";
import { countryName } from "~/domain/countries";
import { formatDate } from "~/domain/dates";
import { localText } from "~/domain/evaluation/text";
import { parseFollowUpMonths } from "~/domain/evaluation/timing";
import { adjustmentSchema, setupSchema } from "~/forms/evaluation";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { getEdition } from "~/models/editions.server";
import { NotFoundError, RuleError } from "~/models/errors";
import { listAdjustments, recordAdjustment, setAdjustmentStatus } from "~/models/evaluation/adjustments.server";
import { listIndicators } from "~/models/evaluation/indicators.server";
import { resendLink } from "~/models/evaluation/links.server";
import { pulseMonitor } from "~/models/evaluation/results.server";
import { resultRows, stageName } from "~/models/evaluation/results-view.server";
import { setupEvaluation } from "~/models/evaluation/surveys.server";
import { ensureStarterTemplates, listTemplates } from "~/models/evaluation/templates.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, messageKey, readForm } from "~/utils/http.server";
import type { SurveyStage } from "../../db/schema/evaluation";

export const links = evaluationLinks;
export const meta: MetaFunction = () => [{ title: "Evaluation · VLX" }];

const DIMS = ["overall", "country", "gender", "role", "host_site"] as const;


export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const url = new URL(request.url);
  return guard(() => {
    requireOrganizer(actor);
    const edition = getEdition(idParam(params.id, "edition"));
    ensureStarterTemplates();
    const { results, rows, tr } = resultRows(actor, edition.id, lng);
    const by = (DIMS as readonly string[]).includes(url.searchParams.get("by") ?? "") ? (url.searchParams.get("by") as (typeof DIMS)[number]) : "overall";
    const later = results.surveys.filter((s) => rows.some((r) => r.surveyId === s.id));
    const wanted = Number(url.searchParams.get("stage"));
    const stageId = later.some((s) => s.id === wanted) ? wanted : later.at(-1)?.id ?? 0;
    const charts = [...new Set(rows.map((r) => r.indicatorId))].map((id) => {
      const mine = rows.filter((r) => r.indicatorId === id);
      const chosen = by === "overall" ? mine.filter((r) => r.dimension === "overall") : mine.filter((r) => r.dimension === by && r.surveyId === stageId);
      return {
        id,
        code: mine[0].code,
        name: mine[0].indicator,
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
    return json({
      edition: { id: edition.id, name: edition.name, dates: `${formatDate(edition.startsOn, lng)} – ${formatDate(edition.endsOn, lng)}` },
      surveys: results.surveys.map((s) => ({ id: s.id, stage: s.stage, label: surveyLabels[s.id] })),
      followUps: results.surveys.filter((s) => s.stage === "follow_up").map((s) => s.monthsAfter),
      setup: (["baseline", "pulse", "end_of_visit", "follow_up"] as SurveyStage[]).map((stage) => ({
        stage,
        options: templates.filter((x) => x.stage === stage).map((x) => ({ value: x.family, label: `${localText(x.title, lng)} (v${x.version})` })),
      })),
      rates: results.rates.map((r) => ({ ...r, label: surveyLabels[r.surveyId] })),
      by,
      stageId,
      laterStages: later.map((s) => ({ id: s.id, label: surveyLabels[s.id] })),
      charts,
      actions: results.actions,
      pulse: { days: pulse.days.map((d) => ({ ...d, label: formatDate(d.day, lng) })), comments: pulse.comments.map((c) => ({ ...c, label: formatDate(c.day, lng) })) },
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
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(async () => {
    requireOrganizer(actor);
    const id = getEdition(idParam(params.id, "edition")).id;
    const back = `/admin/editions/${id}/evaluation`;
    const intent = form.get("intent");
    if (intent === "setup") {
      return handleForm(form, setupSchema, (v) => {
        setupEvaluation(actor, id, { followUpMonths: parseFollowUpMonths(v.followUpMonths)!, families: { baseline: v.baseline, pulse: v.pulse, end_of_visit: v.end_of_visit, follow_up: v.follow_up } });
        return redirect(`${back}?setup=1`);
      });
    }
    if (intent === "adjust") {
      return handleForm(form, adjustmentSchema, (v) => {
        recordAdjustment(actor, id, { what: v.what, why: v.why, indicatorIds: v.indicatorIds, responseIds: v.responseIds, pulseDays: v.pulseDays });
        return redirect(`${back}?adjusted=1#adjustments`);
      });
    }
    if (intent === "adjustment-status") {
      const status = String(form.get("status"));
      if (status !== "open" && status !== "done" && status !== "dropped") throw new NotFoundError("status");
      setAdjustmentStatus(actor, id, Number(form.get("adjustmentId")) || 0, status);
      return redirect(`${back}#adjustments`);
    }
    if (intent === "resend") {
      try {
        await resendLink(actor, Number(form.get("surveyId")) || 0, Number(form.get("applicationId")) || 0);
      } catch (e) {
        if (e instanceof RuleError) return json({ error: messageKey(e.key, e.params) }, { status: 409 });
        throw e;
      }
      return redirect(`${back}?resent=1#participants`);
    }
    throw new NotFoundError("intent");
  });
}

export type EvaluationPageData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function EditionEvaluation() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const intent = (result as { initialValue?: { intent?: string } } | undefined)?.initialValue?.intent;
  return (
    <>
      <p>
        <Link to="/admin/evaluation">{t("evaluation.admin.title")}</Link>
      </p>
      <h1>{t("evaluation.edition.title", { name: data.edition.name })}</h1>
      <p className="muted">{data.edition.dates}</p>
      {params.get("setup") ? <p className="alert alert-ok" role="status">{t("evaluation.edition.setupDone")}</p> : null}
      {params.get("resent") ? <p className="alert alert-ok" role="status">{t("evaluation.edition.resent")}</p> : null}
      {result && "error" in (result as object) ? <p className="alert alert-error" role="alert">{t(String((result as { error: string }).error).split("|")[0])}</p> : null}
      <SetupSection data={data} lastResult={intent === "setup" ? (result as never) : undefined} />
      {data.surveys.length ? (
        <>
          <RatesSection data={data} />
          <ResultsSection data={data} />
          <PulseSection data={data} />
          <ParticipantsSection data={data} />
        </>
      ) : null}
      <AdjustmentsSection data={data} lastResult={intent === "adjust" ? (result as never) : undefined} saved={!!params.get("adjusted")} />
    </>
  );
}
