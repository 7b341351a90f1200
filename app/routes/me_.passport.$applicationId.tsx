// The participant's passport details for a visa invitation letter (issue 15 item 3): optional,
// stored only with the consent box ticked (the time is recorded), removable at any time (which
// revokes the letters stating them). Only the participant's own open application; anything else 404.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { checkboxProps, ErrorList, FormErrors, SelectField, TextField } from "~/components/form";
import { memberCountries } from "~/domain/countries";
import { formatDate } from "~/domain/dates";
import { passportSchema } from "~/forms/passport";
import { useAppForm } from "~/forms/use-app-form";
import { remixI18n } from "~/i18n.server";
import { eraseOwnPassport, getOwnPassport, saveOwnPassport } from "~/models/visa.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("visa.passport.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
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

export async function action({ request, params }: ActionFunctionArgs) {
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

export default function MyPassport() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const p = data.passport;
  const [form, fields] = useAppForm({
    id: "passport",
    lastResult: lastResult && "status" in lastResult ? lastResult : undefined,
    defaultValue: p ? { ...p, consent: "on" } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passportSchema }),
    shouldRevalidate: "onInput",
  });
  const done = params.get("done");
  return (
    <section className="card" style={{ maxWidth: "40rem" }}>
      <p>
        <Link to={`/me/applications/${data.application.id}`}>{t("common.back")}</Link>
      </p>
      <h1>{t("visa.passport.title")}</h1>
      <p className="muted">{data.application.editionName}</p>
      {done === "saved" || done === "erased" ? (
        <p className="alert alert-ok" role="status">
          {t(`visa.passport.done.${done}`)}
        </p>
      ) : null}
      <p>{t("visa.passport.lead")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField field={fields.passportName} label={t("visa.passport.name")} hint={t("visa.passport.nameHint")} autoComplete="off" required />
        <TextField field={fields.passportNumber} label={t("visa.passport.number")} hint={t("visa.passport.numberHint")} autoComplete="off" required />
        <TextField field={fields.expiresOn} type="date" label={t("visa.passport.expiresOn")} />
        <SelectField field={fields.issuingCountry} options={data.countries} placeholder={t("visa.passport.choose")} label={t("visa.passport.issuingCountry")} />
        <div className="field">
          <label className="check">
            <input {...checkboxProps(fields.consent)} />
            {t("visa.passport.consent")}
          </label>
          <ErrorList id={fields.consent.errorId} errors={fields.consent.errors} />
        </div>
        {p ? <p className="muted">{t("visa.passport.consentGiven", { date: p.consentOn })}</p> : null}
        <div className="actions">
          <button type="submit" name="intent" value="save">
            {t("visa.passport.save")}
          </button>
        </div>
      </Form>
      {p ? (
        <Form method="post" className="stack">
          <h2>{t("visa.passport.eraseTitle")}</h2>
          <p>{t("visa.passport.eraseText")}</p>
          <div className="actions">
            <button type="submit" name="intent" value="erase" className="btn-danger">
              {t("visa.passport.erase")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
