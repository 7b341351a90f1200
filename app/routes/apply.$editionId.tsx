// The applicant's form for one edition: GET loads the signed-in person's draft, or shows a blank
// form without writing anything (the application is created on the first save, issue 12 item 3);
// POST intent=save keeps a draft (lenient), intent=submit submits (strict, window checked on the
// server). A submit that fails validation still saves what was typed as the draft when the
// lenient rules allow it (issue 12 item 2), and a form posted after the login expired comes back
// as the draft after logging in again (app/form-stash.server.ts). Once submitted, the page sends the applicant to the
// status page.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { pickField } from "~/domain/local-text";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApplicationForm } from "~/components/application/ApplicationForm";
import { applicationSchemaFor } from "~/forms/application.server";
import { formatDate } from "~/domain/dates";
import { emptyFormValues, toFormValues } from "~/components/application/values";
import { draftSchema, submitSchema } from "~/forms/application.server";
import { remixI18n } from "~/i18n.server";
import { canEdit, findOwnApplicationForEdition, saveDraft, startApplication, submitApplication, type Answers } from "~/models/applications.server";
import { answersAsFormValues, formQuestions, questionSpecs, questionsForForm } from "~/models/applications/questions.server";
import { parseAnswers } from "~/domain/questions";
import { getEdition, windowState } from "~/models/editions.server";
import { FieldErrors, RuleError } from "~/models/errors";
import { takeStash } from "~/form-stash.server";
import { requireActor } from "~/session.server";
import { badRequest, guard, handleForm, parseWithZod, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("apply.title", { edition: d.edition.name }));

