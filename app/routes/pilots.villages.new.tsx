// Organizer: a new pilot village.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VillageForm } from "~/components/pilots/VillageForm";
import { memberZoneChoices } from "~/domain/member-zones";
import { remixI18n } from "~/i18n.server";
import { villageSchema } from "~/forms/pilots.server";
import { requireOrganizer } from "~/models/actor";
import { createVillage } from "~/models/pilots.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("pilots.village.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    return json({ timeZones: memberZoneChoices(lng) });
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  await guard(() => requireOrganizer(actor));
  const form = await readForm(request);
  return handleForm(form, villageSchema, (v) => {
    createVillage(actor, v);
    return redirect(`/pilots?saved=village`);
  });
}

export default function NewVillage() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const { timeZones } = useLoaderData<typeof loader>();
  return (
    <section className="card">
      <p>
        <Link to="/pilots">← {t("pilots.overview.title")}</Link>
      </p>
      <h1>{t("pilots.village.newTitle")}</h1>
      <VillageForm lastResult={lastResult} submitLabel={t("pilots.village.create")} timeZones={timeZones} />
    </section>
  );
}
