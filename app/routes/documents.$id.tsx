// One uploaded document (issue 15 item 2), streamed from the data folder to those in scope (the
// owner, organizers, the country's focal point, the visit's host coordinators for kinds hosts may
// see: app/models/documents/participants.server.ts); anyone else gets 404. Images open inline, PDFs
// download; the file name is the sanitized display name (RFC 6266 through `content-disposition`).
// `X-Content-Type-Options: nosniff` (set on every response by helmet in server.ts; set here too it
// would be sent twice) and a sandboxing CSP keep a browser from treating the bytes as anything but
// their type.
import type { LoaderFunctionArgs } from "@remix-run/node";
import contentDisposition from "content-disposition";
import { extensionOf, isInlineType } from "~/domain/document-kinds";
import { documentForViewer, openDocumentStream } from "~/models/documents.server";
import { requireActor } from "~/session.server";
import { guard, idParam, notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => {
    const doc = documentForViewer(actor, idParam(params.id, "document"));
    const body = openDocumentStream(doc);
    if (!body) notFound();
    const ext = extensionOf(doc.contentType);
    const base = doc.originalName.replace(/\.[^.]*$/, "") || `${doc.kind}`;
    return new Response(body, {
      headers: {
        "Content-Type": doc.contentType,
        "Content-Length": String(doc.byteSize),
        "Content-Disposition": contentDisposition(`${base}.${ext}`, { type: isInlineType(doc.contentType) ? "inline" : "attachment" }),
        "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  });
}
