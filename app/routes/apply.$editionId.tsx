// The applicant's form for one edition (issue 12): a blank form or the signed-in person's draft,
// saved or submitted; what the loader and action do is described with them in
// app/models/applications/apply-page.server.ts.
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApplicationForm } from "~/components/application/ApplicationForm";
import { applyAction, applyLoader } from "~/models/applications/apply-page.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("apply.title", { edition: d.edition.name }));

// The loader and action live in a .server module: the page's script then carries nothing of them.
export const loader = applyLoader;
export const action = applyAction;

export default function Apply() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { edition } = data;
  const headingParts = t("apply.title", { edition: "\uE000" }).split("\uE000");
  const windowNote = edition.state === "closed" ? t("errors.windowClosed") : t("errors.windowNotOpen", { date: edition.window.from });
  return (
    <section>
      <p>
        <Link to="/me">{t("apply.backToList")}</Link>
      </p>
      <h1>
        {/* The edition's name in its own language inside the sentence (inline: this page's script budget is full). */}
        {headingParts[0]}
        <span lang={edition.lang}>{edition.name}</span>
        {headingParts[1]}
      </h1>
      <p className="muted">{t("apply.window", edition.window)}</p>
      {params.get("saved") && !lastResult ? (
        <p className="alert alert-ok" role="status">
          {t("apply.saved")}
        </p>
      ) : null}
      {params.get("claimed") && data.application ? (
        <p className="alert alert-ok" role="status">
          {t("apply.claimedNote")}
        </p>
      ) : null}
      {"restored" in data && data.restored && !lastResult ? (
        <p className="alert alert-ok" role="status">
          {t("apply.restored")}
        </p>
      ) : null}
      {lastResult && "draftSaved" in lastResult && lastResult.draftSaved ? (
        <p className="alert alert-ok" role="status">
          {t("apply.savedNotSubmitted")}
        </p>
      ) : null}
      {!data.defaultValue ? (
        <p className="alert alert-warn">{windowNote}</p>
      ) : (
        <>
          {!data.canSubmit ? <p className="alert alert-warn">{windowNote}</p> : null}
          <p>{t("apply.lead")}</p>
          <ApplicationForm
            edition={edition}
            lastResult={lastResult && "status" in lastResult ? lastResult : undefined}
            defaultValue={data.defaultValue}
            canSubmit={data.canSubmit}
            questions={data.questions}
            options={data.options}
          />
        </>
      )}
    </section>
  );
}
