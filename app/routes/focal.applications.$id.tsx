// Focal point: one application of their country; endorse it (within the country's quota) or
// return it to the leader with a reason. Another country's application answers 404.
import { getFormProps } from "@conform-to/react";
import { useAppForm } from "~/forms/use-app-form";
import { parseWithZod } from "~/forms/parse";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextAreaField } from "~/components/form";
import { ApplicationFacts } from "~/components/review/ApplicationFacts";
import { AuditTrail } from "~/components/review/AuditTrail";
import { StatusBadge } from "~/components/review/StatusBadge";
import { focalActionSchema } from "~/forms/review";
import { remixI18n } from "~/i18n.server";
import { endorse, getCountryApplication, returnToDraft, describeApplication } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { langOfText } from "~/domain/script-lang";
import { pageTitle } from "~/utils/page-title";
import { CustomAnswers } from "~/components/review/CustomAnswers";
import { translatorFor } from "~/i18n.server";
import { answersForApplication } from "~/models/applications/questions.server";
import { applicationDocuments } from "~/models/documents.server";
import { DocumentTable } from "~/components/documents/DocumentTable";

const yesNo = (lng: string) => {
  const tr = translatorFor(lng);
  return { yes: tr("common.yes"), no: tr("common.no") };
};

export const handle = pageTitle((t, d) => d.app?.name || t("focal.home.unnamed"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const r = getCountryApplication(actor, idParam(params.id, "application"), lng);
    return json({
      answers: answersForApplication(r.application.id, lng, yesNo(lng)),
      app: describeApplication(r.application, lng, false),
      country: r.application.nationality,
      edition: r.edition,
      quota: r.quota,
      used: r.used,
      actions: r.actions,
      trail: r.trail,
      documents: applicationDocuments(actor, r.application.id),
      lng,
      timeZone: actor.timeZone,
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(async () => {
    const id = idParam(params.id, "application");
    // Scope first: another country's application is 404 whatever was posted.
    getCountryApplication(actor, id);
    return handleForm(form, focalActionSchema, async (v) => {
      if (v.intent === "endorse") await endorse(actor, id);
      else await returnToDraft(actor, id, v.reason);
      return redirect(`/focal/applications/${id}?done=${v.intent}`);
    });
  });
}

export default function FocalApplication() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const reply = lastResult && "status" in lastResult ? lastResult : undefined;
  const replyIntent = (reply?.initialValue as { intent?: string } | undefined)?.intent;
  const [endorseForm] = useAppForm({
    id: "endorse",
    lastResult: replyIntent === "endorse" ? reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: focalActionSchema }),
  });
  const [returnForm, returnFields] = useAppForm({
    id: "return",
    lastResult: replyIntent === "return" ? reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: focalActionSchema }),
    shouldRevalidate: "onInput",
  });
  const done = params.get("done");
  const full = data.quota !== null && data.used >= data.quota;
  return (
    <>
      <p>
        <Link to={`/focal?edition=${data.edition.id}&country=${data.country}`}>{t("focal.app.back")}</Link>
      </p>
      <h1 lang={langOfText(data.app.name)}>{data.app.name || t("focal.home.unnamed")}</h1>
      <p>
        <StatusBadge status={data.app.status} /> · <span lang={data.edition.lang}>{data.edition.name}</span>
      </p>
      {done ? (
        <p className="alert alert-ok" role="status">
          {t(`focal.app.done.${done}`, { defaultValue: t("common.saved") })}
        </p>
      ) : null}
      {data.app.statusReason ? (
        <p className="alert alert-warn">
          {t("common.reason")}: {data.app.statusReason}
        </p>
      ) : null}
      <div className="grid grid-2">
        <section className="card" aria-labelledby="facts-h">
          <h2 id="facts-h">{t("focal.app.title")}</h2>
          <ApplicationFacts app={data.app} />
        </section>
        <CustomAnswers answers={data.answers} />
        <div className="stack">
          <section className="card" aria-labelledby="act-h">
            <h2 id="act-h">{t("focal.app.actions")}</h2>
            <p className="quota">
              {data.quota === null ? t("focal.quota.none", { used: data.used }) : t("focal.quota.used", { used: data.used, quota: data.quota })}
            </p>
            {data.actions.length === 0 ? <p className="muted">{t("focal.app.noActions", { status: t(`statuses.${data.app.status}`) })}</p> : null}
            {data.actions.includes("endorse") ? (
              <Form method="post" className="stack" {...getFormProps(endorseForm)}>
                <FormErrors errors={endorseForm.errors} id={endorseForm.errorId} />
                {full ? <p className="alert alert-warn">{t("focal.app.quotaFullHint")}</p> : null}
                <input type="hidden" name="intent" value="endorse" />
                {/* With the quota full the server refuses anyway; no button invites a click that must fail. */}
                {full ? null : (
                  <div className="actions">
                    <button type="submit">{t("focal.app.endorse")}</button>
                  </div>
                )}
              </Form>
            ) : null}
            {data.actions.includes("return") ? (
              <Form method="post" className="stack" {...getFormProps(returnForm)}>
                <h3>{t("focal.app.returnTitle")}</h3>
                <FormErrors errors={returnForm.errors} id={returnForm.errorId} />
                <input type="hidden" name="intent" value="return" />
                <TextAreaField field={returnFields.reason} label={t("focal.app.reason")} hint={t("focal.app.reasonHint")} rows={3} required />
                <div className="actions">
                  <button type="submit" className="btn-secondary">
                    {t("focal.app.return")}
                  </button>
                </div>
              </Form>
            ) : null}
          </section>
          <section className="card" aria-labelledby="docs-h">
            <h2 id="docs-h">{t("documents.admin.title")}</h2>
            <DocumentTable documents={data.documents} />
          </section>
          <section className="card" aria-labelledby="trail-h">
            <h2 id="trail-h">{t("focal.app.trail")}</h2>
            <AuditTrail events={data.trail} locale={data.lng} timeZone={data.timeZone} />
          </section>
        </div>
      </div>
    </>
  );
}
