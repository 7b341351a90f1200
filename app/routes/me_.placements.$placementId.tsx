// /me/placements/:placementId: the participant's offer (in their language): where and when, the
// reply-by date in the visit's time zone, and Accept / Decline. Another person's placement, or a
// proposal not yet sent, answers 404.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextAreaField } from "~/components/form";
import { LocalText } from "~/components/i18n/LocalText";
import { PlacementBadge } from "~/components/placement/PlacementBadge";
import { placementLinks } from "~/components/placement/styles";
import { memberCountryName as countryName } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { timeZoneDisplayName } from "~/domain/intl";
import { pickField, siteNames } from "~/domain/local-text";
import { languageName } from "~/domain/vocabulary";
import { replySchema } from "~/forms/placement.server";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import { acceptOffer, declineOffer, getOwnPlacement } from "~/models/placement.server";
import { remixI18n } from "~/i18n.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm, type FormReply } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { SiteName } from "~/components/i18n/SiteName";

export const links = placementLinks;
export const handle = pageTitle("placement.offer.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const r = getOwnPlacement(actor, idParam(params.placementId, "placement"));
    return json({
      id: r.p.id,
      status: r.p.status,
      replyBy: r.p.replyBy,
      editionName: pickField(r.editionName, r.editionTranslations, "name", lng).text,
      title: r.visit.title ? pickField(r.visit.title, r.visit.translations, "title", lng) : null,
      site: siteNames(r.site, lng),
      place: [r.site.district, r.site.province].filter(Boolean).join(", "),
      countryCode: r.site.countryCode,
      // The zone by its name in the reader's language ("Indochina Time"), not "Asia/Phnom_Penh".
      timeZone: timeZoneDisplayName(r.site.timeZone, lng),
      arrivalOn: r.visit.arrivalOn,
      departureOn: r.visit.departureOn,
      themes: r.visit.themes,
      languages: r.visit.languages,
      interpreterLanguages: r.visit.interpreterLanguages,
      homestay: r.visit.homestay,
      // Dates, country and language names are written on the server: a browser without the
      // language's Intl data (Chromium has none for km, lo, my) would otherwise write them in
      // English and the page would no longer match what the server sent.
      shown: {
        country: countryName(r.site.countryCode, lng),
        dates: `${formatDate(r.visit.arrivalOn, lng, "long")} – ${formatDate(r.visit.departureOn, lng, "long")}`,
        replyBy: formatDate(r.p.replyBy, lng, "long"),
        languages: r.visit.languages.map((c) => languageName(c, lng)).join(", "),
        interpreterLanguages: r.visit.interpreterLanguages.map((c) => languageName(c, lng)).join(", "),
      },
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(async () => {
    const id = idParam(params.placementId, "placement");
    getOwnPlacement(actor, id); // scope first: 404 for anyone else's placement
    return handleForm(form, replySchema, (v) => {
      if (v.intent === "accept") acceptOffer(actor, id);
      else declineOffer(actor, id, v.reason);
      return redirect(`/me/placements/${id}?done=${v.intent}`);
    });
  });
}

export default function MyPlacement() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>() as FormReply | undefined;
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const done = params.get("done");
  const [form, fields] = useServerForm<{ intent: string; reason?: string }>({
    id: `reply-${d.id}`,
    lastResult,
  });
  return (
    <section className="stack">
      <p>
        <Link to="/me">← {t("placement.offer.back")}</Link>
      </p>
      <h1>{t("placement.offer.title")}</h1>
      {done === "accept" || done === "decline" ? (
        <p className="alert alert-ok" role="status">
          {t(`placement.offer.done.${done}`)}
        </p>
      ) : null}
      <article className="card" aria-labelledby="visit-h">
        {d.title ? <LocalText as="h2" id="visit-h" value={d.title} /> : <LocalText as="h2" id="visit-h" value={d.site.name} />}
        <p>
          <PlacementBadge status={d.status} />
        </p>
        {d.status === "offered" ? <p>{t("placement.offer.intro", { edition: d.editionName })}</p> : null}
        <dl className="pl-kv">
          <dt>{t("placement.offer.where")}</dt>
          <dd>
            <SiteName names={d.site} localClassName="" />
            {d.place ? `, ${d.place}` : ""} · {d.shown.country}
          </dd>
          <dt>{t("placement.offer.dates")}</dt>
          <dd>{d.shown.dates}</dd>
          {d.themes.length ? (
            <>
              <dt>{t("placement.offer.themes")}</dt>
              <dd>{d.themes.map((th) => t(`themes.${th}`)).join(", ")}</dd>
            </>
          ) : null}
          <dt>{t("placement.offer.languages")}</dt>
          <dd>{d.shown.languages}</dd>
          {d.interpreterLanguages.length ? (
            <>
              <dt>{t("placement.offer.interpreters")}</dt>
              <dd>{d.shown.interpreterLanguages}</dd>
            </>
          ) : null}
        </dl>
        {d.homestay ? <p>{t("placement.offer.homestay")}</p> : null}
        {d.status === "accepted" ? <p className="alert alert-ok">{t("placement.offer.accepted")}</p> : null}
        {d.status === "declined" ? <p className="alert alert-warn">{t("placement.offer.declined")}</p> : null}
        {d.status === "expired" ? <p className="alert alert-warn">{t("placement.offer.expired", { date: d.shown.replyBy })}</p> : null}
        {d.status === "cancelled" ? <p className="alert alert-warn">{t("placement.offer.cancelled")}</p> : null}
      </article>
      {d.status === "offered" ? (
        <section className="card" aria-labelledby="reply-h">
          <h2 id="reply-h">{t("placement.offer.replyBy", { date: d.shown.replyBy, zone: d.timeZone })}</h2>
          <Form method="post" {...serverFormProps(form)} className="stack">
            <FormErrors errors={form.errors} id={form.errorId} />
            <TextAreaField field={fields.reason} label={t("placement.offer.declineReason")} rows={2} />
            <div className="actions">
              <button type="submit" name="intent" value="accept" disabled={busy}>
                {t("placement.offer.accept")}
              </button>
              <button type="submit" name="intent" value="decline" className="btn-secondary" disabled={busy}>
                {t("placement.offer.decline")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </section>
  );
}
