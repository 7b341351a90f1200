// Organizer: a new edition.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EditionForm } from "~/components/review/EditionForm";
import { memberCountries } from "~/domain/country-names";
import { timeZoneChoices } from "~/domain/intl";
import { parseEditionForm } from "~/forms/review";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { createEdition } from "~/models/editions.server";
import { memberTimeZones } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { guard, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("admin.editions.new");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    return json({ countries: memberCountries(lng), timeZones: timeZoneChoices(memberTimeZones(), lng) });
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(() => {
    requireOrganizer(actor);
    const submission = parseEditionForm(form);
    if (submission.status !== "success") return json(submission.reply(), { status: 400 });
    const id = createEdition(actor, submission.value);
    return redirect(`/admin/editions?saved=${id}`);
  });
}

export default function NewEdition() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="card">
      <p>
        <Link to="/admin/editions">{t("common.back")}</Link>
      </p>
      <h1>{t("admin.editions.new")}</h1>
      <EditionForm lastResult={lastResult} countries={data.countries} timeZones={data.timeZones} submitLabel={t("admin.editions.create")} />
    </section>
  );
}
