/**
 * The participant's passport page (/me/passport/:applicationId): its loader and action, kept in a
 * .server module so the page's script carries none of their imports (issue 14's 100 kB budget:
 * the form is checked on the server only, without zod in the browser).
 *
 * - `passportLoader`: the actor's own open application and the passport held, if any; anyone
 *   else's application is 404.
 * - `passportAction`: saves the details (passportSchema: 400 with the errors and the typed values,
 *   nothing stored, e.g. without the consent box) or, with `intent=erase`, removes them (and
 *   revokes the letters stating them); scope first, so another person's id is 404 whatever is posted.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { memberCountries } from "~/domain/countries";
import { formatDate } from "~/domain/dates";
import { passportSchema } from "~/forms/passport";
import { remixI18n } from "~/i18n.server";
import { eraseOwnPassport, getOwnPassport, saveOwnPassport } from "~/models/visa.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";

export async function passportLoader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const { application, passport } = getOwnPassport(actor, idParam(params.applicationId, "application"));
    return json({
      application: { id: application.id, editionName: application.editionName },
      passport: passport
        ? {
            passportName: passport.passportName,
            passportNumber: passport.passportNumber,
            expiresOn: passport.expiresOn ?? "",
            issuingCountry: passport.issuingCountry ?? "",
            consentOn: formatDate(passport.consentAt.slice(0, 10), lng, "long"),
          }
        : null,
      countries: memberCountries(lng).map((c) => ({ value: c.code, label: c.name })),
    });
  });
}

export async function passportAction({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(async () => {
    const id = idParam(params.applicationId, "application");
    getOwnPassport(actor, id); // scope first: 404 for anyone else's application, whatever was posted
    if (form.get("intent") === "erase") {
      eraseOwnPassport(actor, id);
      return redirect(`/me/passport/${id}?done=erased`);
    }
    return handleForm(form, passportSchema, (v) => {
      saveOwnPassport(actor, id, v);
      return redirect(`/me/passport/${id}?done=saved`);
    });
  });
}
