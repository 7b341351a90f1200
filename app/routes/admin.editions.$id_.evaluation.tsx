// Organizer: an edition's evaluation: set-up of its surveys, response rates per stage, baseline
// against later stages per indicator (paired), disaggregated, with charts beside tables and CSV,
// action-plan progress, the pulse monitor, who answered what (with fresh links), and the log of
// plan adjustments (with the checklist carried over from earlier editions).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdjustmentsSection } from "~/components/evaluation/AdjustmentsSection";
import { AnonymousSection } from "~/components/evaluation/AnonymousSection";
import { ParticipantsSection } from "~/components/evaluation/ParticipantsSection";
import { PulseSection } from "~/components/evaluation/PulseSection";
import { RatesSection } from "~/components/evaluation/RatesSection";
import { ResultsSection } from "~/components/evaluation/ResultsSection";
import { SetupSection } from "~/components/evaluation/SetupSection";
import { evaluationLinks } from "~/components/evaluation/styles";
import { parseFollowUpMonths } from "~/domain/evaluation/timing";
import { adjustmentSchema, setupSchema } from "~/forms/evaluation";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { getEdition } from "~/models/editions.server";
import { NotFoundError, RuleError } from "~/models/errors";
import { recordAdjustment, setAdjustmentStatus, evaluationPage, resendLink, setupEvaluation } from "~/models/evaluation.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, messageKey, readForm } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { pageTitle } from "~/utils/page-title";

export const links = evaluationLinks;
export const handle = pageTitle((t, d) => t("evaluation.edition.title", { name: d.edition.name }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const query = new URL(request.url).searchParams;
  return guard(() => json(evaluationPage(actor, idParam(params.id, "edition"), lng, query)));
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
        setupEvaluation(actor, id, {
          followUpMonths: parseFollowUpMonths(v.followUpMonths)!,
          families: { baseline: v.baseline, pulse: v.pulse, end_of_visit: v.end_of_visit, follow_up: v.follow_up },
        });
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
      <h1>
        <LocalTextIn i18nKey="evaluation.edition.title" name="name" value={{ text: data.edition.name, lang: data.edition.lang }} />
      </h1>
      <p className="muted">{data.edition.dates}</p>
      {params.get("setup") ? (
        <p className="alert alert-ok" role="status">
          {t("evaluation.edition.setupDone")}
        </p>
      ) : null}
      {params.get("resent") ? (
        <p className="alert alert-ok" role="status">
          {t("evaluation.edition.resent")}
        </p>
      ) : null}
      {result && "error" in (result as object) ? (
        <p className="alert alert-error" role="alert">
          {t(String((result as { error: string }).error).split("|")[0])}
        </p>
      ) : null}
      <SetupSection data={data} lastResult={intent === "setup" ? (result as never) : undefined} />
      {data.surveys.length ? (
        <>
          <RatesSection data={data} />
          <ResultsSection data={data} />
          <PulseSection data={data} />
          <AnonymousSection data={data} editionId={data.edition.id} />
          <ParticipantsSection data={data} />
        </>
      ) : null}
      <AdjustmentsSection data={data} lastResult={intent === "adjust" ? (result as never) : undefined} saved={!!params.get("adjusted")} />
    </>
  );
}
