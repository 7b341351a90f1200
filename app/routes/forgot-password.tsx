import type { z } from "zod";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import { json, type ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/form";
import { forgotSchema } from "~/forms/auth.server";
import { requestPasswordReset } from "~/models/accounts.server";
import { clientAddress, handleForm, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { retryAfterHeaders } from "~/utils/headers";

/** 429 answers keep their Retry-After. */
export const headers = retryAfterHeaders;
export const handle = pageTitle("auth.forgot.title");

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return handleForm(form, forgotSchema, async (v) => {
    await requestPasswordReset({ email: v.email, ip: clientAddress(context) });
    return json({ status: "success" as const, sent: true, initialValue: null, error: null });
  });
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const sent = !!data && "sent" in data;
  const [form, fields] = useServerForm<z.input<typeof forgotSchema>>({
    lastResult: sent ? undefined : (data as never),
  });
  return (
    <section className="card" style={{ maxWidth: "30rem" }}>
      <h1>{t("auth.forgot.title")}</h1>
      {sent ? (
        <p className="alert alert-ok" role="status">
          {t("auth.forgot.sent")}
        </p>
      ) : (
        <>
          <p>{t("auth.forgot.lead")}</p>
          <Form method="post" className="stack" {...serverFormProps(form)}>
            <TextField field={fields.email} type="email" label={t("auth.email")} autoComplete="email" required />
            <div className="actions">
              <button type="submit">{t("auth.forgot.submit")}</button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
