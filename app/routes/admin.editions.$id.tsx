// Organizer: edit an edition and its quotas.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EditionForm, type EditionDefaults } from "~/components/review/EditionForm";
import { memberCountries } from "~/domain/country-names";
import { timeZoneChoices } from "~/domain/intl";
import { parseEditionForm } from "~/forms/review";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { getEdition, getQuotas, updateEdition } from "~/models/editions.server";
import { FieldErrors } from "~/models/errors";
import { memberTimeZones } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { guard, idParam, readForm } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { shownName } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("admin.editions.edit", { name: d.name }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    const e = getEdition(idParam(params.id, "edition"));
    const quotas = getQuotas(e.id);
    const defaultValue: EditionDefaults = {
      name: e.name,
      ordinal: String(e.ordinal),
      mode: e.mode,
      hostCountries: e.hostCountries,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      applicationsOpenOn: e.applicationsOpenOn,
      applicationsCloseOn: e.applicationsCloseOn,
      timeZone: e.timeZone,
      themes: e.themes,
      description: e.description,
      tr: e.translations,
      ...Object.fromEntries(Object.entries(quotas).map(([c, q]) => [`quota_${c}`, String(q)])),
    };
    // The heading names the edition in the reader's language; the form edits English and translations.
    return json({
      id: e.id,
      ...shownName(e, lng),
      defaultValue,
      countries: memberCountries(lng),
      timeZones: timeZoneChoices(memberTimeZones(e.timeZone), lng),
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(() => {
    requireOrganizer(actor);
    const id = idParam(params.id, "edition");
    getEdition(id);
    const submission = parseEditionForm(form);
    if (submission.status !== "success") return json(submission.reply(), { status: 400 });
    try {
      updateEdition(actor, id, submission.value);
    } catch (e) {
      if (e instanceof FieldErrors) return json(submission.reply({ fieldErrors: e.fields }), { status: 400 });
      throw e;
    }
    return redirect(`/admin/editions?saved=${id}`);
  });
}

export default function EditEdition() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="card">
      <p>
        <Link to="/admin/editions">{t("common.back")}</Link>
      </p>
      <h1>
        <LocalTextIn i18nKey="admin.editions.edit" name="name" value={{ text: data.name, lang: data.lang }} />
      </h1>
      <nav aria-label={t("admin.editionNav.label")} className="no-print">
        <ul className="pill-list">
          {(["visits", "placement", "trainings", "dashboard", "evaluation"] as const).map((k) => (
            <li key={k}>
              <Link to={`/admin/editions/${data.id}/${k}`}>{t(`admin.editionNav.${k}`)}</Link>
            </li>
          ))}
          <li>
            <Link to={`/admin/editions/${data.id}/questions`}>{t("secretariat.questions.nav")}</Link>
          </li>
          <li>
            <Link to={`/admin/editions/${data.id}/visa-letters`}>{t("visa.overview.nav")}</Link>
            <Link to={`/admin/editions/${data.id}/documents`}>{t("documents.admin.gapsLink")}</Link>
          </li>
        </ul>
      </nav>
      <EditionForm
        key={data.id}
        lastResult={lastResult}
        defaultValue={data.defaultValue}
        countries={data.countries}
        timeZones={data.timeZones}
        submitLabel={t("common.save")}
      />
    </section>
  );
}
