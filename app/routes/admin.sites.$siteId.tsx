// Organizer: vet a host site (pending, vetted, suspended; notes; date of the last check), with a
// confirmation step before suspending a site that has upcoming visits, and assign coordinators.
import { getFormProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { useAppForm } from "~/forms/use-app-form";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { StatusBadge } from "~/components/hosts/bits";
import { hostsLinks } from "~/components/hosts/styles";
import { memberCountryName as countryName } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { addCoordinatorSchema, removeCoordinatorSchema, vettingSchema } from "~/forms/host-site.server";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { auditTrail } from "~/models/audit.server";
import { addCoordinator, removeCoordinator, upcomingVisitsWithParticipants, vetSite, getSite, siteInScope } from "~/models/hosts.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { VETTING_STATUSES } from "../../db/schema/hosts";
import { pageTitle } from "~/utils/page-title";
import { siteNames } from "~/domain/local-text";
import { SiteName } from "~/components/i18n/SiteName";

export const links = hostsLinks;
export const handle = pageTitle((_t, d) => d?.site?.names.name.text);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    const { site, coordinators } = getSite(actor, Number(params.siteId));
    return json({
      site: {
        id: site.id,
        names: siteNames(site, lng),
        country: countryName(site.countryCode, lng),
        province: site.province,
        beds: site.beds,
        vettingStatus: site.vettingStatus,
        vettingNotes: site.vettingNotes,
        lastCheckedOn: site.lastCheckedOn,
      },
      coordinators,
      upcoming: upcomingVisitsWithParticipants(site.id, undefined, undefined, lng),
      trail: auditTrail("host_site", site.id),
      timeZone: actor.timeZone,
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const siteId = Number(params.siteId);
  await guard(() => {
    requireOrganizer(actor);
    siteInScope(actor, siteId);
  });
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "addCoordinator") {
    return handleForm(form, addCoordinatorSchema, (v) => {
      addCoordinator(actor, siteId, v.email);
      return redirect(`/admin/sites/${siteId}?saved=coordinators`);
    });
  }
  if (intent === "removeCoordinator") {
    return handleForm(form, removeCoordinatorSchema, (v) => {
      removeCoordinator(actor, siteId, v.userId);
      return redirect(`/admin/sites/${siteId}?saved=coordinators`);
    });
  }
  return handleForm(form, vettingSchema, (v) => {
    const r = vetSite(actor, siteId, v, new Date(), lng);
    if (!r.done) {
      return json({
        confirm: true as const,
        affected: r.affected,
        values: { vettingStatus: v.vettingStatus, vettingNotes: v.vettingNotes ?? "", lastCheckedOn: v.lastCheckedOn ?? "" },
      });
    }
    return redirect(`/admin/sites/${siteId}?saved=vetting`);
  });
}

type Reply = SubmissionResult<string[]>;
function replyFor(data: unknown, intent: string): Reply | undefined {
  if (!data || typeof data !== "object" || "confirm" in data) return undefined;
  const r = data as Reply;
  return (r.initialValue as { intent?: string } | undefined)?.intent === intent ? r : undefined;
}

export default function VetSite() {
  const { site, coordinators, upcoming, trail, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [params] = useSearchParams();
  const confirm = data && "confirm" in data ? data : null;
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelled out.
  const atFormat = new Intl.DateTimeFormat(lng, {
    calendar: "gregory",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: timeZone || "UTC",
    timeZoneName: "short",
  });

  const [vetForm, vetFields] = useAppForm({
    id: "vet",
    lastResult: replyFor(data, "vet"),
    defaultValue: { vettingStatus: site.vettingStatus, vettingNotes: site.vettingNotes, lastCheckedOn: "" },
    // Checked on the server only: the schemas live in a .server module (empty in the browser).
  });
  const [coForm, coFields] = useAppForm({
    id: "coordinator",
    lastResult: replyFor(data, "addCoordinator"),
  });

  return (
    <>
      <p>
        <Link to="/admin/sites">← {t("hosts.admin.sitesTitle")}</Link>
      </p>
      <h1>
        <SiteName names={site.names} />
      </h1>
      <p>
        {site.province}, {site.country} · {t("hosts.site.bedsCount", { count: site.beds })} · <StatusBadge kind="vetting" status={site.vettingStatus} /> ·{" "}
        <Link to={`/host/sites/${site.id}`}>{t("hosts.admin.openProfile")}</Link>
      </p>
      {params.get("saved") ? (
        <p className="alert alert-ok" role="status">
          {t("common.saved")}
        </p>
      ) : null}

      {confirm ? (
        <section className="card" aria-labelledby="confirm-h">
          <h2 id="confirm-h">{t("hosts.vetting.confirmTitle")}</h2>
          <p className="alert alert-warn" role="alert">
            {t("hosts.vetting.confirmLead", { count: confirm.affected.length })}
          </p>
          <ul className="stack">
            {confirm.affected.map((v) => (
              <li key={v.id}>
                <strong>{v.title ? <span lang={v.titleLang}>{v.title}</span> : t("hosts.visit.untitled", { id: v.id })}</strong> ·{" "}
                <span lang={v.editionLang}>{v.editionName}</span> · {formatDate(v.arrivalOn, lng)} – {formatDate(v.departureOn, lng)}
                {v.participants.length ? (
                  <ul>
                    {v.participants.map((p) => (
                      <li key={p.placementId}>
                        {p.name}
                        {p.nameLatin && p.nameLatin !== p.name ? ` (${p.nameLatin})` : ""}
                        {p.country ? ` · ${countryName(p.country, lng)}` : ""} · {t(`hosts.status.placement.${p.status}`)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t("hosts.vetting.noParticipants")}</p>
                )}
              </li>
            ))}
          </ul>
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="vet" />
            <input type="hidden" name="vettingStatus" value={confirm.values.vettingStatus} />
            <input type="hidden" name="vettingNotes" value={confirm.values.vettingNotes} />
            <input type="hidden" name="lastCheckedOn" value={confirm.values.lastCheckedOn} />
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" className="btn-danger">
              {t("hosts.vetting.confirmSuspend")}
            </button>
            <Link to={`/admin/sites/${site.id}`}>{t("hosts.vetting.confirmBack")}</Link>
          </Form>
        </section>
      ) : null}

      <section className="card" aria-labelledby="vet-h">
        <h2 id="vet-h">{t("hosts.vetting.title")}</h2>
        {site.lastCheckedOn ? <p className="muted">{t("hosts.vetting.lastChecked", { date: formatDate(site.lastCheckedOn, lng) })}</p> : null}
        <Form method="post" className="stack" {...getFormProps(vetForm)}>
          <FormErrors errors={vetForm.errors} id={vetForm.errorId} />
          <input type="hidden" name="intent" value="vet" />
          <SelectField
            field={vetFields.vettingStatus as FieldMetadata<string | undefined>}
            label={t("hosts.vetting.status")}
            options={VETTING_STATUSES.map((s) => ({ value: s, label: t(`hosts.status.vetting.${s}`) }))}
            required
          />
          <TextAreaField
            field={vetFields.vettingNotes as FieldMetadata<string | undefined>}
            label={t("hosts.vetting.notes")}
            hint={t("hosts.vetting.notesHint")}
            rows={4}
          />
          <TextField
            field={vetFields.lastCheckedOn as FieldMetadata<string | undefined>}
            type="date"
            label={t("hosts.vetting.lastCheckedOn")}
            hint={t("hosts.vetting.lastCheckedHint")}
          />
          <div className="actions">
            <button type="submit">{t("hosts.vetting.save")}</button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="co-h">
        <h2 id="co-h">{t("hosts.site.coordinators")}</h2>
        {coordinators.length ? (
          <ul className="stack">
            {coordinators.map((c) => (
              <li key={c.id}>
                <Form method="post" className="actions">
                  <span>
                    {c.displayName} · {c.email}
                  </span>
                  <input type="hidden" name="intent" value="removeCoordinator" />
                  <input type="hidden" name="userId" value={c.id} />
                  <button type="submit" className="btn-secondary btn-small">
                    {t("hosts.admin.removeCoordinator")}
                    <span className="visually-hidden">: {c.displayName}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("hosts.admin.noCoordinators")}</p>
        )}
        <Form method="post" className="stack" {...getFormProps(coForm)}>
          <FormErrors errors={coForm.errors} id={coForm.errorId} />
          <input type="hidden" name="intent" value="addCoordinator" />
          <TextField
            field={coFields.email as FieldMetadata<string | undefined>}
            type="email"
            label={t("hosts.admin.coordinatorEmail")}
            hint={t("hosts.admin.coordinatorEmailHint")}
            autoComplete="off"
            required
          />
          <div className="actions">
            <button type="submit">{t("hosts.admin.addCoordinator")}</button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="up-h">
        <h2 id="up-h">{t("hosts.visit.upcoming")}</h2>
        {upcoming.length ? (
          <ul>
            {upcoming.map((v) => (
              <li key={v.id}>
                <Link to={`/host/visits/${v.id}`}>{v.title ? <span lang={v.titleLang}>{v.title}</span> : t("hosts.visit.untitled", { id: v.id })}</Link> ·{" "}
                <span lang={v.editionLang}>{v.editionName}</span> · {formatDate(v.arrivalOn, lng)} – {formatDate(v.departureOn, lng)} ·{" "}
                {t("hosts.visit.seatsOf", { taken: v.participants.length, capacity: v.capacity })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("hosts.visit.none")}</p>
        )}
      </section>

      <section className="card" aria-labelledby="trail-h">
        <h2 id="trail-h">{t("hosts.vetting.history")}</h2>
        {trail.length ? (
          <ol className="timeline">
            {trail.map((e) => (
              <li key={e.id}>
                <p>
                  <strong>{t(`hosts.trail.${e.action}`, { defaultValue: e.action })}</strong>
                  {e.fromState || e.toState ? (
                    <>
                      {": "}
                      {e.fromState ? t(`hosts.status.vetting.${e.fromState}`, { defaultValue: e.fromState }) : "–"} →{" "}
                      {e.toState ? t(`hosts.status.vetting.${e.toState}`, { defaultValue: e.toState }) : "–"}
                    </>
                  ) : null}
                </p>
                <p className="muted">
                  <time dateTime={e.at}>{atFormat.format(new Date(e.at))}</time> · {e.actorName ?? "–"}
                </p>
                {e.reason ? (
                  <p>
                    {t("hosts.vetting.notes")}: {e.reason}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("common.noneYet")}</p>
        )}
      </section>
    </>
  );
}
