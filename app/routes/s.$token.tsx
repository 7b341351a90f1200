// A personal survey link from a reminder mail: answers one survey without logging in. The link
// works until the survey is submitted through it, expires after the stage closes, and stops when a
// newer one is sent. A link that does not work shows a clear page and no data.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SurveyForm } from "~/components/evaluation/SurveyForm";
import { SurveyHeader } from "~/components/evaluation/SurveyHeader";
import { evaluationLinks } from "~/components/evaluation/styles";
import { supportedLngs } from "~/i18n";
import { lngCookie, remixI18n } from "~/i18n.server";
import { markLinkUsed, resolveLink, surveyContext, answerAction, surveyView } from "~/models/evaluation.server";
import { readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const links = evaluationLinks;
export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];
export const handle = pageTitle((t, d) => (d.ok ? d.view?.title : t(`evaluation.link.${d.reason}Title`)));

type Dead = { ok: false; reason: "invalid" | "expired" | "used" };

function dead(reason: Dead["reason"]) {
  return json({ ok: false, reason } as Dead, { status: reason === "invalid" ? 404 : 410 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const link = resolveLink(params.token ?? "");
  if (!link.ok) return dead(link.reason);
  const ctx = surveyContext(link.surveyId, link.applicationId, new Date(), { period: link.period });
  if (ctx.answered) return dead("used");
  // Speak the participant's language on first opening (a cookie, so the switcher still works).
  const chosen = await lngCookie.parse(request.headers.get("Cookie"));
  const lng = await remixI18n.getLocale(request);
  if (!chosen && ctx.stay.locale !== lng && (supportedLngs as readonly string[]).includes(ctx.stay.locale)) {
    throw redirect(new URL(request.url).pathname + new URL(request.url).search, { headers: { "Set-Cookie": await lngCookie.serialize(ctx.stay.locale) } });
  }
  return json({ ok: true as const, view: surveyView(ctx, lng) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const link = resolveLink(token);
  if (!link.ok) return dead(link.reason);
  const lng = await remixI18n.getLocale(request);
  const form = await readForm(request);
  return answerAction(
    form,
    {
      surveyId: link.surveyId,
      applicationId: link.applicationId,
      period: link.period,
      language: lng,
      onSubmit: (tx, _id, anonymous) => markLinkUsed(tx, link.tokenHash, new Date(), anonymous),
    },
    (status) => (status === "submitted" ? `/s/${token}?done=1` : `/s/${token}?saved=1`),
  );
}

export default function SurveyByLink() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  if (!data.ok) {
    if (data.reason === "used" && params.get("done")) {
      return (
        <section className="card">
          <h1>{t("evaluation.link.thanksTitle")}</h1>
          <p>{t("evaluation.link.thanks")}</p>
          <p>
            <Link to="/me/surveys">{t("evaluation.me.title")}</Link>
          </p>
        </section>
      );
    }
    return (
      <section className="card">
        <h1>{t(`evaluation.link.${data.reason}Title`)}</h1>
        <p>{t(`evaluation.link.${data.reason}`)}</p>
        <p>
          <Link to="/me/surveys">{t("evaluation.link.logIn")}</Link>
        </p>
      </section>
    );
  }
  const view = data.view;
  const dead = result && "ok" in result ? (result as Dead) : null;
  if (dead) {
    return (
      <section className="card">
        <h1>{t(`evaluation.link.${dead.reason}Title`)}</h1>
        <p>{t(`evaluation.link.${dead.reason}`)}</p>
      </section>
    );
  }
  const posted = result && "values" in result ? result : null;
  return (
    <section>
      <SurveyHeader view={view} />
      {params.get("saved") ? (
        <p className="alert alert-ok" role="status">
          {t("evaluation.link.saved")}
        </p>
      ) : null}
      {view.state !== "open" ? (
        <p className="alert alert-warn">{t(`evaluation.survey.state_${view.state}`, { from: view.opensOn, to: view.closesOn })}</p>
      ) : (
        <SurveyForm view={posted ? { ...view, values: posted.values } : view} errors={posted?.errors} formError={posted?.formError ?? undefined} />
      )}
    </section>
  );
}
