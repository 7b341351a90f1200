// Organizer: one visa invitation letter (issue 15 item 3), printable on A4; the PDF is the
// browser's print-to-PDF (why: app/models/visa/view.server.ts). Revocation needs a reason and is
// audited; a revoked letter can be reissued (new number and code). Anyone else: 404.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextAreaField } from "~/components/form";
import { VisaLetterView, visaLinks } from "~/components/visa/VisaLetterView";
import { letterActionSchema } from "~/forms/passport";
import { useAppForm } from "~/forms/use-app-form";
import { getLetter, letterView, reissueLetter, revokeLetter } from "~/models/visa.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("visa.letter.pageTitle", { number: d.letter.number }));
export const links = visaLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    const id = idParam(params.letterId, "visa letter");
    const l = getLetter(actor, id);
    return json(
      { letter: await letterView(actor, id), editionId: l.editionId },
      // Passport data: never kept by a shared cache.
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(async () => {
    const id = idParam(params.letterId, "visa letter");
    getLetter(actor, id); // scope first: 404 for anyone else, whatever they posted
    return handleForm(form, letterActionSchema, (v) => {
      if (v.intent === "revoke") {
        revokeLetter(actor, id, v.reason ?? "");
        return redirect(`/admin/visa-letters/${id}?done=revoke`);
      }
      const next = reissueLetter(actor, id);
      return redirect(`/admin/visa-letters/${next.id}?done=reissue`);
    });
  });
}

export default function VisaLetterPage() {
  const { letter, editionId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: `visa-letter-${letter.id}`,
    lastResult: lastResult && "status" in lastResult ? lastResult : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: letterActionSchema }),
    shouldRevalidate: "onInput",
  });
  const done = params.get("done");
  return (
    <>
      <div className="no-print">
        <p>
          <Link to={`/admin/editions/${editionId}/visa-letters`}>{t("visa.letter.back")}</Link>
        </p>
        {done === "revoke" || done === "reissue" ? (
          <p className="alert alert-ok" role="status">
            {t(`visa.letter.done.${done}`)}
          </p>
        ) : null}
        <p className="muted">{t("visa.letter.printHint")}</p>
      </div>
      <VisaLetterView l={letter} page />
      <section className="card no-print visa-admin" aria-labelledby="visa-admin-h">
        <h2 id="visa-admin-h">{t(letter.status === "valid" ? "visa.letter.revokeTitle" : "visa.letter.reissueTitle")}</h2>
        <Form method="post" className="stack" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          {letter.status === "valid" ? (
            <>
              <TextAreaField field={fields.reason} label={t("visa.letter.reason")} hint={t("visa.letter.reasonHint")} rows={2} />
              <div className="actions">
                <button type="submit" name="intent" value="revoke" className="btn-danger">
                  {t("visa.letter.revoke")}
                </button>
              </div>
            </>
          ) : (
            <>
              <p>{t("visa.letter.revokedReason", { reason: letter.revokeReason ?? "" })}</p>
              <div className="actions">
                <button type="submit" name="intent" value="reissue">
                  {t("visa.letter.reissue")}
                </button>
              </div>
            </>
          )}
        </Form>
      </section>
    </>
  );
}
