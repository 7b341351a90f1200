import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { VisitForm } from "~/components/hosts/VisitForm";
import { visitSchema } from "~/forms/visit";
import { getVisit, updateVisit, visitInScope, visitShownTexts } from "~/models/hosts.server";
import { remixI18n } from "~/i18n.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("hosts.visit.editTitle", { title: d.title || t("hosts.visit.untitled", { id: d.id }) }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const { visit, edition } = getVisit(actor, Number(params.visitId));
    const texts = visitShownTexts(visit, edition, lng);
    const shown = texts.title;
    return json({
      id: visit.id,
      status: visit.status,
      // The heading names the visit in the reader's language; the form edits English and translations.
      title: shown.text,
      titleLang: shown.lang,
      edition: { id: edition.id, name: texts.editionName.text, lang: texts.editionName.lang, startsOn: edition.startsOn, endsOn: edition.endsOn },
      values: {
        editionId: String(visit.editionId),
        title: visit.title,
        arrivalOn: visit.arrivalOn,
        departureOn: visit.departureOn,
        capacity: String(visit.capacity),
        perCountryCap: String(visit.perCountryCap),
        themes: visit.themes,
        languages: visit.languages,
        interpreterLanguages: visit.interpreterLanguages,
        homestay: visit.homestay ? "on" : undefined,
        notes: visit.notes,
        tr: visit.translations,
      },
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const visitId = Number(params.visitId);
  await guard(() => visitInScope(actor, visitId));
  const form = await readForm(request);
  return handleForm(form, visitSchema, (v) => {
    updateVisit(actor, visitId, v);
    return redirect(`/host/visits/${visitId}?saved=1`);
  });
}

export default function EditVisit() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const title = d.title || t("hosts.visit.untitled", { id: d.id });
  return (
    <section className="card">
      <p>
        <Link to={`/host/visits/${d.id}`}>← {d.title ? <span lang={d.titleLang}>{title}</span> : title}</Link>
      </p>
      <h1>
        <LocalTextIn i18nKey="hosts.visit.editTitle" name="title" value={{ text: title, lang: d.title ? d.titleLang : undefined }} />
      </h1>
      {d.status === "cancelled" ? (
        <p className="alert alert-warn">{t("hosts.errors.visitCancelled")}</p>
      ) : (
        <VisitForm lastResult={lastResult} defaultValue={d.values} fixedEdition={d.edition} submitLabel={t("common.save")} />
      )}
    </section>
  );
}
