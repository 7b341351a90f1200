// Organizer: one application with every field and its audit trail; accept, waitlist or reject
// (a reason is required to reject). Each decision is an audit event.
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
import { decisionSchema } from "~/forms/review";
import { remixI18n } from "~/i18n.server";
import { eraseSensitiveDataFor } from "~/models/accounts.server";
import { decide, describeApplication, getApplicationForReview } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { langOfText } from "~/domain/script-lang";
import { pageTitle } from "~/utils/page-title";
import { CustomAnswers } from "~/components/review/CustomAnswers";
import { translatorFor } from "~/i18n.server";
import { answersForApplication } from "~/models/applications/questions.server";
import { participantCheckInCode, revokeCheckInToken } from "~/models/tracking.server";
import { passportForOrganizer, passportView } from "~/models/visa.server";
import { applicationDocuments } from "~/models/documents.server";
import { DocumentTable } from "~/components/documents/DocumentTable";

const yesNo = (lng: string) => {
  const tr = translatorFor(lng);
  return { yes: tr("common.yes"), no: tr("common.no") };
};

export const handle = pageTitle((t, d) => d.app?.name || t("admin.applications.unnamed"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const r = getApplicationForReview(actor, idParam(params.id, "application"), lng);
    return json({
      answers: answersForApplication(r.application.id, lng, yesNo(lng)),
      app: describeApplication(r.application, lng, true),
      edition: r.edition,
      nominatedBy: r.nominatedBy,
      quota: r.quota,
      actions: r.actions,
      editionEnded: r.editionEnded,
      trail: r.trail,
      checkInCode: r.application.status === "accepted" ? participantCheckInCode(r.application.id) : null,
      // Passport details for visa letters (issue 15 item 3): organizers only, as this page is.
      passport: passportView(passportForOrganizer(actor, r.application.id), lng),
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
    // Scope first: a non-organizer gets 404 whatever they posted.
    getApplicationForReview(actor, id);
    if (form.get("intent") === "erase_sensitive") {
      eraseSensitiveDataFor(actor, id);
      return redirect(`/admin/applications/${id}?done=erased`);
    }
    if (form.get("intent") === "revoke_checkin") {
      // A lost or copied badge (issue 14 item 5): the old QR code and short code stop working.
      revokeCheckInToken(actor, id);
      return redirect(`/admin/applications/${id}?done=revoke_checkin`);
    }
    return handleForm(form, decisionSchema, async (v) => {
      await decide(actor, id, v.intent, v.reason);
      return redirect(`/admin/applications/${id}?done=${v.intent}`);
    });
  });
}

export default function ReviewApplication() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useAppForm({
    id: `decide-${data.app.id}`,
    lastResult: lastResult && "status" in lastResult ? lastResult : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionSchema }),
    shouldRevalidate: "onInput",
  });
  const done = params.get("done");
  return (
    <>
      <p>
        <Link to="/admin/applications">{t("admin.applications.backToList")}</Link>
      </p>
      <h1 lang={langOfText(data.app.name)}>{data.app.name || t("admin.applications.unnamed")}</h1>
      <p>
        <StatusBadge status={data.app.status} /> · <span lang={data.edition.lang}>{data.edition.name}</span>
        {data.nominatedBy ? <> · {t("admin.app.nominatedBy", { name: data.nominatedBy.displayName })}</> : null}
      </p>
      {done ? (
        <p className="alert alert-ok" role="status">
          {t(`admin.decide.done.${done}`, { defaultValue: t("common.saved") })}
        </p>
      ) : null}
      {data.app.statusReason ? (
        <p className="alert alert-warn">
          {t("common.reason")}: {data.app.statusReason}
        </p>
      ) : null}
      <div className="grid grid-2">
        <section className="card" aria-labelledby="facts-h">
          <h2 id="facts-h">{t("admin.app.title")}</h2>
          <ApplicationFacts app={data.app} />
        </section>
        <CustomAnswers answers={data.answers} />
        <div className="stack">
          <section className="card" aria-labelledby="decide-h">
            <h2 id="decide-h">{t("admin.decide.title")}</h2>
            {data.quota !== null ? <p className="muted">{t("admin.decide.quota", { quota: data.quota })}</p> : null}
            {data.actions.length === 0 ? (
              <p className="muted">
                {data.editionEnded && data.app.status === "accepted"
                  ? t("admin.decide.endedAccepted")
                  : t("admin.decide.none", { status: t(`statuses.${data.app.status}`) })}
              </p>
            ) : (
              <Form method="post" className="stack" {...getFormProps(form)}>
                <FormErrors errors={form.errors} id={form.errorId} />
                <TextAreaField field={fields.reason} label={t("admin.decide.reason")} hint={t("admin.decide.reasonHint")} rows={3} />
                <div className="actions">
                  {data.actions.map((a) => (
                    <button
                      key={a}
                      type="submit"
                      name="intent"
                      value={a}
                      className={a === "reject" ? "btn-danger" : a === "waitlist" ? "btn-secondary" : undefined}
                    >
                      {t(`admin.decide.${a}`)}
                    </button>
                  ))}
                </div>
              </Form>
            )}
          </section>
          {data.app.status === "accepted" ? (
            <section className="card" aria-labelledby="checkin-h">
              <h2 id="checkin-h">{t("tracking.qr.adminTitle")}</h2>
              <p>
                {data.checkInCode ? (
                  <>
                    {t("tracking.qr.shortCode")}{" "}
                    <strong translate="no" data-testid="admin-checkin-code">
                      {data.checkInCode}
                    </strong>
                  </>
                ) : (
                  t("tracking.qr.notIssued")
                )}
              </p>
              <p className="muted">{t("tracking.qr.revokeHint")}</p>
              <Form method="post">
                <button type="submit" name="intent" value="revoke_checkin" className="btn-danger">
                  {t("tracking.qr.revoke")}
                </button>
              </Form>
            </section>
          ) : null}
          <section className="card" aria-labelledby="passport-h">
            <h2 id="passport-h">{t("visa.admin.title")}</h2>
            {data.passport ? (
              <>
                <dl className="facts">
                  <dt>{t("visa.letter.facts.passportName")}</dt>
                  <dd>{data.passport.passportName}</dd>
                  <dt>{t("visa.letter.facts.passportNumber")}</dt>
                  <dd translate="no">{data.passport.passportNumber}</dd>
                  <dt>{t("visa.letter.facts.issuingCountry")}</dt>
                  <dd>{data.passport.issuingCountry || "—"}</dd>
                  <dt>{t("visa.letter.facts.passportExpiry")}</dt>
                  <dd>{data.passport.expiresOn || "—"}</dd>
                </dl>
                <p className="muted">{t("visa.passport.consentGiven", { date: data.passport.consentOn })}</p>
              </>
            ) : (
              <p className="muted">{t("visa.admin.none")}</p>
            )}
            <p>
              <Link to={`/admin/editions/${data.edition.id}/visa-letters`}>{t("visa.overview.nav")}</Link>
            </p>
          </section>
          <section className="card" aria-labelledby="docs-h">
            <h2 id="docs-h">{t("documents.admin.title")}</h2>
            <DocumentTable documents={data.documents} />
          </section>
          <section className="card" aria-labelledby="erase-h">
            <h2 id="erase-h">{t("privacy.organizerErase")}</h2>
            <p className="muted">
              {t("privacy.organizerEraseText")} {t("visa.privacy.eraseNote")} {t("privacy.organizerEraseDocuments")}
            </p>
            <Form method="post">
              <button type="submit" name="intent" value="erase_sensitive" className="btn-danger">
                {t("privacy.erase")}
              </button>
            </Form>
          </section>
          <section className="card" aria-labelledby="trail-h">
            <h2 id="trail-h">{t("admin.trail.title")}</h2>
            <AuditTrail events={data.trail} locale={data.lng} timeZone={data.timeZone} />
            <p>
              <Link to={`/admin/audit?type=application&record=${data.app.id}`}>{t("audit.seeRecord")}</Link>
            </p>
          </section>
        </div>
      </div>
    </>
  );
}
