// /admin/editions/:id/placement: the organizer's placement board (issue 4). Accepted participants
// against the edition's open visits; run the engine (optimal or stable), see its proposal, the
// comparison of the modes and the difference from the current placements, save it; place by hand
// (checked, overrides need a reason); send offers with a reply-by date; fill freed seats from the
// waiting list. Every form posts an intent and works without JavaScript.
// (File name `$id_` so the page is not nested inside the edition edit page, which has no Outlet.)
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "~/forms/parse";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { ProposalView } from "~/components/placement/ProposalView";
import { PlacementBadge } from "~/components/placement/reasons";
import { placementLinks } from "~/components/placement/styles";
import { VisitCards } from "~/components/placement/VisitCards";
import { memberCountryName as countryName } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { formatNumber } from "~/domain/format";
import { languageName } from "~/domain/vocabulary";
import { assignSchema, boardSchema, publishSchema } from "~/forms/placement";
import { useAppForm } from "~/forms/use-app-form";
import { runBoardEngine, saveProposal, getBoard, acceptFromWaitlist, assignParticipant, publishOffers } from "~/models/placement.server";
import { remixI18n } from "~/i18n.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm, type FormReply } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { pageTitle } from "~/utils/page-title";

export const links = placementLinks;
export const handle = pageTitle((t, d) => t("placement.board.title", { edition: d.edition.name }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => json(getBoard(actor, idParam(params.id, "edition"), new Date(), lng)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(async () => {
    const id = idParam(params.id, "edition");
    // Scope first: a non-organizer (or an unknown edition) gets 404 whatever they posted.
    getBoard(actor, id);
    return handleForm(form, boardSchema, async (v) => {
      const base = `/admin/editions/${id}/placement`;
      switch (v.intent) {
        case "run":
          return json({ run: runBoardEngine(actor, id, v.mode, v.acceptUnranked) });
        case "save": {
          const r = saveProposal(actor, id, v.mode, v.acceptUnranked, v.fingerprint);
          return redirect(`${base}?done=save&added=${r.added}&replaced=${r.replaced}&kept=${r.kept}`);
        }
        case "assign":
          assignParticipant(actor, { applicationId: v.applicationId, visitId: v.visitId, reason: v.reason, lock: true });
          return redirect(`${base}?done=assign#visits-h`);
        case "publish": {
          const count = await publishOffers(actor, id, v.replyBy);
          return redirect(`${base}?done=publish&count=${count}`);
        }
        case "waitlist":
          await acceptFromWaitlist(actor, v.applicationId, v.visitId);
          return redirect(`${base}?done=waitlist#visits-h`);
      }
    });
  });
}

type ActionData = { run: ReturnType<typeof runBoardEngine> } | FormReply;

function replyFor(data: ActionData | undefined, intents: string[]): FormReply | undefined {
  if (!data || "run" in data) return undefined;
  const intent = (data.initialValue as Record<string, unknown> | undefined)?.intent;
  return typeof intent === "string" && intents.includes(intent) ? data : undefined;
}

export default function PlacementBoard() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [params] = useSearchParams();
  const nav = useNavigation();
  const busy = nav.state !== "idle";
  const done = params.get("done");
  const run = actionData && "run" in actionData ? actionData.run : undefined;
  // Each visit's name (its title, else its site's name) and that name's language.
  const visitName = Object.fromEntries(d.visits.map((v) => [v.id, v.title]));
  const visitLang = Object.fromEntries(d.visits.map((v) => [v.id, v.titleLang]));

  const [runForm] = useAppForm({ id: "run", lastResult: replyFor(actionData, ["run", "save"]), shouldRevalidate: "onInput" });
  const [assignForm, assignFields] = useAppForm<{ intent: string; applicationId: string; visitId: string; reason?: string }, unknown>({
    id: "assign",
    lastResult: replyFor(actionData, ["assign"]),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignSchema }),
    shouldRevalidate: "onInput",
  });
  const [publishForm, publishFields] = useAppForm({
    id: "publish",
    lastResult: replyFor(actionData, ["publish"]),
    defaultValue: { replyBy: d.replyBy },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: publishSchema }),
    shouldRevalidate: "onInput",
  });
  const waitReply = replyFor(actionData, ["waitlist"]);
  const runMode = run?.mode ?? "optimal";
  const acceptUnranked = run ? run.acceptUnranked : true;

  return (
    <>
      <p>
        <Link to={`/admin/editions/${d.edition.id}`}>← {t("placement.board.back")}</Link> ·{" "}
        <Link to={`/admin/editions/${d.edition.id}/visits`}>{t("placement.board.visitsOverview")}</Link>
      </p>
      <h1>
        <LocalTextIn i18nKey="placement.board.title" name="edition" value={{ text: d.edition.name, lang: d.edition.lang }} />
      </h1>
      <p className="muted">{t("placement.board.intro")}</p>
      <p>{t("placement.board.counts", d.totals)}</p>
      {done ? (
        <p className="alert alert-ok" role="status">
          {t(`placement.board.done.${done}`, {
            added: params.get("added") ?? 0,
            replaced: params.get("replaced") ?? 0,
            kept: params.get("kept") ?? 0,
            count: Number(params.get("count") ?? 0),
            defaultValue: t("common.saved"),
          })}
        </p>
      ) : null}
      {d.expired ? (
        <p className="alert alert-warn" role="status">
          {t("placement.board.expired", { count: d.expired })}
        </p>
      ) : null}

      <section className="card" aria-labelledby="run-h">
        <h2 id="run-h">{t("placement.run.title")}</h2>
        <p className="hint">{t("placement.run.lockedNote")}</p>
        <Form method="post" {...getFormProps(runForm)} className="stack">
          <FormErrors errors={runForm.errors} id={runForm.errorId} />
          <fieldset>
            <legend>{t("placement.run.mode")}</legend>
            {(["optimal", "stable"] as const).map((m) => (
              <label key={m} className="pl-radio">
                <input type="radio" name="mode" value={m} defaultChecked={runMode === m} />
                <span>{t(`placement.run.${m}`)}</span>
              </label>
            ))}
          </fieldset>
          <label className="pl-radio">
            <input type="checkbox" name="acceptUnranked" defaultChecked={acceptUnranked} />
            <span>{t("placement.run.acceptUnranked")}</span>
          </label>
          <div className="actions">
            <button type="submit" name="intent" value="run" disabled={busy}>
              {t("placement.run.submit")}
            </button>
          </div>
        </Form>
      </section>

      {run ? <ProposalView run={run} names={d.names} visitName={visitName} /> : null}

      <section aria-labelledby="visits-h">
        <h2 id="visits-h">{t("placement.visits.title")}</h2>
        {d.visits.length ? <VisitCards visits={d.visits} /> : <p className="muted">{t("placement.visits.none")}</p>}
      </section>

      <section className="card" aria-labelledby="assign-h">
        <h2 id="assign-h">{t("placement.manual.title")}</h2>
        <p className="hint">{t("placement.manual.hint")}</p>
        <Form method="post" {...getFormProps(assignForm)} className="stack">
          <FormErrors errors={assignForm.errors} id={assignForm.errorId} />
          <SelectField
            field={assignFields.applicationId}
            label={t("placement.manual.participant")}
            required
            placeholder={t("placement.manual.choose")}
            options={d.people
              .filter((p) => !p.placement)
              .map((p) => ({ value: String(p.applicationId), label: `${p.name}${p.country ? ` (${p.country})` : ""}` }))}
          />
          <SelectField
            field={assignFields.visitId}
            label={t("placement.manual.visit")}
            required
            placeholder={t("placement.manual.choose")}
            options={d.visits.map((v) => ({
              value: String(v.id),
              label: `${visitName[v.id]} (${formatNumber(v.taken, i18n.language)}/${formatNumber(v.capacity, i18n.language)})`,
              lang: visitLang[v.id],
            }))}
          />
          <TextAreaField field={assignFields.reason} label={t("placement.manual.reason")} hint={t("placement.manual.reasonHint")} rows={2} />
          <div className="actions">
            <button type="submit" name="intent" value="assign" disabled={busy}>
              {t("placement.manual.submit")}
            </button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="publish-h">
        <h2 id="publish-h">{t("placement.publish.title")}</h2>
        <p>{d.proposed ? t("placement.publish.count", { count: d.proposed }) : t("placement.publish.none")}</p>
        <Form method="post" {...getFormProps(publishForm)} className="stack">
          <FormErrors errors={publishForm.errors} id={publishForm.errorId} />
          <TextField field={publishFields.replyBy} type="date" label={t("placement.publish.replyBy")} hint={t("placement.publish.replyByHint")} required />
          <div className="actions">
            <button type="submit" name="intent" value="publish" disabled={busy || !d.proposed}>
              {t("placement.publish.submit")}
            </button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="wait-h">
        <h2 id="wait-h">{t("placement.waitlist.title")}</h2>
        <p className="hint">{t("placement.waitlist.hint")}</p>
        {waitReply ? <FormErrors errors={waitReply.error?.[""] ?? undefined} /> : null}
        {d.suggestions.length === 0 ? <p className="muted">{t("placement.waitlist.none")}</p> : null}
        {d.suggestions.map((s) => (
          <div key={s.visitId} className="pl-suggest">
            <h3 lang={visitLang[s.visitId]}>{visitName[s.visitId]}</h3>
            <p className="muted">{t("placement.waitlist.free", { count: s.free, freed: s.freed })}</p>
            {s.candidates.length === 0 ? (
              <p className="muted">{t("placement.waitlist.noCandidates")}</p>
            ) : (
              <ul>
                {s.candidates.map((c) => (
                  <li key={c.applicationId}>
                    <Link to={`/admin/applications/${c.applicationId}`}>{c.name}</Link>
                    {c.country ? ` · ${countryName(c.country, lng)}` : ""}{" "}
                    <Form method="post" className="pl-inline">
                      <input type="hidden" name="applicationId" value={c.applicationId} />
                      <input type="hidden" name="visitId" value={s.visitId} />
                      <button type="submit" name="intent" value="waitlist" className="btn-small btn-secondary" disabled={busy}>
                        {t("placement.waitlist.accept", { name: c.name })}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>

      <section className="card" aria-labelledby="people-h">
        <h2 id="people-h">{t("placement.people.title")}</h2>
        {d.people.length === 0 ? (
          <p className="muted">{t("placement.people.none")}</p>
        ) : (
          <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-labelledby="people-h">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("placement.people.name")}</th>
                  <th scope="col">{t("placement.people.country")}</th>
                  <th scope="col">{t("placement.people.languages")}</th>
                  <th scope="col">{t("placement.people.availability")}</th>
                  <th scope="col">{t("placement.people.preferences")}</th>
                  <th scope="col">{t("placement.people.placement")}</th>
                </tr>
              </thead>
              <tbody>
                {d.people.map((p) => (
                  <tr key={p.applicationId}>
                    <td className="wrap-anywhere">
                      <Link to={`/admin/applications/${p.applicationId}`}>{p.name}</Link>
                      {p.latin && p.latin !== p.name ? <div className="muted">{p.latin}</div> : null}
                    </td>
                    <td>{p.country ? countryName(p.country, lng) : "–"}</td>
                    <td>{p.languages.map((c) => languageName(c, lng)).join(", ")}</td>
                    <td>
                      {p.availableFrom ? formatDate(p.availableFrom, lng) : "…"} – {p.availableTo ? formatDate(p.availableTo, lng) : "…"}
                    </td>
                    <td>{p.preferences.map((c, i) => `${i + 1}. ${countryName(c, lng)}`).join(", ") || "–"}</td>
                    <td>
                      {p.placement ? (
                        <>
                          <Link to={`/admin/placements/${p.placement.id}`} lang={visitLang[p.placement.visitId]}>
                            {visitName[p.placement.visitId]}
                          </Link>{" "}
                          <PlacementBadge status={p.placement.status} />
                          {p.placement.locked ? (
                            <>
                              {" "}
                              <span className="badge badge-locked">{t("placement.visits.locked")}</span>
                            </>
                          ) : null}
                        </>
                      ) : (
                        <>
                          <span className="muted">{t("placement.people.unplaced")}</span>
                          {p.last ? (
                            <>
                              {" "}
                              <PlacementBadge status={p.last} />
                            </>
                          ) : null}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
