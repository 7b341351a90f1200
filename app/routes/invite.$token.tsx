// Accepting an organizer's invitation to become a focal point or host coordinator: a signed-in
// user accepts with one button; a new person creates their account here first.
import { serverFormProps, useServerForm } from "~/forms/server-form";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type * as z from "zod";
import { FormErrors, TextField } from "~/components/form";
import { newAccountSchema } from "~/forms/auth.server";
import { memberCountryName as countryName } from "~/domain/country-names";
import { remixI18n } from "~/i18n.server";
import { acceptInvitation, findInvitation, signUp } from "~/models/accounts.server";
import { RuleError } from "~/models/errors";
import { createUserSession, getActor } from "~/session.server";
import { clientAddress, guard, handleForm, messageKey, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { retryAfterHeaders } from "~/utils/headers";

/** 429 answers keep their Retry-After. */
export const headers = retryAfterHeaders;
export const meta: MetaFunction = () => [{ name: "referrer", content: "no-referrer" }];
export const handle = pageTitle("auth.invite.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    try {
      const inv = findInvitation(params.token ?? "");
      return json({
        problem: null,
        role: inv.role,
        country: inv.countryCode ? countryName(inv.countryCode, lng) : null,
        email: inv.email,
        actorName: actor?.displayName ?? null,
      });
    } catch (e) {
      if (e instanceof RuleError) return json({ problem: messageKey(e.key), role: null, country: null, email: "", actorName: null }, { status: 410 });
      throw e;
    }
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = await readForm(request);
  const actor = await getActor(request);
  if (actor && form.get("intent") === "accept") {
    return guard(() => {
      acceptInvitation(token, actor.id);
      return redirect("/me?invited=1");
    });
  }
  const locale = await remixI18n.getLocale(request);
  return handleForm(form, newAccountSchema, async (v) => {
    const inv = findInvitation(token);
    const userId = await signUp({ email: inv.email, password: v.password, displayName: v.displayName, locale, ip: clientAddress(context) });
    acceptInvitation(token, userId);
    return redirect("/me?invited=1", { headers: { "Set-Cookie": await createUserSession(request, userId) } });
  });
}

export default function Invite() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { token } = useParams();
  const [form, fields] = useServerForm<z.input<typeof newAccountSchema>>({
    lastResult: lastResult && "status" in lastResult ? lastResult : undefined,
  });
  if (data.problem) {
    return (
      <section className="card" style={{ maxWidth: "32rem" }}>
        <h1>{t("auth.invite.title")}</h1>
        <FormErrors errors={[data.problem]} />
      </section>
    );
  }
  const role = t(`roles.${data.role}`);
  return (
    <section className="card" style={{ maxWidth: "32rem" }}>
      <h1>{t("auth.invite.title")}</h1>
      <p>{data.country ? t("auth.invite.leadCountry", { role, country: data.country }) : t("auth.invite.lead", { role })}</p>
      {data.actorName ? (
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
          <button type="submit">{t("auth.invite.acceptAs", { name: data.actorName })}</button>
        </Form>
      ) : (
        <>
          <h2>{t("auth.invite.newAccount")}</h2>
          <FormErrors errors={form.errors} id={form.errorId} />
          <Form method="post" className="stack" {...serverFormProps(form)}>
            <div className="field">
              <label htmlFor="invite-email">{t("auth.email")}</label>
              <input id="invite-email" type="email" value={data.email} readOnly />
            </div>
            <TextField field={fields.displayName} label={t("auth.displayName")} autoComplete="name" required />
            <TextField field={fields.password} type="password" label={t("auth.password")} hint={t("auth.passwordHint")} autoComplete="new-password" required />
            <TextField field={fields.passwordConfirm} type="password" label={t("auth.passwordConfirm")} autoComplete="new-password" required />
            <div className="actions">
              <button type="submit">{t("auth.signup.submit")}</button>
            </div>
          </Form>
          <p>
            {t("auth.invite.orLogin")} <Link to={`/login?redirectTo=/invite/${token}`}>{t("auth.login.title")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
