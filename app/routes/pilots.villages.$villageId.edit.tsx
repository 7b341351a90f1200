// Organizer: edit a pilot village.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VillageForm } from "~/components/pilots/VillageForm";
import { memberZoneChoices } from "~/domain/member-zones";
import { remixI18n } from "~/i18n.server";
import { villageSchema } from "~/forms/pilots.server";
import { getVillage, updateVillage } from "~/models/pilots.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("pilots.village.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const v = getVillage(actor, idParam(params.villageId, "pilot village"));
    return json({
      timeZones: memberZoneChoices(lng),
      village: {
        ...v,
        latitude: v.latitude ?? "",
        longitude: v.longitude ?? "",
        households: v.households ?? "",
        population: v.population ?? "",
      },
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const id = await guard(() => getVillage(actor, idParam(params.villageId, "pilot village")).id);
  const form = await readForm(request);
  return handleForm(form, villageSchema, (v) => {
    updateVillage(actor, id, v);
    return redirect(`/pilots?saved=village`);
  });
}

export default function EditVillage() {
  const { village, timeZones } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="card">
      <p>
        <Link to="/pilots">← {t("pilots.overview.title")}</Link>
      </p>
      <h1>
        {t("pilots.village.editTitle")}: {village.nameLatin || village.name}
      </h1>
      <VillageForm lastResult={lastResult} defaultValue={village} submitLabel={t("common.save")} timeZones={timeZones} />
    </section>
  );
}
