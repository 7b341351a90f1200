// "My surveys": the participant's evaluation surveys per edition: what is open now, what was
// answered, what comes later. Works on a phone without JavaScript.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { stageLabel } from "~/components/evaluation/SurveyHeader";
import { evaluationLinks } from "~/components/evaluation/styles";
import { formatDate } from "~/domain/dates";
import { remixI18n } from "~/i18n.server";
import { listMySurveys } from "~/models/evaluation.server";
import { requireActor } from "~/session.server";
import { pageTitle } from "~/utils/page-title";

export const links = evaluationLinks;
export const handle = pageTitle("evaluation.me.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const editions = listMySurveys(actor, lng).map((e) => ({
    ...e,
    surveys: e.surveys.map((s) => ({ ...s, opensOn: formatDate(s.opensOn, lng), closesOn: formatDate(s.closesOn, lng) })),
  }));
  return json({ editions });
}

export default function MySurveys() {
  const { t, i18n } = useTranslation();
  const { editions } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <section>
      <p>
        <Link to="/me">{t("common.back")}</Link>
      </p>
      <h1>{t("evaluation.me.title")}</h1>
      {params.get("done") ? (
        <p className="alert alert-ok" role="status">
          {t("evaluation.me.thanks")}
        </p>
      ) : null}
      {params.get("saved") ? (
        <p className="alert alert-ok" role="status">
          {t("evaluation.me.saved")}
        </p>
      ) : null}
      {editions.length === 0 ? <p>{t("evaluation.me.none")}</p> : null}
      {editions.map((e) => (
        <section key={e.applicationId} className="card" aria-labelledby={`ed-${e.editionId}`}>
          <h2 id={`ed-${e.editionId}`} style={{ marginTop: 0 }} lang={e.editionLang}>
            {e.editionName}
          </h2>
          <ul className="survey-list">
            {e.surveys.map((s) => {
              const label = stageLabel(t, s.stage, s.monthsAfter, i18n.language);
              return (
                <li key={s.id}>
                  <strong>{label}</strong>: <span lang={s.titleLang}>{s.title}</span>
                  <br />
                  <span className="muted">{t("evaluation.me.window", { from: s.opensOn, to: s.closesOn })}</span>
                  <br />
                  {s.response === "submitted" && s.stage !== "pulse" ? (
                    <span className="badge badge-accepted">{t("evaluation.me.answered")}</span>
                  ) : s.state === "open" ? (
                    <Link
                      className="btn btn-small"
                      to={`/me/surveys/${s.id}`}
                      aria-label={`${s.response === "draft" ? t("evaluation.me.continue") : t("evaluation.me.answer")}: ${label}`}
                    >
                      {s.response === "draft"
                        ? t("evaluation.me.continue")
                        : s.response === "submitted"
                          ? t("evaluation.me.answeredToday")
                          : t("evaluation.me.answer")}
                    </Link>
                  ) : (
                    <span className="badge badge-draft">{t(`evaluation.state.${s.state}`)}</span>
                  )}
                  {s.stage === "pulse" && s.answeredDays ? <span className="muted"> {t("evaluation.me.pulseDays", { count: s.answeredDays })}</span> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
