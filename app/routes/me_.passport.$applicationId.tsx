// The participant's passport details for a visa invitation letter (issue 15 item 3): optional,
// stored only with the consent box ticked (the time is recorded), removable at any time (which
// revokes the letters stating them). Only the participant's own open application; anything else 404.
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { checkboxProps, ErrorList, FormErrors, SelectField, TextField } from "~/components/form";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import { passportAction, passportLoader } from "~/models/visa/passport-page.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("visa.passport.title");

// The loader and action live in a .server module: the page's script then carries nothing of them.
export const loader = passportLoader;
export const action = passportAction;

export default function MyPassport() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const p = data.passport;
  const [form, fields] = useServerForm<{ passportName: string; passportNumber: string; expiresOn: string; issuingCountry: string; consent: string }>({
    id: "passport",
    lastResult: lastResult && "status" in lastResult ? lastResult : undefined,
    defaultValue: p ? { ...p, consent: "on" } : undefined,
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
      <Form method="post" className="stack" {...serverFormProps(form)}>
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
