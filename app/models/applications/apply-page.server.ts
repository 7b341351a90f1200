/**
 * The applicant's page for one edition (app/routes/apply.$editionId.tsx): its loader and action,
 * kept in a `.server` module so the page's script carries none of the modules they use (issue 14
 * script budget: every module a route imports for its loader stays in the browser bundle, as code
 * or as an empty stub).
 *
 * GET loads the signed-in person's draft, or shows a blank form without writing anything (the
 * application is created on the first save, issue 12 item 3); POST intent=save keeps a draft
 * (lenient), intent=submit submits (strict, window checked on the server). A submit that fails
 * validation still saves what was typed as the draft when the lenient rules allow it (issue 12
 * item 2), and a form posted after the login expired comes back as the draft after logging in
 * again (app/form-stash.server.ts). Once submitted, the page sends the applicant to the status page.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { emptyFormValues, toFormValues } from "~/components/application/values";
import { applicationFormOptions } from "~/components/application/options.server";
import { formatDate } from "~/domain/dates";
import { pickField } from "~/domain/local-text";
import { parseAnswers } from "~/domain/questions";
import { takeStash } from "~/form-stash.server";
import { applicationSchemaFor, draftSchema, submitSchema } from "~/forms/application.server";
import { remixI18n } from "~/i18n.server";
import { canEdit, findOwnApplicationForEdition, saveDraft, startApplication, submitApplication, type Answers } from "~/models/applications.server";
import { getEdition, windowState } from "~/models/editions.server";
import { FieldErrors, RuleError } from "~/models/errors";
import { requireActor } from "~/session.server";
import { badRequest, guard, handleForm, parseWithZod, readForm } from "~/utils/http.server";
import { answersAsFormValues, formQuestions, questionSpecs, questionsForForm } from "./questions.server";

function editionId(params: LoaderFunctionArgs["params"]) {
  const id = Number(params.editionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}

export async function applyLoader({ request, params }: LoaderFunctionArgs) {
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
      lang: pickField(edition.name, edition.translations, "name", lng).lang,
      themes: edition.themes,
      window: { from: formatDate(edition.applicationsOpenOn, lng), to: formatDate(edition.applicationsCloseOn, lng) },
      state,
    };
    let app = findOwnApplicationForEdition(actor, id);
    const qs = formQuestions(id);
    const questions = questionsForForm(qs, lng);
    const options = applicationFormOptions(lng);
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
              options,
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
      if (state !== "open") return json({ edition: info, application: null, defaultValue: null, canSubmit: false, questions, options });
      // Only looking creates nothing: the draft is written on the first save.
      return json({ edition: info, application: null, defaultValue: emptyFormValues(), canSubmit: true, questions, options });
    }
    if (app.status !== "draft") throw redirect(`/me/applications/${app.id}`);
    const defaultValue = { ...toFormValues(app), ...answersAsFormValues(app.id, qs) };
    return json({ edition: info, application: { id: app.id, status: app.status }, defaultValue, canSubmit: canEdit(app, edition), questions, options });
  });
}

export async function applyAction({ request, params }: ActionFunctionArgs) {
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
