// /me/trainings/:trainingId: a training session of the participant's itinerary (or open to them
// for enrolment): details, and enrol / leave (a waiting list when full). 404 outside their scope.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/form";
import { LocalText } from "~/components/i18n/LocalText";
import { db } from "~/db.server";
import { formatForViewer } from "~/domain/training";
import { pickField } from "~/domain/local-text";
import { languageName } from "~/domain/vocabulary";
import { remixI18n } from "~/i18n.server";
import { enrol, leave, myEnrolment, participantTraining } from "~/models/training.server";
import { NotFoundError } from "~/models/errors";
import { requireActor } from "~/session.server";
import { guard, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((_t, d) => d.training?.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const found = participantTraining(actor, Number(params.trainingId));
    if (!found) throw new NotFoundError("training");
    const r = found.training;
    const mine = myEnrolment(db(), r.id, found.plan.applicationId);
    return json({
      training: {
        id: r.id,
        title: pickField(r.title, r.translations, "title", lng).text,
        titleLang: pickField(r.title, r.translations, "title", lng).lang,
        type: r.type,
        status: r.status,
        description: pickField(r.description, r.translations, "description", lng),
        when: formatForViewer(r.startsAt, r.endsAt, r.timeZone, found.homeZone, { locale: lng }),
        venue: r.venueName,
        onlineUrl: r.onlineUrl,
        language: languageName(r.deliveryLanguage, lng),
        trainers: r.trainers.join(", "),
        interpreters: r.interpreters.join(", "),
        audience: r.audience,
        capacity: r.capacity,
        enrolled: r.enrolled,
      },
      enrolment: mine && mine.status !== "cancelled" ? mine : null,
      canEnrol: r.audience === "enrol" && r.status === "scheduled",
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const id = Number(params.trainingId);
  const form = await readForm(request);
  const intent = form.get("intent");
  try {
    await guard(() => (intent === "leave" ? leave(actor, id) : enrol(actor, id, lng)));
  } catch (e) {
    if (e instanceof Response && e.status === 409) return json(await e.json(), { status: 409 });
    throw e;
  }
  return redirect(`/me/trainings/${id}?done=${intent === "leave" ? "left" : "enrolled"}`);
}

export default function MyTraining() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as { error?: string } | undefined;
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const tr = d.training;
  return (
    <section className="card">
      <p>
        <Link to="/me/itinerary">← {t("training.itinerary.title")}</Link>
      </p>
      <h1 lang={tr.titleLang}>{tr.title}</h1>
      {params.get("done") ? (
        <p className="alert alert-ok" role="status">
          {t(`training.enrolment.done.${params.get("done") === "left" ? "left" : "enrolled"}`)}
        </p>
      ) : null}
      <FormErrors errors={a?.error ? [a.error] : undefined} />
      <dl className="facts">
        <dt>{t("training.form.type")}</dt>
        <dd>
          {t(`training.types.${tr.type}`)}{" "}
          {tr.status !== "scheduled" ? <span className={`badge badge-${tr.status}`}>{t(`training.status.${tr.status}`)}</span> : null}
        </dd>
        <dt>{t("training.itinerary.when")}</dt>
        <dd>
          {tr.when.venue}
          {tr.when.viewer ? <span className="itin-home">{t("training.itinerary.homeTime", { time: tr.when.viewer })}</span> : null}
        </dd>
        <dt>{t("training.itinerary.venue")}</dt>
        <dd>{tr.venue ?? t("training.itinerary.online")}</dd>
        {tr.onlineUrl ? (
          <>
            <dt>{t("training.form.onlineUrl")}</dt>
            <dd>
              <a href={tr.onlineUrl}>{tr.onlineUrl}</a>
            </dd>
          </>
        ) : null}
        <dt>{t("training.itinerary.language")}</dt>
        <dd>{tr.language}</dd>
        {tr.trainers ? (
          <>
            <dt>{t("training.form.trainers")}</dt>
            <dd>{tr.trainers}</dd>
          </>
        ) : null}
        {tr.interpreters ? (
          <>
            <dt>{t("training.itinerary.interpreters")}</dt>
            <dd>{tr.interpreters}</dd>
          </>
        ) : null}
        {tr.audience === "enrol" ? (
          <>
            <dt>{t("training.enrolment.seats")}</dt>
            <dd>{t("training.enrolment.seatsText", { enrolled: tr.enrolled, capacity: tr.capacity ?? "∞" })}</dd>
          </>
        ) : null}
      </dl>
      {tr.description.text ? <LocalText as="p" value={tr.description} /> : null}
      {d.enrolment ? (
        <p>
          <span className={`badge badge-${d.enrolment.status}`}>
            {d.enrolment.status === "waitlisted" ? t("training.enrolment.waitlistedAt", { position: d.enrolment.position }) : t("training.enrolment.enrolled")}
          </span>
        </p>
      ) : null}
      {d.canEnrol ? (
        <Form method="post" className="actions">
          {d.enrolment ? (
            <button type="submit" name="intent" value="leave" className="btn-secondary btn">
              {t("training.enrolment.leave")}
            </button>
          ) : (
            <button type="submit" name="intent" value="enrol">
              {t("training.enrolment.enrol")}
            </button>
          )}
        </Form>
      ) : null}
    </section>
  );
}
