// One photo of a pilot monitoring visit (issue 16 item 3), streamed from the data folder to those
// who see the project (app/models/pilots/visit-photos.server.ts: organizers, the local lead, the
// proposer, the focal point of the village's country); anyone else, or a photo of another
// project's visit, gets 404. Shown inline under a sandboxing CSP, never cached by shared caches.
import type { LoaderFunctionArgs } from "@remix-run/node";
import contentDisposition from "content-disposition";
import { extensionOf } from "~/domain/document-kinds";
import { openDocumentStream } from "~/models/documents.server";
import { photoForViewer } from "~/models/pilots/visit-photos.server";
import { requireActor } from "~/session.server";
import { guard, idParam, notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => {
    const doc = photoForViewer(actor, idParam(params.projectId, "pilot project"), idParam(params.photoId, "photo"));
    const body = openDocumentStream(doc);
    if (!body) notFound();
    return new Response(body, {
      headers: {
        "Content-Type": doc.contentType,
        "Content-Length": String(doc.byteSize),
        "Content-Disposition": contentDisposition(`photo-${doc.id}.${extensionOf(doc.contentType)}`, { type: "inline" }),
        "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  });
}
