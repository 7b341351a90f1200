// "My documents" (issue 15 item 2): the participant uploads, replaces and deletes the passport scan,
// badge photo and signed consent form of each of their applications. Works without JavaScript:
// each upload is a plain multipart form (reloadDocument: a browser post, so a body past the
// server's limit comes back here with ?tooLarge=1 instead of a bare 413), each delete a small form.
// The file is read by a streaming handler that stops at the kind's size limit, so an oversize file
// is never held whole; its type is then checked by content (app/models/documents/store.server.ts).
import {
  json,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/components/form";
import { LocalText } from "~/components/i18n/LocalText";
import { pickField } from "~/domain/local-text";
import { remixI18n } from "~/i18n.server";
import { formatDate } from "~/domain/dates";
import { DOCUMENT_KIND_CODES, DOCUMENT_KINDS, extensionOf, isDocumentKind, MAX_DOCUMENT_BYTES, type DocumentKind } from "~/domain/document-kinds";
import { formatFileSize, formatList } from "~/domain/format";
import { deleteOwnDocument, myDocuments, uploadDocument } from "~/models/documents.server";
import { FieldErrors, messageKey, RuleError } from "~/models/errors";
import { requireActor } from "~/session.server";
import { badRequest, guard, idParam, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("documents.title");

const MB = 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const applications = myDocuments(actor).map(({ editionTranslations, ...a }) => ({
    ...a,
    editionName: pickField(a.editionName, editionTranslations, "name", lng),
  }));
  return json({ applications, maxMb: MAX_DOCUMENT_BYTES / MB });
}

type Reply = { slot: string; error: string };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const form = await readForm(request);
    if (form.get("intent") !== "delete") badRequest();
    return guard(() => {
      deleteOwnDocument(actor, idParam(String(form.get("documentId") ?? ""), "document"));
      return redirect("/me/documents?done=deleted");
    });
  }
  // Which application and kind travel in the form's URL, so the size cap is known before the body is read.
  const applicationId = idParam(url.searchParams.get("application") ?? "", "application");
  const kind = url.searchParams.get("kind") ?? "";
  const slot = `${applicationId}-${kind}`;
  const maxBytes = isDocumentKind(kind) ? DOCUMENT_KINDS[kind].maxBytes : MAX_DOCUMENT_BYTES;
  const fail = (error: string, status = 400) => json<Reply>({ slot, error }, { status });
  let file: FormDataEntryValue | null;
  try {
    const form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }));
    file = form.get("file");
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return fail(messageKey("documents.errors.tooLarge", { max: maxBytes / MB }));
    return fail("documents.errors.unreadable");
  }
  if (!(file instanceof File) || file.size === 0) return fail("documents.errors.empty");
  const fileName = file.name;
  const bytes = new Uint8Array(await file.arrayBuffer());
  return guard(async () => {
    try {
      const r = await uploadDocument(actor, { applicationId, kind, bytes, fileName });
      return redirect(`/me/documents?done=${r.replaced ? "replaced" : "uploaded"}#doc-${slot}`);
    } catch (e) {
      if (e instanceof FieldErrors) return fail(Object.values(e.fields).flat()[0] ?? "documents.errors.unreadable");
      if (e instanceof RuleError) return fail(messageKey(e.key, e.params), 409);
      throw e;
    }
  });
}

const TYPE_NAMES: Record<string, string> = { "application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG" };
const ACCEPT: Record<string, string> = { "application/pdf": ".pdf,application/pdf", "image/jpeg": ".jpg,.jpeg,image/jpeg", "image/png": ".png,image/png" };

export default function MyDocuments() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const [params] = useSearchParams();
  const errorText = useErrorText();
  const done = params.get("done");
  return (
    <section>
      <p>
        <Link to="/me">{t("common.back")}</Link>
      </p>
      <h1>{t("documents.title")}</h1>
      <p>{t("documents.lead")}</p>
      {done ? (
        <p className="alert alert-ok" role="status">
          {t(`documents.done.${done}`, { defaultValue: t("common.saved") })}
        </p>
      ) : null}
      {params.get("tooLarge") ? (
        <p className="alert alert-error" role="alert">
          {t("documents.errors.tooLarge", { max: data.maxMb })}
        </p>
      ) : null}
      {data.applications.length === 0 ? <p>{t("documents.none")}</p> : null}
      {data.applications.map((a) => (
        <section key={a.id} className="card stack" aria-labelledby={`app-${a.id}`}>
          <LocalText as="h2" id={`app-${a.id}`} className="mt-0" value={a.editionName} />
          {a.open ? null : <p className="muted">{t("documents.errors.ended")}</p>}
          {DOCUMENT_KIND_CODES.filter((k) => a.open || a.documents.some((d) => d.kind === k)).map((kind) => {
            const doc = a.documents.find((d) => d.kind === kind);
            const slot = `${a.id}-${kind}`;
            const error = reply?.slot === slot ? errorText(reply.error) : null;
            const spec = DOCUMENT_KINDS[kind as DocumentKind];
            const inputId = `file-${slot}`;
            return (
              <section key={kind} id={`doc-${slot}`} className="stack" aria-labelledby={`h-${slot}`}>
                <h3 id={`h-${slot}`} className="mt-0">
                  {t(`documents.kinds.${kind}`)}{" "}
                  {a.open ? <span className="badge">{a.required.includes(kind) ? t("documents.required") : t("documents.notRequired")}</span> : null}
                </h3>
                <p className="muted">
                  {t(`documents.hints.${kind}`)}{" "}
                  {t("documents.accepts", {
                    types: formatList(
                      spec.types.map((x) => TYPE_NAMES[x]),
                      i18n.language,
                      "disjunction",
                    ),
                    max: spec.maxBytes / MB,
                  })}
                </p>
                {doc ? (
                  <div className="actions">
                    <a href={`/documents/${doc.id}`}>{doc.name || `${t(`documents.kinds.${kind}`)}.${extensionOf(doc.contentType)}`}</a>
                    <span className="muted">
                      {formatFileSize(doc.byteSize, i18n.language)} ·{" "}
                      {t("documents.uploadedOn", { date: formatDate(doc.createdAt.slice(0, 10), i18n.language) })}
                    </span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="documentId" value={doc.id} />
                      <button type="submit" className="btn-secondary btn-small" aria-label={t("documents.deleteFor", { kind: t(`documents.kinds.${kind}`) })}>
                        {t("documents.delete")}
                      </button>
                    </Form>
                  </div>
                ) : (
                  <p>{t("documents.missing")}</p>
                )}
                {a.open ? (
                  <Form method="post" encType="multipart/form-data" reloadDocument action={`/me/documents?application=${a.id}&kind=${kind}`} className="stack">
                    <div className="field">
                      <label htmlFor={inputId}>{doc ? t("documents.replaceLabel") : t("documents.fileLabel")}</label>
                      <input
                        id={inputId}
                        type="file"
                        name="file"
                        required
                        accept={spec.types.map((x) => ACCEPT[x]).join(",")}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `err-${slot}` : undefined}
                      />
                      {error ? (
                        <p id={`err-${slot}`} className="field-errors" role="alert">
                          {error}
                        </p>
                      ) : null}
                    </div>
                    <div className="actions">
                      <button type="submit" className="btn">
                        {doc ? t("documents.replace") : t("documents.upload")}
                      </button>
                    </div>
                  </Form>
                ) : null}
              </section>
            );
          })}
        </section>
      ))}
    </section>
  );
}
