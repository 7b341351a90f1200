/**
 * Photos of pilot monitoring visits (issue 16 item 3): real multipart posts through the visit
 * pages' actions, a real SQLite file and real files in the test's data folder. Upload with the
 * report (type read from the content, never the name; size limit; at most VISIT_PHOTOS_MAX per
 * visit; nothing stored, no file left, on any refusal; typed values kept), listed on the project
 * page with alt text, served only in the visit's scope (another project's lead, another country's
 * focal point and a stranger get 404; the country's focal point reads but cannot upload), removed
 * by the author or an organizer (audited), counted in the CSV.
 */
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { PILOT_VISIT_OWNER, VISIT_PHOTO_RULE, VISIT_PHOTOS_MAX } from "~/domain/document-kinds";
import type { Actor } from "~/models/actor";
import { documentsDir } from "~/models/documents.server";
import { changeProjectStatus, createProject, createVillage, pilotReportCsv } from "~/models/pilots.server";
import * as projectPage from "~/routes/pilots.projects.$projectId._index";
import * as newVisit from "~/routes/pilots.projects.$projectId.visits.new";
import * as editVisit from "~/routes/pilots.projects.$projectId.visits.$visitId.edit";
import { loader as servePhoto } from "~/routes/pilots.projects.$projectId.photos.$photoId";
import { demoPng } from "../../db/seed/documents";
import { call, cookieFor, createUser } from "../support/factories";
import { LAO_VILLAGE } from "./pilots-fixtures";

const PNG_BYTES = demoPng(120);
// A JPEG's start (SOI, JFIF APP0 marker) and some bytes: what file-type reads as image/jpeg.
const JPEG_BYTES = Buffer.concat([Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex"), Buffer.alloc(300, 7)]);
// The start of a Windows program (MZ header, DOS stub), uploaded as "photo.jpg".
const EXE_BYTES = Buffer.concat([Buffer.from("4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000", "hex"), Buffer.alloc(200, 0)]);

type Upload = { slot: number; bytes: Uint8Array; name: string; type?: string };

let organizer: Actor, noi: Actor, dara: Actor, focalLa: Actor, focalKh: Actor, stranger: Actor;
let cookies: Record<"org" | "noi" | "dara" | "focalLa" | "focalKh" | "stranger", string>;
let roadId: number, waterId: number;

const FIELDS = { visitedOn: "2026-11-20", visitors: "Noi (local lead)", findings: "Culverts laid." };

/** Posts a multipart visit form (text fields and photo files) to a visit page's action. */
async function postVisit(action: typeof newVisit.action, cookie: string, params: Record<string, string>, fields: Record<string, string>, files: Upload[]) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append(`photos[${f.slot}].file`, new File([new Uint8Array(f.bytes)], f.name, { type: f.type ?? "image/png" }));
  const request = new Request(`http://localhost/pilots/projects/${params.projectId}/visits/new`, { method: "POST", headers: { Cookie: cookie }, body: form });
  try {
    return (await action({ request, params, context: {} })) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

const photoRows = () => db().select().from(t.documents).where(eq(t.documents.ownerType, PILOT_VISIT_OWNER)).all();
const filesOnDisk = () => (fs.existsSync(documentsDir()) ? fs.readdirSync(documentsDir()).length : 0);
const visitCount = () => db().select().from(t.pilotMonitoringVisits).all().length;
const audits = (action: string) =>
  db()
    .select()
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.entityType, "pilot_project"), eq(t.auditEvents.action, action)))
    .all();
const serve = (cookie: string, projectId: number, photoId: number) =>
  call(servePhoto, "/", { cookie, params: { projectId: String(projectId), photoId: String(photoId) } });

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  focalLa = await createUser({ roles: [{ role: "focal_point", countryCode: "LA" }] });
  focalKh = await createUser({ roles: [{ role: "focal_point", countryCode: "KH" }] });
  noi = await createUser({ name: "Noi" });
  dara = await createUser({ name: "Dara" });
  stranger = await createUser({ name: "Stranger" });
  const [org, n, d, fl, fk, s] = await Promise.all([organizer, noi, dara, focalLa, focalKh, stranger].map((a) => cookieFor(a.id)));
  cookies = { org, noi: n, dara: d, focalLa: fl, focalKh: fk, stranger: s };
  const villageId = createVillage(organizer, LAO_VILLAGE);
  const base = { villageId, component: "infrastructure" as const, objectives: "Access", startsOn: "2026-01-01", endsOn: "2026-12-31" };
  roadId = createProject(organizer, { ...base, title: "Road to the upper hamlet", localLeadEmail: noi.email });
  waterId = createProject(organizer, { ...base, title: "Water supply", localLeadEmail: dara.email });
  changeProjectStatus(organizer, roadId, "approved");
  changeProjectStatus(organizer, roadId, "in_progress");
});