function editionId(params: LoaderFunctionArgs["params"]) {
  const id = Number(params.editionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const id = editionId(params);
  const lng = await remixI18n.getLocale(request);
  const restored = await takeStash(request, actor.id);
  return guard(() => {
    const edition = getEdition(id);
    const state = windowState(edition);
    const info = {
      id: edition.id,
      name: pickField(edition.name, edition.translations, "name", lng).text,
      themes: edition.themes,
      window: { from: formatDate(edition.applicationsOpenOn, lng), to: formatDate(edition.applicationsCloseOn, lng) },
      state,
    };
    let app = findOwnApplicationForEdition(actor, id);
    const qs = formQuestions(id);
    const questions = questionsForForm(qs, lng);
    // Answers posted after the login expired come back as the draft (issue 12 item 2).
    if (restored && state === "open" && (!app || app.status === "draft")) {
      const lenient = savablePart(restored.form);
      if (lenient) {
        try {
          saveDraft(actor, (app ?? startApplication(actor, id)).id, lenient);
          app = findOwnApplicationForEdition(actor, id);
          return json(
            {
              edition: info,
              application: { id: app!.id, status: app!.status },
              defaultValue: { ...toFormValues(app!), ...answersAsFormValues(app!.id, qs) },
              canSubmit: canEdit(app!, edition),
              questions,
              restored: true,
            },
            { headers: { "Set-Cookie": restored.clearCookie } },
          );
        } catch (e) {
          if (!(e instanceof RuleError) && !(e instanceof FieldErrors)) throw e;
        }
      }
    }
    if (!app) {
      if (state !== "open") return json({ edition: info, application: null, defaultValue: null, canSubmit: false, questions });
      // Only looking creates nothing: the draft is written on the first save.
      return json({ edition: info, application: null, defaultValue: emptyFormValues(), canSubmit: true, questions });
    }
    if (app.status !== "draft") throw redirect(`/me/applications/${app.id}`);
    const defaultValue = { ...toFormValues(app), ...answersAsFormValues(app.id, qs) };
    return json({ edition: info, application: { id: app.id, status: app.status }, defaultValue, canSubmit: canEdit(app, edition), questions });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const id = editionId(params);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent !== "save" && intent !== "submit") badRequest("Unknown intent");
  const found = await guard(() => findOwnApplicationForEdition(actor, id));
  // A repeated submit (double click, back and resubmit) just shows where the application stands.
  if (found && found.status !== "draft") return redirect(`/me/applications/${found.id}`);
  // Created on the first save (or submit) that passes the rules, never by a GET.
  const draftId = () => (found ?? startApplication(actor, id)).id;
  // The edition's own questions (issue 15): checked here, saved in the same transaction.
  const questions = formQuestions(id);
  const get = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  const lenientAnswers = parseAnswers(questionSpecs(questions), get, false);
  const answers: Answers = { questions, values: lenientAnswers.values };
  if (intent === "submit") {
    const strict = parseWithZod(form, { schema: submitSchema });
    const strictAnswers = parseAnswers(questionSpecs(questions), get, true);
    if (strict.status !== "success" || Object.keys(strictAnswers.errors).length) {
      // Nothing typed is lost: what passes the lenient rules becomes the draft, then the errors show.
      const lenient = savablePart(form);
      let draftSaved = false;
      if (lenient) {
        try {
          saveDraft(actor, draftId(), lenient, answers);
          draftSaved = true;
        } catch (e) {
          if (!(e instanceof RuleError) && !(e instanceof FieldErrors)) throw e;
        }
      }
      return json({ ...strict.reply({ fieldErrors: strictAnswers.errors }), draftSaved }, { status: 400 });
    }
  } else if (Object.keys(lenientAnswers.errors).length) {
    // A draft with an answer of the wrong form (a date that is no date): nothing written, all re-shown.
    return json(parseWithZod(form, { schema: draftSchema }).reply({ fieldErrors: lenientAnswers.errors }), { status: 400 });
  }
  return handleForm(form, applicationSchemaFor(intent), (v) => {
    if (intent === "save") {
      saveDraft(actor, draftId(), v, answers);
      return redirect(`/apply/${id}?saved=1`);
    }
    const appId = draftId();
    try {
      submitApplication(actor, appId, v, answers);
    } catch (e) {
      // Raced with another submit of the same draft: it is submitted, show it.
      if (e instanceof RuleError && e.key === "errors.transition") return redirect(`/me/applications/${appId}`);
      throw e;
    }
    return redirect(`/me/applications/${appId}?submitted=1`);
  });
}

/**
 * What of a failed submit can be kept as the draft: the form parsed with the lenient draft rules,
 * leaving out only the answers those rules refuse (a language row without its level, a bad date,
 * health data without consent), which stay on the re-rendered page. Null when nothing passes.
 */
function savablePart(form: FormData) {
  const rest = new FormData();
  for (const [k, v] of form) rest.append(k, v);
  for (let i = 0; i < 6; i++) {
    const r = parseWithZod(rest, { schema: draftSchema });
    if (r.status === "success") return r.value;
    const bad = Object.keys(r.error ?? {});
    if (!bad.length) return null;
    for (const key of bad) {
      const row = /^(\w+\[\d+\])/.exec(key)?.[1];
      const drop = key === "sensitiveConsent" ? ["dietaryNeeds", "accessibilityNeeds"] : [row ?? key];
      for (const k of [...rest.keys()]) if (drop.some((d) => k === d || k.startsWith(`${d}.`) || k.startsWith(`${d}[`))) rest.delete(k);
    }
  }
  return null;
}

export default function Apply() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { edition } = data;
  const windowNote = edition.state === "closed" ? t("errors.windowClosed") : t("errors.windowNotOpen", { date: edition.window.from });
  return (
    <section>
      <p>
        <Link to="/me">{t("apply.backToList")}</Link>
      </p>
      <h1>{t("apply.title", { edition: edition.name })}</h1>
      <p className="muted">{t("apply.window", edition.window)}</p>
      {params.get("saved") && !lastResult ? (
        <p className="alert alert-ok" role="status">
          {t("apply.saved")}
        </p>
      ) : null}
      {params.get("claimed") && data.application ? (
        <p className="alert alert-ok" role="status">
          {t("apply.claimedNote")}
        </p>
      ) : null}
      {"restored" in data && data.restored && !lastResult ? (
        <p className="alert alert-ok" role="status">
          {t("apply.restored")}
        </p>
      ) : null}
      {lastResult && "draftSaved" in lastResult && lastResult.draftSaved ? (
        <p className="alert alert-ok" role="status">
          {t("apply.savedNotSubmitted")}
        </p>
      ) : null}
      {!data.defaultValue ? (
        <p className="alert alert-warn">{windowNote}</p>
      ) : (
        <>
          {!data.canSubmit ? <p className="alert alert-warn">{windowNote}</p> : null}
          <p>{t("apply.lead")}</p>
          <ApplicationForm
            edition={edition}
            lastResult={lastResult && "status" in lastResult ? lastResult : undefined}
            defaultValue={data.defaultValue}
            canSubmit={data.canSubmit}
            questions={data.questions}
          />
        </>
      )}
    </section>
  );
}
