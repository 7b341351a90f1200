// /admin/editions/:id/trainings/new: the organizer schedules a training session. A slot picked on
// the free-slot page arrives as query parameters and fills the form (works without JavaScript).
// A session may repeat (issue 15, item 8): then the whole series is made, or nothing.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TrainingForm } from "~/components/training/TrainingForm";
import { formChoices, valuesFromQuery } from "~/components/training/views.server";
import { trainingSchema } from "~/forms/training";
import { remixI18n } from "~/i18n.server";
import { createTrainingSeries, saveTraining, editionForOrganizer } from "~/models/training.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { shownName } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("training.form.newTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const edition = editionForOrganizer(actor, Number(params.id));
    return json({
      edition: { id: edition.id, ...shownName(edition, lng) },
      choices: formChoices(actor, edition.id, lng),
      values: valuesFromQuery(new URL(request.url), { startDate: edition.startsOn }),
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const edition = await guard(() => editionForOrganizer(actor, Number(params.id)));
  const form = await readForm(request);
  return handleForm(form, trainingSchema, (v) => {
    if (v.repeat !== "none") {
      const { firstId } = createTrainingSeries(actor, { editionId: edition.id }, v, { locale: lng });
      return redirect(`/admin/trainings/${firstId}?saved=1`);
    }
    const id = saveTraining(actor, { editionId: edition.id }, v, { locale: lng });
    return redirect(`/admin/trainings/${id}?saved=1`);
  });
}

export default function NewTraining() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card">
      <p>
        <Link to={`/admin/editions/${d.edition.id}/trainings`}>
          ← <LocalTextIn i18nKey="training.list.title" name="edition" value={{ text: d.edition.name, lang: d.edition.lang }} />
        </Link>
      </p>
      <h1>{t("training.form.newTitle")}</h1>
      <TrainingForm lastResult={lastResult} defaultValue={d.values} choices={d.choices} isNew submitLabel={t("training.form.create")} />
    </section>
  );
}
