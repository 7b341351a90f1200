/**
 * Route glue of the nominee import pages (organizer: /admin/import, focal point: /focal/import):
 * the page's data, the template download (its own resource routes, /admin/import-template.csv and
 * /focal/import-template.csv: a page route cannot answer a document request with a file), the multipart upload (memory handler with a size limit) that shows the
 * preview, and the confirmation that writes the staged file.
 */
import { json, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { messageKey } from "../../utils/http.server";
import type { Actor } from "../actor";
import { shownName } from "../../domain/local-text";
import { listOpenEditions } from "../editions/editions.server";
import { NotFoundError, RuleError } from "../errors";
import { confirmImport, IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, previewImport, templateCsv } from "./import.server";

/**
 * The import page's data (JSON): open editions (names in the reader's language `lng` with their
 * `lang`, issue 11), the documented columns, the "done" notice.
 */
export function importLoaderData(request: Request, country: string | null, lng = "en") {
  const url = new URL(request.url);
  const editions = listOpenEditions().map((e) => ({ id: e.id, ...shownName(e, lng) }));
  return json({
    country,
    editions,
    columns: IMPORT_COLUMNS.filter(([h]) => !(country && h === "country")).map(([h, , example]) => ({ header: h, example })),
    maxRows: IMPORT_MAX_ROWS,
    done: url.searchParams.get("done") ? { created: Number(url.searchParams.get("created")), already: Number(url.searchParams.get("already")) } : null,
  });
}

type Reply = { error?: string; preview?: ReturnType<typeof previewImport>; editionId?: number };

/**
 * The template file as a download: header and one example row (UTF-8 with BOM); the country
 * column only for organizers (`country` null), a focal point's country is fixed.
 */
export function importTemplateResponse(country: string | null): Response {
  return new Response(templateCsv(!country), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="vlx-nominees-template.csv"' },
  });
}

export async function importAction(actor: Actor, request: Request, country: string | null, lng: string, donePath: string) {
  const type = request.headers.get("Content-Type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      let form: FormData;
      try {
        // A little over the file limit for the other fields; the file itself is checked exactly.
        form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_MAX_BYTES }));
      } catch (e) {
        if (e instanceof MaxPartSizeExceededError)
          return json<Reply>({ error: messageKey("tracking.import.errors.tooLarge", { max: "1 MB" }) }, { status: 413 });
        return json<Reply>({ error: "tracking.import.errors.malformed" }, { status: 400 });
      }
      const editionId = Number(form.get("edition"));
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) return json<Reply>({ error: "tracking.import.errors.noFile", editionId }, { status: 400 });
      const preview = previewImport(actor, editionId, country, new Uint8Array(await file.arrayBuffer()));
      return json<Reply>({ preview, editionId }, { status: preview.hash ? 200 : 400 });
    }
    const form = await request.formData();
    const r = await confirmImport(actor, String(form.get("hash") ?? ""), lng);
    return redirect(`${donePath}?done=1&created=${r.created}&already=${r.already}`);
  } catch (e) {
    if (e instanceof NotFoundError) throw new Response("Not found", { status: 404 });
    if (e instanceof RuleError) return json<Reply>({ error: messageKey(e.key, e.params) }, { status: 409 });
    throw e;
  }
}