describe("uploading photos with a visit report", () => {
  it("the local lead posts a visit with two photos: stored by content type under random names, listed with alt text, audited", async () => {
    const files = filesOnDisk();
    const r = await postVisit(
      newVisit.action,
      cookies.noi,
      { projectId: String(roadId) },
      { ...FIELDS, "photos[0].caption": "Culvert at the first crossing" },
      [
        { slot: 0, bytes: PNG_BYTES, name: "../../etc/culvert\u202e.png" },
        // Named .png, sent as PNG: the content says JPEG, and that is what is stored.
        { slot: 2, bytes: JPEG_BYTES, name: "crossing.png", type: "image/png" },
      ],
    );
    expect(r.status).toBe(302);
    const photos = photoRows();
    expect(photos).toHaveLength(2);
    expect(photos.map((p) => [p.kind, p.contentType, p.caption])).toEqual([
      ["photo", "image/png", "Culvert at the first crossing"],
      ["photo", "image/jpeg", ""],
    ]);
    expect(photos[0].originalName).toBe("culvert.png");
    expect(photos[0].storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(fs.readFileSync(`${documentsDir()}/${photos[0].storageKey}`).equals(PNG_BYTES)).toBe(true);
    expect(filesOnDisk()).toBe(files + 2);
    expect(audits("visit_photo_add").map((a) => a.details)).toEqual(photos.map((p) => expect.objectContaining({ documentId: p.id, visitId: p.ownerId })));

    const page = await (await call(projectPage.loader, "/", { cookie: cookies.noi, params: { projectId: String(roadId) } })).json();
    expect(page.visitsHtml).toContain(`src="/pilots/projects/${roadId}/photos/${photos[0].id}"`);
    expect(page.visitsHtml).toContain('alt="Culvert at the first crossing"');
    expect(page.visitsHtml).toContain('alt="Photo 2 of the visit on November 20, 2026"');
    expect(page.visitsHtml).toContain('name="intent" value="photoRemove"');
  });

  it("a file that is not a photo by its content: 400 next to its field, typed values kept, nothing stored, no file left", async () => {
    const [visits, rows, files] = [visitCount(), photoRows().length, filesOnDisk()];
    const r = await postVisit(
      newVisit.action,
      cookies.noi,
      { projectId: String(roadId) },
      { ...FIELDS, "photos[0].caption": "Good one", "photos[1].caption": "Bad one" },
      [
        { slot: 0, bytes: PNG_BYTES, name: "good.png" },
        { slot: 1, bytes: EXE_BYTES, name: "photo.jpg", type: "image/jpeg" },
      ],
    );
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.error["photos[1].file"]).toEqual(["pilots.errors.photoType"]);
    expect(body.error["photos[0].file"]).toBeUndefined();
    expect(body.initialValue).toMatchObject({
      visitors: FIELDS.visitors,
      findings: FIELDS.findings,
      photos: [{ caption: "Good one" }, { caption: "Bad one" }],
    });
    expect([visitCount(), photoRows().length, filesOnDisk()]).toEqual([visits, rows, files]);
  });

  it("a photo over the size limit: 400 with the limit next to its field, nothing stored", async () => {
    const [visits, rows, files] = [visitCount(), photoRows().length, filesOnDisk()];
    const big = Buffer.concat([PNG_BYTES, Buffer.alloc(VISIT_PHOTO_RULE.maxBytes, 1)]);
    const r = await postVisit(newVisit.action, cookies.noi, { projectId: String(roadId) }, FIELDS, [{ slot: 0, bytes: big, name: "big.png" }]);
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.error["photos[0].file"]).toEqual(['documents.errors.tooLarge|{"max":2}']);
    expect(body.initialValue).toMatchObject({ visitors: FIELDS.visitors });
    expect([visitCount(), photoRows().length, filesOnDisk()]).toEqual([visits, rows, files]);
  });

  it(`more than ${VISIT_PHOTOS_MAX} photos on a visit, or a file field outside the form's slots: 400, nothing stored`, async () => {
    const visit = db().select().from(t.pilotMonitoringVisits).where(eq(t.pilotMonitoringVisits.projectId, roadId)).get()!;
    const params = { projectId: String(roadId), visitId: String(visit.id) };
    const three = [0, 1, 2].map((slot) => ({ slot, bytes: demoPng(slot * 50), name: `p${slot}.png` }));
    // 2 stored + 3 = 5; then + 1 = 6 (the most); then one more is refused.
    expect((await postVisit(editVisit.action, cookies.noi, params, FIELDS, three)).status).toBe(302);
    expect((await postVisit(editVisit.action, cookies.noi, params, FIELDS, [three[0]])).status).toBe(302);
    expect(photoRows().filter((p) => p.ownerId === visit.id)).toHaveLength(VISIT_PHOTOS_MAX);
    const [rows, files] = [photoRows().length, filesOnDisk()];
    const more = await postVisit(editVisit.action, cookies.noi, params, { ...FIELDS, visitors: "Changed" }, [three[1]]);
    expect(more.status).toBe(400);
    expect((await more.json()).error.photos).toEqual([`pilots.errors.tooManyPhotos|{"max":${VISIT_PHOTOS_MAX}}`]);
    // The whole edit is refused: the report is not changed either.
    expect(db().select().from(t.pilotMonitoringVisits).where(eq(t.pilotMonitoringVisits.id, visit.id)).get()!.visitors).toBe(FIELDS.visitors);
    const crafted = await postVisit(newVisit.action, cookies.noi, { projectId: String(roadId) }, FIELDS, [{ slot: 7, bytes: PNG_BYTES, name: "x.png" }]);
    expect(crafted.status).toBe(400);
    expect([photoRows().length, filesOnDisk()]).toEqual([rows, files]);
    // The edit form offers no more slots.
    const form = await (await call(editVisit.loader, "/", { cookie: cookies.noi, params })).json();
    expect(form.photos).toMatchObject({ left: 0, maxMb: 2 });
  });
});

