import type { z } from "zod";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextField } from "~/components/form";
import { loginSchema } from "~/forms/auth.server";
import { landingPath } from "~/domain/workspaces";
import { loadActor, logIn } from "~/models/accounts.server";
import type { Actor } from "~/models/actor";
import { createUserSession, getActor } from "~/session.server";
import { clientAddress, handleForm, readForm, safeRedirect } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { retryAfterHeaders } from "~/utils/headers";

/** 429 answers keep their Retry-After. */
export const headers = retryAfterHeaders;
export const handle = pageTitle("auth.login.title");

/** The workspace of the actor's roles (domain/workspaces.ts); /me for a person with none. */
function landingFor(actor: Actor | null): string {
  return actor
    ? landingPath({
        isOrganizer: actor.isOrganizer,
        isFocalPoint: actor.focalPointCountries.length > 0,
        isHostCoordinator: actor.isHostCoordinator,
      })
    : "/me";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  if (actor) return redirect(landingFor(actor));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return handleForm(form, loginSchema, async (v) => {
    const userId = await logIn({ email: v.email, password: v.password, ip: clientAddress(context) });
    // A safe same-origin redirectTo (the page that asked for the login) wins over the workspace.
    return redirect(safeRedirect(v.redirectTo, landingFor(loadActor(userId))), {
      headers: { "Set-Cookie": await createUserSession(request, userId) },
    });
  });
}

export default function Login() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useServerForm<z.input<typeof loginSchema>>({
    lastResult,
  });
  return (
    <section className="card" style={{ maxWidth: "30rem" }}>
      <h1>{t("auth.login.title")}</h1>
      {params.get("expired") ? (
        <p className="alert alert-warn" role="status">
          {t("auth.login.expired")}
        </p>
      ) : null}
      <FormErrors errors={form.errors} id={form.errorId} />
      <Form method="post" className="stack" {...serverFormProps(form)}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField field={fields.email} type="email" label={t("auth.email")} autoComplete="username" required />
        <TextField field={fields.password} type="password" label={t("auth.password")} autoComplete="current-password" required />
        <div className="actions">
          <button type="submit">{t("auth.login.submit")}</button>
          <Link to="/forgot-password">{t("auth.login.forgot")}</Link>
        </div>
      </Form>
      <p>
        {t("auth.login.noAccount")} <Link to="/signup">{t("auth.login.signup")}</Link>
      </p>
    </section>
  );
}
