import type { z } from "zod";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/form";
import type { newPasswordSchema } from "~/forms/auth";
import type { FormReply } from "~/utils/http.server";

/** The "choose a password" form used by the reset and claim pages. */
export function NewPasswordForm({ lastResult, submitLabel }: { lastResult?: FormReply; submitLabel: string }) {
  const { t } = useTranslation();
  const [form, fields] = useServerForm<z.input<typeof newPasswordSchema>>({
    lastResult,
  });
  return (
    <Form method="post" className="stack" {...serverFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.password} type="password" label={t("auth.password")} hint={t("auth.passwordHint")} autoComplete="new-password" required />
      <TextField field={fields.passwordConfirm} type="password" label={t("auth.passwordConfirm")} autoComplete="new-password" required />
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