describe("who sees and removes photos", () => {
  it("served to the organizer, the local lead and the village's focal point; 404 for another project's lead, another country's focal point, a stranger, or through another project", async () => {
    const photo = photoRows()[0];
    for (const who of ["org", "noi", "focalLa"] as const) {
      const r = await serve(cookies[who], roadId, photo.id);
      expect(r.status, who).toBe(200);
      expect(r.headers.get("Content-Type")).toBe("image/png");
      expect(r.headers.get("Content-Disposition")).not.toContain("culvert");
      expect(Buffer.from(await r.arrayBuffer()).equals(PNG_BYTES)).toBe(true);
    }
    for (const who of ["dara", "focalKh", "stranger"] as const) expect((await serve(cookies[who], roadId, photo.id)).status, who).toBe(404);
    expect((await serve(cookies.org, waterId, photo.id)).status).toBe(404);
  });

  it("the focal point reads but cannot upload (404, nothing stored)", async () => {
    const [visits, rows, files] = [visitCount(), photoRows().length, filesOnDisk()];
    const r = await postVisit(newVisit.action, cookies.focalLa, { projectId: String(roadId) }, FIELDS, [{ slot: 0, bytes: PNG_BYTES, name: "a.png" }]);
    expect(r.status).toBe(404);
    expect([visitCount(), photoRows().length, filesOnDisk()]).toEqual([visits, rows, files]);
    const page = await (await call(projectPage.loader, "/", { cookie: cookies.focalLa, params: { projectId: String(roadId) } })).json();
    expect(page.visitsHtml).toContain("/photos/");
    expect(page.visitsHtml).not.toContain('value="photoRemove"');
  });

  it("removal: others 404; the author removes a photo (row and file gone, audited)", async () => {
    const photo = photoRows()[0];
    const remove = (cookie: string) =>
      call(projectPage.action, "/", { cookie, params: { projectId: String(roadId) }, form: { intent: "photoRemove", photoId: String(photo.id) } });
    for (const who of ["dara", "focalLa", "stranger"] as const) expect((await remove(cookies[who])).status, who).toBe(404);
    expect(photoRows().some((p) => p.id === photo.id)).toBe(true);
    const files = filesOnDisk();
    expect((await remove(cookies.noi)).status).toBe(302);
    expect(photoRows().some((p) => p.id === photo.id)).toBe(false);
    expect(fs.existsSync(`${documentsDir()}/${photo.storageKey}`)).toBe(false);
    expect(filesOnDisk()).toBe(files - 1);
    const [event] = audits("visit_photo_remove");
    expect(event).toMatchObject({ actorUserId: noi.id, entityId: roadId, details: expect.objectContaining({ documentId: photo.id }) });
    expect((await serve(cookies.org, roadId, photo.id)).status).toBe(404);
    // An organizer removes another.
    const other = photoRows()[0];
    const byOrg = await call(projectPage.action, "/", {
      cookie: cookies.org,
      params: { projectId: String(roadId) },
      form: { intent: "photoRemove", photoId: String(other.id) },
    });
    expect(byOrg.status).toBe(302);
    expect(audits("visit_photo_remove")).toHaveLength(2);
  });

  it("the pilot CSV counts each project's visit photos", () => {
    const rows = parse(pilotReportCsv(organizer, { country: null, component: null, status: null }, "en"), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const byTitle = Object.fromEntries(rows.map((r) => [r.project, r.visit_photos]));
    expect(byTitle).toMatchObject({ "Road to the upper hamlet": String(photoRows().length), "Water supply": "0" });
  });
});
