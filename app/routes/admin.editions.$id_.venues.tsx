// /admin/editions/:id/venues: what trainings are made of — venues (IANA zone defaulting from the
// host site or the country), trainers (languages), interpreters (language pairs) and public
// holidays the organizers add (one-off days, and KH, LA, MM beyond the repo's 2026–2028 lists). Organizers only.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors } from "~/components/form";
import { ZONES } from "~/components/training/views.server";
import { countryName, memberCountries } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { timeZoneChoices, timeZoneDisplayName } from "~/domain/intl";
import { hasHolidayData } from "~/domain/training";
import { LANGUAGES, languageName } from "~/domain/vocabulary";
import { holidaySchema, interpreterSchema, trainerSchema, venueSchema } from "~/forms/training";
import { remixI18n } from "~/i18n.server";
import {
  editionForOrganizer,
  addHoliday,
  createInterpreter,
  createTrainer,
  createVenue,
  listResources,
  removeHoliday,
  setRetired,
  updateInterpreter,
  updateTrainer,
  updateVenue,
  type ResourceKind,
} from "~/models/training.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { shownName, siteNameShown } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("training.resources.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const edition = editionForOrganizer(actor, Number(params.id));
    const r = listResources(actor);
    return json({
      edition: { id: edition.id, ...shownName(edition, lng) },
      ...r,
      // Site names in the reader's language, with their lang; the translations stay here.
      sites: r.sites.map(({ parts, ...s }) => ({ ...s, ...(({ text, lang }) => ({ name: text, lang }))(siteNameShown(parts, lng)) })),
      // Countries without a holiday source for the edition's years (KH, LA, MM lists end in 2028).
      countries: memberCountries(lng).map((c) => ({
        code: c.code,
        name: c.name,
        noData: [Number(edition.startsOn.slice(0, 4)), Number(edition.endsOn.slice(0, 4))].some((y) => !hasHolidayData(c.code, y)),
      })),
      zones: timeZoneChoices(ZONES, lng),
      // Zones by their names in the reader's language, never IANA IDs (issue 11).
      zoneNames: Object.fromEntries(
        [...new Set([...r.venues.map((v) => v.timeZone), ...r.sites.map((s) => s.timeZone)])].map((z) => [z, timeZoneDisplayName(z, lng)]),
      ),
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const edition = await guard(() => editionForOrganizer(actor, Number(params.id)));
  const form = await readForm(request);
  const back = redirect(`/admin/editions/${edition.id}/venues?saved=1`);
  switch (form.get("intent")) {
    case "venue":
      return handleForm(form, venueSchema, (v) => (createVenue(actor, v), back));
    case "trainer":
      return handleForm(form, trainerSchema, (v) => (createTrainer(actor, v), back));
    case "interpreter":
      return handleForm(form, interpreterSchema, (v) => (createInterpreter(actor, v), back));
    case "holiday":
      return handleForm(form, holidaySchema, (v) => (addHoliday(actor, v), back));
    case "removeHoliday":
      await guard(() => removeHoliday(actor, Number(form.get("id"))));
      return back;
    // Edit and retire (issue 12 item 20): retired ones stay on their trainings and in history.
    case "retire":
    case "restore": {
      const kind = String(form.get("kind"));
      if (kind !== "venue" && kind !== "trainer" && kind !== "interpreter") return json({ error: "bad kind" }, { status: 400 });
      await guard(() => setRetired(actor, kind as ResourceKind, Number(form.get("id")), form.get("intent") === "retire"));
      return back;
    }
    case "editVenue":
      return handleForm(form, venueSchema, async (v) => (await guard(() => updateVenue(actor, Number(form.get("id")), v)), back));
    case "editTrainer":
      return handleForm(form, trainerSchema, async (v) => (await guard(() => updateTrainer(actor, Number(form.get("id")), v)), back));
    case "editInterpreter":
      return handleForm(form, interpreterSchema, async (v) => (await guard(() => updateInterpreter(actor, Number(form.get("id")), v)), back));
    default:
      return json({ error: "bad intent" }, { status: 400 });
  }
}

type Reply = { initialValue?: Record<string, unknown>; error?: Record<string, string[] | null> } | undefined;

export default function Resources() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply;
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const mine = (intent: string) => (reply?.initialValue?.intent === intent ? reply : undefined);
  const val = (intent: string, k: string) => {
    const v = mine(intent)?.initialValue?.[k];
    return typeof v === "string" ? v : undefined;
  };
  const errs = (intent: string, k: string) => mine(intent)?.error?.[k] ?? undefined;
  const field = (intent: string, name: string, label: string, input: JSX.Element) => (
    <div className="field">
      <label htmlFor={`${intent}-${name}`}>{label}</label>
      {input}
      <ErrorList id={`${intent}-${name}-err`} errors={errs(intent, name)} />
    </div>
  );
  const text = (intent: string, name: string, label: string, props: Record<string, unknown> = {}) =>
    field(
      intent,
      name,
      label,
      <input id={`${intent}-${name}`} name={name} defaultValue={val(intent, name)} aria-describedby={`${intent}-${name}-err`} {...props} />,
    );
  return (
    <>
      <p>
        <Link to={`/admin/editions/${d.edition.id}/trainings`}>
          ← <LocalTextIn i18nKey="training.list.title" name="edition" value={{ text: d.edition.name, lang: d.edition.lang }} />
        </Link>
      </p>
      <h1>{t("training.resources.title")}</h1>

      <section className="card" aria-labelledby="venues-h">
        <h2 id="venues-h">{t("training.resources.venues")}</h2>
        <ul>
          {d.venues.map((v) => (
            <li key={v.id}>
              {v.name} — {countryName(v.countryCode, lng)}, {d.zoneNames[v.timeZone] ?? v.timeZone}
              {v.address ? ` · ${v.address}` : ""} <Retired at={v.retiredAt} />
              <Manage kind="venue" id={v.id} name={v.name} retired={v.retiredAt !== null} reply={reply}>
                {(p) => (
                  <>
                    {p.text("name", t("training.resources.name"), v.name, { required: true })}
                    {p.text("address", t("training.resources.address"), v.address)}
                    {p.text("capacity", t("training.form.capacity"), v.capacity == null ? "" : String(v.capacity), { type: "number", min: 1 })}
                  </>
                )}
              </Manage>
            </li>
          ))}
        </ul>
        <Form method="post" className="stack" key={`venue-${d.venues.length}`} noValidate>
          <input type="hidden" name="intent" value="venue" />
          <FormErrors errors={errs("venue", "") ?? undefined} />
          <div className="grid grid-2">
            {text("venue", "name", t("training.resources.name"), { required: true })}
            {text("venue", "address", t("training.resources.address"))}
            {field(
              "venue",
              "hostSiteId",
              t("training.resources.site"),
              <select id="venue-hostSiteId" name="hostSiteId" defaultValue={val("venue", "hostSiteId") ?? ""}>
                <option value="">{t("training.resources.noSite")}</option>
                {d.sites.map((s) => (
                  <option key={s.id} value={s.id} lang={s.lang}>
                    {s.name} ({d.zoneNames[s.timeZone] ?? s.timeZone})
                  </option>
                ))}
              </select>,
            )}
            {field(
              "venue",
              "countryCode",
              t("training.resources.country"),
              <select id="venue-countryCode" name="countryCode" defaultValue={val("venue", "countryCode") ?? ""} aria-describedby="venue-countryCode-err">
                <option value="">{t("training.resources.countryFromSite")}</option>
                {d.countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>,
            )}
            {field(
              "venue",
              "timeZone",
              t("training.form.timeZone"),
              <select id="venue-timeZone" name="timeZone" defaultValue={val("venue", "timeZone") ?? ""} aria-describedby="venue-timeZone-err">
                <option value="">{t("training.resources.zoneDefault")}</option>
                {d.zones.map((z) => (
                  <option key={z.value} value={z.value}>
                    {z.label}
                  </option>
                ))}
              </select>,
            )}
            {text("venue", "capacity", t("training.form.capacity"), { type: "number", min: 1 })}
          </div>
          <div className="actions">
            <button type="submit">{t("training.resources.addVenue")}</button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="trainers-h">
        <h2 id="trainers-h">{t("training.resources.trainers")}</h2>
        <ul>
          {d.trainers.map((x) => (
            <li key={x.id}>
              {x.name}
              {x.organisation ? `, ${x.organisation}` : ""} — {x.languages.map((l) => languageName(l, lng)).join(", ")} <Retired at={x.retiredAt} />
              <Manage kind="trainer" id={x.id} name={x.name} retired={x.retiredAt !== null} reply={reply}>
                {(p) => (
                  <>
                    {p.text("name", t("training.resources.name"), x.name, { required: true })}
                    {p.text("organisation", t("training.resources.organisation"), x.organisation)}
                    <fieldset className="field checkbox-group">
                      <legend>{t("training.resources.languages")}</legend>
                      <div className="checks">
                        {LANGUAGES.map((l) => (
                          <label key={l} className="check">
                            <input type="checkbox" name="languages" value={l} defaultChecked={x.languages.includes(l)} />
                            {languageName(l, lng)}
                          </label>
                        ))}
                      </div>
                      <ErrorList errors={p.errs("languages")} />
                    </fieldset>
                  </>
                )}
              </Manage>
            </li>
          ))}
        </ul>
        <Form method="post" className="stack" key={`trainer-${d.trainers.length}`} noValidate>
          <input type="hidden" name="intent" value="trainer" />
          <div className="grid grid-2">
            {text("trainer", "name", t("training.resources.name"), { required: true })}
            {text("trainer", "organisation", t("training.resources.organisation"))}
          </div>
          <fieldset className="field checkbox-group">
            <legend>{t("training.resources.languages")}</legend>
            <div className="checks">
              {LANGUAGES.map((l) => (
                <label key={l} className="check">
                  <input type="checkbox" name="languages" value={l} />
                  {languageName(l, lng)}
                </label>
              ))}
            </div>
            <ErrorList errors={errs("trainer", "languages")} />
          </fieldset>
          <div className="actions">
            <button type="submit">{t("training.resources.addTrainer")}</button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="interp-h">
        <h2 id="interp-h">{t("training.resources.interpreters")}</h2>
        <ul>
          {d.interpreters.map((x) => (
            <li key={x.id}>
              {x.name} — {x.languagePairs.map((p) => `${languageName(p.from, lng)} ${p.oneWay ? "→" : "↔"} ${languageName(p.to, lng)}`).join("; ")}{" "}
              <Retired at={x.retiredAt} />
              <Manage kind="interpreter" id={x.id} name={x.name} retired={x.retiredAt !== null} reply={reply}>
                {(p) =>
                  p.text("pairs", t("training.resources.pairs"), x.languagePairs.map((q) => `${q.from}${q.oneWay ? ">" : "-"}${q.to}`).join(", "), {
                    required: true,
                  })
                }
              </Manage>
            </li>
          ))}
        </ul>
        <Form method="post" className="stack" key={`interp-${d.interpreters.length}`} noValidate>
          <input type="hidden" name="intent" value="interpreter" />
          <div className="grid grid-2">
            {text("interpreter", "name", t("training.resources.name"), { required: true })}
            {text("interpreter", "pairs", t("training.resources.pairs"), { placeholder: "zh-en, zh-vi", required: true })}
          </div>
          <p className="hint">{t("training.resources.pairsHint")}</p>
          <div className="actions">
            <button type="submit">{t("training.resources.addInterpreter")}</button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="hol-h">
        <h2 id="hol-h">{t("training.resources.holidays")}</h2>
        {d.countries.some((c) => c.noData) ? (
          <p className="muted">
            {t("training.resources.holidaysLead", {
              countries: d.countries
                .filter((c) => c.noData)
                .map((c) => c.name)
                .join(", "),
            })}
          </p>
        ) : null}
        <ul>
          {d.holidays.map((h) => (
            <li key={h.id}>
              {formatDate(h.date, lng)} — {countryName(h.countryCode, lng)}: {h.name}{" "}
              <Form method="post" style={{ display: "inline" }}>
                <input type="hidden" name="intent" value="removeHoliday" />
                <input type="hidden" name="id" value={h.id} />
                <button type="submit" className="btn-small btn-secondary" aria-label={t("training.resources.removeHoliday", { name: h.name })}>
                  {t("training.resources.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post" className="stack" key={`hol-${d.holidays.length}`} noValidate>
          <input type="hidden" name="intent" value="holiday" />
          <div className="grid grid-2">
            {field(
              "holiday",
              "countryCode",
              t("training.resources.country"),
              <select id="holiday-countryCode" name="countryCode" defaultValue={val("holiday", "countryCode") ?? ""} required>
                <option value="">{t("training.resources.chooseCountry")}</option>
                {d.countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>,
            )}
            {text("holiday", "date", t("training.resources.date"), { type: "date", required: true })}
            {text("holiday", "name", t("training.resources.holidayName"), { required: true })}
          </div>
          <div className="actions">
            <button type="submit">{t("training.resources.addHoliday")}</button>
          </div>
        </Form>
      </section>
    </>
  );
}

/** A "Retired" badge (text, not colour alone) when the resource is retired. */
function Retired({ at }: { at: string | null }) {
  const { t } = useTranslation();
  return at ? <span className="badge badge-cancelled">{t("training.resources.retired")}</span> : null;
}

type ManageHelpers = {
  text: (name: string, label: string, value: string | null, props?: Record<string, unknown>) => JSX.Element;
  errs: (name: string) => string[] | undefined;
};

/**
 * Edit (a folded form with the current values) and retire or restore one venue, trainer or
 * interpreter (issue 12 item 20). A refused edit re-opens with what was typed and the errors.
 */
function Manage({
  kind,
  id,
  name,
  retired,
  reply,
  children,
}: {
  kind: "venue" | "trainer" | "interpreter";
  id: number;
  name: string;
  retired: boolean;
  reply: Reply;
  children: (p: ManageHelpers) => JSX.Element;
}) {
  const { t } = useTranslation();
  const intent = `edit${kind[0]!.toUpperCase()}${kind.slice(1)}`;
  const mine = reply?.initialValue?.intent === intent && String(reply?.initialValue?.id) === String(id) ? reply : undefined;
  const prefix = `${kind}-${id}`;
  const errs = (k: string) => mine?.error?.[k] ?? undefined;
  const text: ManageHelpers["text"] = (field, label, value, props = {}) => {
    const typed = mine?.initialValue?.[field];
    return (
      <div className="field" key={field}>
        <label htmlFor={`${prefix}-${field}`}>{label}</label>
        <input
          id={`${prefix}-${field}`}
          name={field}
          defaultValue={typeof typed === "string" ? typed : (value ?? "")}
          aria-describedby={`${prefix}-${field}-err`}
          {...props}
        />
        <ErrorList id={`${prefix}-${field}-err`} errors={errs(field)} />
      </div>
    );
  };
  return (
    <div className="actions">
      <details open={!!mine}>
        <summary aria-label={t("training.resources.editNamed", { name })}>{t("training.resources.edit")}</summary>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="id" value={id} />
          {children({ text, errs })}
          <div className="actions">
            <button type="submit">{t("training.resources.save")}</button>
          </div>
        </Form>
      </details>
      <Form method="post" style={{ display: "inline" }}>
        <input type="hidden" name="intent" value={retired ? "restore" : "retire"} />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={id} />
        <button
          type="submit"
          className="btn-small btn-secondary"
          aria-label={t(retired ? "training.resources.restoreNamed" : "training.resources.retireNamed", { name })}
        >
          {t(retired ? "training.resources.restore" : "training.resources.retire")}
        </button>
      </Form>
    </div>
  );
}
