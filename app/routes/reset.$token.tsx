import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewPasswordForm } from "~/components/accounts/NewPasswordForm";
import { newPasswordSchema } from "~/forms/auth.server";
import { checkToken, setPasswordWithToken } from "~/models/accounts.server";
import { NotFoundError } from "~/models/errors";
import { createUserSession } from "~/session.server";
import { clientAddress, handleForm, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { retryAfterHeaders } from "~/utils/headers";

/** 429 answers keep their Retry-After. */
export const headers = retryAfterHeaders;
export const meta: MetaFunction = () => [{ name: "referrer", content: "no-referrer" }];
export const handle = pageTitle("auth.reset.title");

export function loader({ params }: LoaderFunctionArgs) {
  try {
    checkToken(params.token ?? "", "reset");
    return json({ valid: true });
  } catch (e) {
    if (e instanceof NotFoundError) return json({ valid: false }, { status: 404 });
    throw e;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return handleForm(form, newPasswordSchema, async (v) => {
    const userId = await setPasswordWithToken({ token: params.token ?? "", password: v.password, purpose: "reset", ip: clientAddress(context) });
    return redirect("/me", { headers: { "Set-Cookie": await createUserSession(request, userId) } });
  });
}

export default function Reset() {
  const { t } = useTranslation();
  const { valid } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="card" style={{ maxWidth: "30rem" }}>
      <h1>{t("auth.reset.title")}</h1>
      {valid ? (
        <NewPasswordForm lastResult={lastResult} submitLabel={t("auth.reset.submit")} />
      ) : (
        <>
          <p className="alert alert-error">{t("auth.reset.invalid")}</p>
          <Link to="/forgot-password">{t("auth.reset.again")}</Link>
        </>
      )}
    </section>
  );
}
