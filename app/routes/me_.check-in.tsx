// Self check-in (issue 6): a participant types the code the trainer shows. Works without JS.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dashboardLinks } from "~/components/dashboard/styles";
import { useErrorText } from "~/components/form";
import { selfCheckInSchema } from "~/forms/attendance.server";
import { selfCheckIn } from "~/models/tracking.server";
import { RateLimitError, RuleError } from "~/models/errors";
import { pickField } from "~/domain/local-text";
import { remixI18n } from "~/i18n.server";
import { requireActor } from "~/session.server";
import { messageKey, readForm } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { pageTitle } from "~/utils/page-title";
import { retryAfterHeaders } from "~/utils/headers";

/** 429 answers keep their Retry-After. */
export const headers = retryAfterHeaders;
export const handle = pageTitle("tracking.self.title");
export const links = dashboardLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request);
  const url = new URL(request.url);
  // `doneLang`: the language the session's title is in (a short code, else none).
  const doneLang = url.searchParams.get("doneLang");
  return json({
    done: url.searchParams.get("done"),
    doneLang: doneLang && /^[a-z]{2,3}$/.test(doneLang) ? doneLang : undefined,
    status: url.searchParams.get("status"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const form = await readForm(request);
  const code = String(form.get("code") ?? "");
  const parsed = selfCheckInSchema.safeParse({ code });
  if (!parsed.success) return json({ error: "tracking.errors.codeFormat", code }, { status: 400 });
  try {
    const r = selfCheckIn(actor, parsed.data.code);
    // The session's title in the reader's language (issue 11 item 8).
    const title = pickField(r.training.title, r.training.translations, "title", lng);
    return redirect(`/me/check-in?done=${encodeURIComponent(title.text)}&doneLang=${title.lang}&status=${r.status}`);
  } catch (e) {
    if (e instanceof RuleError) return json({ error: messageKey(e.key, e.params), code }, { status: 409 });
    if (e instanceof RateLimitError) {
      const error = messageKey("errors.tooManyAttempts", { count: Math.ceil(e.retryAfterSeconds / 60) });
      return json({ error, code }, { status: 429, headers: { "Retry-After": String(e.retryAfterSeconds) } });
    }
    throw e;
  }
}

export default function SelfCheckIn() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const tr = useErrorText();
  return (
    <section>
      <h1>{t("tracking.self.title")}</h1>
      {data.done ? (
        <p className="alert alert-ok" role="status">
          <LocalTextIn
            i18nKey="tracking.self.done"
            name="title"
            value={{ text: data.done, lang: data.doneLang }}
            values={{ status: t(`tracking.status.${data.status ?? "present"}`) }}
          />
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <div className="field">
          <label htmlFor="code">{t("tracking.self.code")}</label>
          <input
            id="code"
            name="code"
            className="code-input"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            defaultValue={result?.code ?? ""}
            aria-invalid={result?.error ? true : undefined}
            aria-describedby="code-hint code-error"
          />
          <p id="code-hint" className="hint">
            {t("tracking.self.hint")}
          </p>
          <div id="code-error" className="field-errors" aria-live="polite">
            {result?.error ? <p>{tr(result.error)}</p> : null}
          </div>
        </div>
        <div className="actions">
          <button type="submit">{t("tracking.self.submit")}</button>
        </div>
      </Form>
    </section>
  );
}
