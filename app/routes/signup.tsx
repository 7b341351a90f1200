import type { z } from "zod";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/form";
import { signupSchema } from "~/forms/auth.server";
import { remixI18n } from "~/i18n.server";
import { signUp } from "~/models/accounts.server";
import { createUserSession, getActor } from "~/session.server";
import { clientAddress, handleForm, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { retryAfterHeaders } from "~/utils/headers";

/** 429 answers keep their Retry-After. */
export const headers = retryAfterHeaders;
export const handle = pageTitle("auth.signup.title");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getActor(request)) return redirect("/me");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = await remixI18n.getLocale(request);
  return handleForm(form, signupSchema, async (v) => {
    const userId = await signUp({ email: v.email, password: v.password, displayName: v.displayName, locale, ip: clientAddress(context) });
    return redirect("/me", { headers: { "Set-Cookie": await createUserSession(request, userId) } });
  });
}

export default function Signup() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useServerForm<z.input<typeof signupSchema>>({
    lastResult,
  });
  return (
    <section className="card" style={{ maxWidth: "32rem" }}>
      <h1>{t("auth.signup.title")}</h1>
      <p>{t("auth.signup.lead")}</p>
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" className="stack" {...serverFormProps(form)}>
        <TextField field={fields.displayName} label={t("auth.displayName")} hint={t("auth.displayNameHint")} autoComplete="name" required />
        <TextField field={fields.email} type="email" label={t("auth.email")} autoComplete="email" required />
        <TextField field={fields.password} type="password" label={t("auth.password")} hint={t("auth.passwordHint")} autoComplete="new-password" required />
        <TextField field={fields.passwordConfirm} type="password" label={t("auth.passwordConfirm")} autoComplete="new-password" required />
        <div className="actions">
          <button type="submit">{t("auth.signup.submit")}</button>
        </div>
      </Form>
      <p>
        {t("auth.signup.haveAccount")} <Link to="/login">{t("auth.login.title")}</Link>
      </p>
    </section>
  );
}
