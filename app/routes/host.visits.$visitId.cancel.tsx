import { getFormProps, type FieldMetadata } from "@conform-to/react";
import { useAppForm } from "~/forms/use-app-form";
import { parseWithZod } from "~/forms/parse";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextAreaField } from "~/components/form";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { formatDate } from "~/domain/dates";
import { cancelVisitSchema } from "~/forms/visit";
import { cancelVisit, getVisit, visitInScope, listWhoIsComing, visitShownTexts } from "~/models/hosts.server";
import { remixI18n } from "~/i18n.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("hosts.visit.cancelTitle", { title: d.visit.title || t("hosts.visit.untitled", { id: d.visit.id }) }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const { visit, edition } = getVisit(actor, Number(params.visitId));
    const shown = visitShownTexts(visit, edition, lng).title;
    const participants = listWhoIsComing(actor, visit.id).map((p) => ({ placementId: p.placementId, name: p.name, nameLatin: p.nameLatin, status: p.status }));
    return json({
      visit: { id: visit.id, title: shown.text, titleLang: shown.lang, arrivalOn: visit.arrivalOn, departureOn: visit.departureOn, status: visit.status },
      participants,
      // Only organizers cancel offered or accepted placements (docs/design.md).
      mayCancel: actor.isOrganizer || participants.length === 0,
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const visitId = Number(params.visitId);
  await guard(() => visitInScope(actor, visitId));
  const form = await readForm(request);
  return handleForm(form, cancelVisitSchema, (v) => {
    cancelVisit(actor, visitId, v.reason);
    return redirect(`/host/visits/${visitId}`);
  });
}

export default function CancelVisit() {
  const { visit, participants, mayCancel } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const [form, fields] = useAppForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cancelVisitSchema }),
    shouldRevalidate: "onInput",
  });
  const title = visit.title || t("hosts.visit.untitled", { id: visit.id });
  return (
    <section className="card">
      <p>
        <Link to={`/host/visits/${visit.id}`}>← {visit.title ? <span lang={visit.titleLang}>{title}</span> : title}</Link>
      </p>
      <h1>
        <LocalTextIn i18nKey="hosts.visit.cancelTitle" name="title" value={{ text: title, lang: visit.title ? visit.titleLang : undefined }} />
      </h1>
      <p>
        {formatDate(visit.arrivalOn, i18n.language)} – {formatDate(visit.departureOn, i18n.language)}
      </p>
      {visit.status === "cancelled" ? (
        <p className="alert alert-warn">{t("hosts.errors.visitCancelled")}</p>
      ) : (
        <>
          {participants.length ? (
            <div className={mayCancel ? "alert alert-warn" : "alert alert-error"}>
              <p>{mayCancel ? t("hosts.visit.cancelAffects", { count: participants.length }) : t("hosts.errors.cancelHasParticipants")}</p>
              <ul>
                {participants.map((p) => (
                  <li key={p.placementId}>
                    {p.name}
                    {p.nameLatin && p.nameLatin !== p.name ? ` (${p.nameLatin})` : ""} · {t(`hosts.status.placement.${p.status}`)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {mayCancel ? (
            <Form method="post" className="stack" {...getFormProps(form)}>
              <FormErrors errors={form.errors} id={form.errorId} />
              <TextAreaField
                field={fields.reason as FieldMetadata<string | undefined>}
                label={t("hosts.visit.cancelReason")}
                hint={t("hosts.visit.cancelReasonHint")}
                required
                rows={3}
              />
              <div className="actions">
                <button type="submit" className="btn-danger">
                  {t("hosts.visit.cancelConfirm")}
                </button>
                <Link to={`/host/visits/${visit.id}`}>{t("hosts.visit.keep")}</Link>
              </div>
            </Form>
          ) : null}
        </>
      )}
    </section>
  );
}
