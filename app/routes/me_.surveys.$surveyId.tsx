// Answering one survey as the signed-in participant (their accepted application in the survey's
// edition; anyone else gets 404). A partial answer can be saved and finished later.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SurveyForm } from "~/components/evaluation/SurveyForm";
import { SurveyHeader } from "~/components/evaluation/SurveyHeader";
import { evaluationLinks } from "~/components/evaluation/styles";
import { remixI18n } from "~/i18n.server";
import { surveyContext, participantFor, answerAction, surveyView } from "~/models/evaluation.server";
import { requireActor } from "~/session.server";
import { guard, idParam, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const links = evaluationLinks;
export const handle = pageTitle((_t, d) => d.view?.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const { survey, applicationId } = participantFor(actor, idParam(params.surveyId, "survey"));
    return json({ view: surveyView(surveyContext(survey.id, applicationId, new Date()), lng) });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const form = await readForm(request);
  return guard(() => {
    const { survey, applicationId } = participantFor(actor, idParam(params.surveyId, "survey"));
    return answerAction(form, { surveyId: survey.id, applicationId, language: lng }, (status) =>
      status === "submitted" ? `/me/surveys?done=${survey.id}` : `/me/surveys/${survey.id}?saved=1`,
    );
  });
}

export default function AnswerSurvey() {
  const { t } = useTranslation();
  const { view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const shown = result && "values" in result ? { ...view, values: result.values } : view;
  return (
    <section>
      <p>
        <Link to="/me/surveys">{t("evaluation.me.title")}</Link>
      </p>
      <SurveyHeader view={view} />
      {params.get("saved") ? (
        <p className="alert alert-ok" role="status">
          {t("evaluation.me.saved")}
        </p>
      ) : null}
      {view.status === "submitted" ? (
        <p className="alert alert-ok">{t("evaluation.survey.alreadySubmitted")}</p>
      ) : view.state !== "open" ? (
        <p className="alert alert-warn">{t(`evaluation.survey.state_${view.state}`, { from: view.opensOn, to: view.closesOn })}</p>
      ) : (
        <SurveyForm
          view={shown}
          errors={result && "errors" in result ? result.errors : undefined}
          formError={result && "formError" in result ? (result.formError ?? undefined) : undefined}
        />
      )}
    </section>
  );
}
