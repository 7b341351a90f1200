// A nominee's first visit: choose a password for the account their focal point created, then
// check and submit the application (docs/design.md "nomination").
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewPasswordForm } from "~/components/accounts/NewPasswordForm";
import { newPasswordSchema } from "~/forms/auth.server";
import { explicitLocale } from "~/i18n.server";
import { checkToken, setPasswordWithToken, setUserLocale } from "~/models/accounts.server";
import { nominatedDraftEdition } from "~/models/applications.server";
import { NotFoundError } from "~/models/errors";
import { createUserSession } from "~/session.server";
import { clientAddress, handleForm, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { retryAfterHeaders } from "~/utils/headers";

/** 429 answers keep their Retry-After. */
export const headers = retryAfterHeaders;
export const meta: MetaFunction = () => [{ name: "referrer", content: "no-referrer" }];
export const handle = pageTitle("auth.claim.title");

export function loader({ params }: LoaderFunctionArgs) {
  try {
    const who = checkToken(params.token ?? "", "claim");
    return json({ valid: true as const, email: who.email });
  } catch (e) {
    if (e instanceof NotFoundError) return json({ valid: false as const, email: "" }, { status: 404 });
    throw e;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  return handleForm(form, newPasswordSchema, async (v) => {
    const userId = await setPasswordWithToken({ token: params.token ?? "", password: v.password, purpose: "claim", ip: clientAddress(context) });
    // The account was made in the country's language; a language the person picked on this page
    // (switcher cookie or ?lng=) is the one they "signed up in" and wins.
    const chosen = await explicitLocale(request);
    if (chosen) setUserLocale(userId, chosen);
    // Straight to the nomination: the nominee checks it and gives their needs and consent themselves.
    const editionId = nominatedDraftEdition(userId);
    return redirect(editionId ? `/apply/${editionId}?claimed=1` : "/me", { headers: { "Set-Cookie": await createUserSession(request, userId) } });
  });
}

export default function Claim() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="card" style={{ maxWidth: "32rem" }}>
      <h1>{t("auth.claim.title")}</h1>
      {data.valid ? (
        <>
          <p>{t("auth.claim.lead", { email: data.email })}</p>
          <NewPasswordForm lastResult={lastResult} submitLabel={t("auth.claim.submit")} />
        </>
      ) : (
        <p className="alert alert-error">{t("auth.claim.invalid")}</p>
      )}
    </section>
  );
}
