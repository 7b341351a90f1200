// /admin/editions/:id/trainings/free-slot: proposes the earliest conflict-free slots for a new
// training (duration, trainers, venue, interpreters, audience/visit, working hours) inside the
// visit's days, skipping public holidays. A GET form: each proposal links to the new-training
// form with its values in the query string (works without JavaScript).
import { parseWithZod } from "~/forms/parse";
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/form";
import { timeZoneDisplayName } from "~/domain/intl";
import { trainingLinks } from "~/components/training/styles";
import { formChoices } from "~/components/training/views.server";
import { freeSlotSchema } from "~/forms/training";
import { remixI18n } from "~/i18n.server";
import { db } from "~/db.server";
import { proposeSlots, editionForOrganizer } from "~/models/training.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { shownName } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const links = trainingLinks;
export const handle = pageTitle("training.slot.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const url = new URL(request.url);
  return guard(() => {
    const edition = editionForOrganizer(actor, Number(params.id));
    const choices = formChoices(actor, edition.id, lng);
    const q = url.searchParams;
    const values = {
      durationMinutes: q.get("durationMinutes") ?? "90",
      visitId: q.get("visitId") ?? "",
      venueId: q.get("venueId") ?? "",
      trainerIds: q.getAll("trainerIds"),
      interpreterIds: q.getAll("interpreterIds"),
      audience: q.get("audience") ?? "",
      workStart: q.get("workStart") ?? "08:00",
      workEnd: q.get("workEnd") ?? "18:00",
    };
    let errors: Record<string, string[] | null> = {};
    let result: { zone: string; slots: { label: string; href: string }[] } | null = null;
    if (q.has("durationMinutes")) {
      const fd = new FormData();
      for (const [k, v] of q.entries()) fd.append(k, v);
      const sub = parseWithZod(fd, { schema: freeSlotSchema });
      if (sub.status !== "success") errors = sub.error ?? {};
      else {
        const v = sub.value;
        const found = proposeSlots(db(), { editionId: edition.id, ...v }, lng);
        if (!found) errors = { visitId: ["errors.invalid"] };
        else
          result = {
            zone: timeZoneDisplayName(found.zone, lng),
            slots: found.slots.map((s) => {
              const p = new URLSearchParams();
              if (v.visitId) p.set("visitId", String(v.visitId));
              if (v.venueId) p.set("venueId", String(v.venueId));
              if (v.audience) p.set("audience", v.audience);
              for (const id of v.trainerIds) p.append("trainerIds", String(id));
              for (const id of v.interpreterIds) p.append("interpreterIds", String(id));
              if (!v.venueId) p.set("timeZone", found.zone);
              p.set("startDate", s.localDate);
              p.set("startTime", s.localStart);
              p.set("endDate", s.end === s.start ? s.localDate : utcDay(s.end, found.zone));
              p.set("endTime", s.localEnd);
              return { label: s.label, href: `/admin/editions/${edition.id}/trainings/new?${p}` };
            }),
          };
      }
    }
    return json({ edition: { id: edition.id, ...shownName(edition, lng) }, choices, values, errors, result });
  });
}

function utcDay(instant: string, zone: string) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(instant));
}

export default function FreeSlot() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const err = (k: string) => (d.errors as Record<string, string[] | null>)[k] ?? undefined;
  const checks = (name: "trainerIds" | "interpreterIds", items: { id: number; label: string }[], legend: string) => (
    <fieldset className="field checkbox-group">
      <legend>{legend}</legend>
      <div className="checks">
        {items.map((x) => (
          <label key={x.id} className="check">
            <input type="checkbox" name={name} value={x.id} defaultChecked={d.values[name].includes(String(x.id))} />
            {x.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
  return (
    <>
      <p>
        <Link to={`/admin/editions/${d.edition.id}/trainings`}>
          ← <LocalTextIn i18nKey="training.list.title" name="edition" value={{ text: d.edition.name, lang: d.edition.lang }} />
        </Link>
      </p>
      <h1>{t("training.slot.title")}</h1>
      <p className="muted">{t("training.slot.lead")}</p>
      <Form method="get" className="card stack">
        <div className="grid grid-2">
          <div className="field">
            <label htmlFor="fs-duration">{t("training.slot.duration")}</label>
            <input
              id="fs-duration"
              name="durationMinutes"
              type="number"
              min={15}
              max={720}
              step={15}
              defaultValue={d.values.durationMinutes}
              aria-describedby="fs-duration-err"
            />
            <ErrorList id="fs-duration-err" errors={err("durationMinutes")} />
          </div>
          <div className="field">
            <label htmlFor="fs-visit">{t("training.form.visit")}</label>
            <select id="fs-visit" name="visitId" defaultValue={d.values.visitId} aria-describedby="fs-visit-err">
              <option value="">{t("training.form.noVisit")}</option>
              {d.choices.visits.map((v) => (
                <option key={v.id} value={v.id} lang={v.lang}>
                  {v.label}
                </option>
              ))}
            </select>
            <ErrorList id="fs-visit-err" errors={err("visitId")} />
          </div>
          <div className="field">
            <label htmlFor="fs-venue">{t("training.form.venue")}</label>
            <select id="fs-venue" name="venueId" defaultValue={d.values.venueId}>
              <option value="">{t("training.form.noVenue")}</option>
              {d.choices.venues.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="fs-audience">{t("training.form.audience")}</label>
            <select id="fs-audience" name="audience" defaultValue={d.values.audience}>
              <option value="">{t("training.slot.anyAudience")}</option>
              {(["visit", "edition", "enrol"] as const).map((a) => (
                <option key={a} value={a}>
                  {t(`training.audiences.${a}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="fs-ws">{t("training.slot.workStart")}</label>
            <input id="fs-ws" name="workStart" type="time" defaultValue={d.values.workStart} aria-describedby="fs-ws-err" />
            <ErrorList id="fs-ws-err" errors={err("workStart")} />
          </div>
          <div className="field">
            <label htmlFor="fs-we">{t("training.slot.workEnd")}</label>
            <input id="fs-we" name="workEnd" type="time" defaultValue={d.values.workEnd} aria-describedby="fs-we-err" />
            <ErrorList id="fs-we-err" errors={err("workEnd")} />
          </div>
        </div>
        {checks("trainerIds", d.choices.trainers, t("training.form.trainers"))}
        {checks("interpreterIds", d.choices.interpreters, t("training.form.interpreters"))}
        <div className="actions">
          <button type="submit">{t("training.slot.search")}</button>
        </div>
      </Form>
      {d.result ? (
        <section className="card" aria-labelledby="slots-h">
          <h2 id="slots-h">{t("training.slot.results", { zone: d.result.zone })}</h2>
          {d.result.slots.length === 0 ? <p>{t("training.slot.none")}</p> : null}
          <ul className="slot-list">
            {d.result.slots.map((s) => (
              <li key={s.href}>
                <Link to={s.href}>{s.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
