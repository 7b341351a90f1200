// /admin/placements/:placementId: one placement for the organizer: where, status, the rules it
// breaks (with the override reason), and the manual changes: move (checked; a broken rule needs a
// reason), lock or unlock, remove a proposal, cancel with a reason. Its history below.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "~/forms/parse";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField } from "~/components/form";
import { AuditTrail } from "~/components/review/AuditTrail";
import { PlacementBadge, useReasonText } from "~/components/placement/reasons";
import { placementLinks } from "~/components/placement/styles";
import { memberCountryName as countryName } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { timeZoneDisplayName } from "~/domain/intl";
import { placementActionSchema } from "~/forms/placement";
import { useAppForm } from "~/forms/use-app-form";
import { remixI18n } from "~/i18n.server";
import { cancelPlacement, getPlacementForOrganizer, movePlacement, setPlacementLock, unassignPlacement } from "~/models/placement.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm, type FormReply } from "~/utils/http.server";
import { siteNames, visitTitleShown } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";
import { SiteName } from "~/components/i18n/SiteName";

export const links = placementLinks;
export const handle = pageTitle((t, d) => t("placement.manage.title", { name: d.name }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const r = getPlacementForOrganizer(actor, idParam(params.placementId, "placement"), lng);
    const site = siteNames(r.site, lng);
    const title = visitTitleShown(r.visit.title, r.visit.translations, site.name, lng);
    return json({
      id: r.placement.id,
      status: r.placement.status,
      locked: r.placement.locked,
      overrideReason: r.placement.overrideReason,
      replyBy: r.placement.replyBy,
      editionId: r.visit.editionId,
      applicationId: r.app.id,
      name: r.person.name,
      latin: r.person.latin,
      country: r.app.nationality,
      visit: {
        title: title.text,
        titleLang: title.lang,
        site,
        countryCode: r.site.countryCode,
        timeZone: timeZoneDisplayName(r.site.timeZone, lng),
        arrivalOn: r.visit.arrivalOn,
        departureOn: r.visit.departureOn,
      },
      rulesBroken: r.rulesBroken,
      moveTargets: r.moveTargets,
      trail: r.trail,
      lng,
      timeZone: actor.timeZone,
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(async () => {
    const id = idParam(params.placementId, "placement");
    // Scope first: a non-organizer gets 404 whatever they posted.
    getPlacementForOrganizer(actor, id);
    return handleForm(form, placementActionSchema, async (v) => {
      switch (v.intent) {
        case "move": {
          const newId = movePlacement(actor, id, { visitId: v.visitId, reason: v.reason });
          return redirect(`/admin/placements/${newId}?done=move`);
        }
        case "lock":
        case "unlock":
          setPlacementLock(actor, id, v.intent === "lock");
          return redirect(`/admin/placements/${id}?done=${v.intent}`);
        case "unassign": {
          const editionId = unassignPlacement(actor, id);
          return redirect(`/admin/editions/${editionId}/placement?done=unassign`);
        }
        case "cancel":
          await cancelPlacement(actor, id, v.reason);
          return redirect(`/admin/placements/${id}?done=cancel`);
      }
    });
  });
}

function replyFor(data: FormReply | undefined, intents: string[]) {
  const intent = (data?.initialValue as Record<string, unknown> | undefined)?.intent;
  return typeof intent === "string" && intents.includes(intent) ? data : undefined;
}

export default function PlacementPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormReply | undefined;
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const reason = useReasonText();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const done = params.get("done");
  const holding = d.status === "proposed" || d.status === "offered" || d.status === "accepted";

  const [moveForm, moveFields] = useAppForm<{ intent: string; visitId: string; reason?: string }, unknown>({
    id: "move",
    lastResult: replyFor(actionData, ["move"]),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: placementActionSchema }),
    shouldRevalidate: "onInput",
  });
  const [cancelForm, cancelFields] = useAppForm<{ intent: string; reason?: string }, unknown>({
    id: "cancel",
    lastResult: replyFor(actionData, ["cancel"]),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: placementActionSchema }),
    shouldRevalidate: "onInput",
  });
  const other = replyFor(actionData, ["lock", "unlock", "unassign"]);

  return (
    <>
      <p>
        <Link to={`/admin/editions/${d.editionId}/placement`}>← {t("placement.manage.back")}</Link>
      </p>
      <h1>{t("placement.manage.title", { name: d.name })}</h1>
      {done ? (
        <p className="alert alert-ok" role="status">
          {t(`placement.board.done.${done}`, { defaultValue: t("common.saved") })}
        </p>
      ) : null}
      {other ? <FormErrors errors={other.error?.[""] ?? undefined} /> : null}
      <div className="grid grid-2">
        <section className="card" aria-labelledby="facts-h">
          <h2 id="facts-h" lang={d.visit.titleLang}>
            {d.visit.title}
          </h2>
          <dl className="pl-kv">
            <dt>{t("placement.manage.at")}</dt>
            <dd>
              <SiteName names={d.visit.site} localClassName="" /> · {countryName(d.visit.countryCode, lng)}
              <br />
              {formatDate(d.visit.arrivalOn, lng)} – {formatDate(d.visit.departureOn, lng)}
            </dd>
            <dt>{t("placement.manage.status")}</dt>
            <dd>
              <PlacementBadge status={d.status} />
              {d.locked ? (
                <>
                  {" "}
                  <span className="badge badge-locked">{t("placement.visits.locked")}</span>
                </>
              ) : null}
            </dd>
            {d.replyBy ? (
              <>
                <dt>{t("placement.manage.replyBy")}</dt>
                <dd>
                  {formatDate(d.replyBy, lng)} ({d.visit.timeZone})
                </dd>
              </>
            ) : null}
            {d.overrideReason ? (
              <>
                <dt>{t("placement.manage.override")}</dt>
                <dd>{d.overrideReason}</dd>
              </>
            ) : null}
            <dt>{t("common.country")}</dt>
            <dd>
              {d.country ? countryName(d.country, lng) : "–"} · <Link to={`/admin/applications/${d.applicationId}`}>{d.latin || d.name}</Link>
            </dd>
          </dl>
          <h3>{t("placement.manage.rules")}</h3>
          {d.rulesBroken.length ? (
            <ul>
              {d.rulesBroken.map((r) => (
                <li key={r.code}>{reason(r)}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("placement.manage.rulesNone")}</p>
          )}
        </section>

        <div className="stack">
          {holding ? (
            <>
              <section className="card" aria-labelledby="move-h">
                <h2 id="move-h">{t("placement.manage.move")}</h2>
                {d.status !== "proposed" ? <p className="hint">{t("placement.manage.moveHint")}</p> : null}
                <Form method="post" {...getFormProps(moveForm)} className="stack">
                  <FormErrors errors={moveForm.errors} id={moveForm.errorId} />
                  <SelectField
                    field={moveFields.visitId}
                    label={t("placement.manual.visit")}
                    required
                    placeholder={t("placement.manual.choose")}
                    options={d.moveTargets.map((v) => ({
                      value: String(v.id),
                      lang: v.lang,
                      label: `${v.title || v.siteName} (${formatDate(v.arrivalOn, lng)})${
                        v.rulesBroken.length
                          ? ` – ${t("placement.manage.breaks", { rules: v.rulesBroken.map((c) => t(`placement.rules.${c}`)).join(" ") })}`
                          : ""
                      }`,
                    }))}
                  />
                  <TextAreaField field={moveFields.reason} label={t("placement.manual.reason")} hint={t("placement.manual.reasonHint")} rows={2} />
                  <div className="actions">
                    <button type="submit" name="intent" value="move" disabled={busy}>
                      {t("placement.manage.moveSubmit")}
                    </button>
                  </div>
                </Form>
              </section>
              <section className="card actions">
                <Form method="post" className="pl-inline">
                  <button type="submit" name="intent" value={d.locked ? "unlock" : "lock"} className="btn-secondary" disabled={busy}>
                    {d.locked ? t("placement.manage.unlock") : t("placement.manage.lock")}
                  </button>
                </Form>
                {d.status === "proposed" ? (
                  <Form method="post" className="pl-inline">
                    <button type="submit" name="intent" value="unassign" className="btn-secondary" disabled={busy}>
                      {t("placement.manage.unassign")}
                    </button>
                  </Form>
                ) : null}
              </section>
            </>
          ) : null}
          {d.status !== "cancelled" ? (
            <section className="card" aria-labelledby="cancel-h">
              <h2 id="cancel-h">{t("placement.manage.cancel")}</h2>
              <Form method="post" {...getFormProps(cancelForm)} className="stack">
                <FormErrors errors={cancelForm.errors} id={cancelForm.errorId} />
                <TextAreaField field={cancelFields.reason} label={t("placement.manage.cancelReason")} required rows={2} />
                <div className="actions">
                  <button type="submit" name="intent" value="cancel" className="btn-danger" disabled={busy}>
                    {t("placement.manage.cancel")}
                  </button>
                </div>
              </Form>
            </section>
          ) : (
            <p className="muted">{t("placement.manage.noActions")}</p>
          )}
        </div>
      </div>
      <section className="card" aria-labelledby="trail-h">
        <h2 id="trail-h">{t("placement.manage.trail")}</h2>
        <AuditTrail events={d.trail} locale={d.lng} timeZone={d.timeZone} />
      </section>
    </>
  );
}
