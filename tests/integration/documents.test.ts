// Participants' documents (issue 15 item 2): type by content, size limits, nothing stored on bad
// input, scope of who may open a file (owner, organizers, the country's focal point, the visit's
// hosts only for kinds they may see; everyone else 404), erasure, export and retention remove or
// include the files. Real multipart requests through the route actions, a real SQLite file, real
// files in the test's data folder.
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { documentsDir, purgeExpiredDocuments, storeDocument } from "~/models/documents.server";
import { action as docsAction, loader as docsLoader } from "~/routes/me_.documents";
import { loader as serve } from "~/routes/documents.$id";
import { loader as gapsLoader } from "~/routes/admin.editions.$id_.documents";
import { action as eraseOwn } from "~/routes/me_.data";
import { loader as exportOwn } from "~/routes/me_.data[.]json";
import { loader as reviewLoader } from "~/routes/admin.applications.$id";
import { demoPdf, demoPng } from "../../db/seed/documents";
import { call, cookieFor, createUser } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";

const PDF_BYTES = demoPdf(["Passport", "Test"]);
const PNG_BYTES = demoPng(120);
// The start of a Windows program (MZ header, DOS stub): what a renamed .exe looks like inside.
const EXE_BYTES = Buffer.concat([Buffer.from("4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000", "hex"), Buffer.alloc(200, 0)]);

async function upload(cookie: string, applicationId: number, kind: string, bytes: Uint8Array, name: string, type = "application/pdf") {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name, { type }));
  const request = new Request(`http://localhost/me/documents?application=${applicationId}&kind=${kind}`, {
    method: "POST",
    headers: { Cookie: cookie },
    body: form,
  });
  try {
    return (await docsAction({ request, params: {}, context: {} })) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

const rows = (applicationId: number) => db().select().from(t.documents).where(eq(t.documents.ownerId, applicationId)).all();
const filesOnDisk = () => (fs.existsSync(documentsDir()) ? fs.readdirSync(documentsDir()) : []);

async function participant(over: Parameters<typeof makeParticipant>[1] = {}) {
  const edition = makeEdition();
  const p = await makeParticipant(edition.id, over);
  return { edition, ...p, cookie: await cookieFor(p.user.id) };
}

describe("uploading documents", () => {
  it("stores a PDF under a random name in the data folder, lists it, audits it; a second upload replaces it", async () => {
    const { app, cookie } = await participant();
    const res = await upload(cookie, app.id, "passport_scan", PDF_BYTES, "../../etc/my passport\u202e.pdf");
    expect(res.status).toBe(302);
    const [doc] = rows(app.id);
    expect(doc).toMatchObject({ kind: "passport_scan", contentType: "application/pdf", byteSize: PDF_BYTES.length, originalName: "my passport.pdf" });
    expect(doc.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(documentsDir().startsWith(process.cwd() + "/public")).toBe(false);
    expect(fs.readFileSync(`${documentsDir()}/${doc.storageKey}`).equals(PDF_BYTES)).toBe(true);
    expect(filesOnDisk().some((f) => f.includes("passport"))).toBe(false);

    const page = await (await call(docsLoader, "/me/documents", { cookie })).json();
    expect(page.applications[0].documents.map((d: { kind: string }) => d.kind)).toEqual(["passport_scan"]);

    const again = await upload(cookie, app.id, "passport_scan", PNG_BYTES, "scan.png", "image/png");
    expect(again.status).toBe(302);
    const after = rows(app.id);
    expect(after).toHaveLength(1);
    expect(after[0].contentType).toBe("image/png");
    expect(fs.existsSync(`${documentsDir()}/${doc.storageKey}`)).toBe(false);
    const actions = db()
      .select()
      .from(t.auditEvents)
      .where(eq(t.auditEvents.entityType, "document"))
      .all()
      .filter((e) => e.details?.applicationId === app.id)
      .map((e) => e.action);
    expect(actions).toEqual(["upload", "delete", "replace"]);
  });

  it("refuses a Windows program renamed .pdf (type by content), with a clear message and nothing stored", async () => {
    const { app, cookie } = await participant();
    const before = filesOnDisk().length;
    const res = await upload(cookie, app.id, "passport_scan", EXE_BYTES, "passport.pdf", "application/pdf");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ slot: `${app.id}-passport_scan`, error: "documents.errors.type" });
    expect(rows(app.id)).toHaveLength(0);
    expect(filesOnDisk().length).toBe(before);
  });

  it("refuses a PDF as a badge photo (only JPEG and PNG)", async () => {
    const { app, cookie } = await participant();
    const res = await upload(cookie, app.id, "badge_photo", PDF_BYTES, "photo.png", "image/png");
    expect(res.status).toBe(400);
    expect(rows(app.id)).toHaveLength(0);
  });

  it("refuses a file past the kind's size limit while reading it, with the limit in the message, nothing stored", async () => {
    const { app, cookie } = await participant();
    const before = filesOnDisk().length;
    const big = Buffer.concat([PNG_BYTES, Buffer.alloc(2 * 1024 * 1024, 1)]);
    const res = await upload(cookie, app.id, "badge_photo", big, "photo.png", "image/png");
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('documents.errors.tooLarge|{"max":2}');
    expect(rows(app.id)).toHaveLength(0);
    expect(filesOnDisk().length).toBe(before);
  });

  it("refuses an empty file, an unknown kind, another person's application (404) and a withdrawn one (409)", async () => {
    const { app, cookie } = await participant();
    expect((await upload(cookie, app.id, "passport_scan", new Uint8Array(0), "x.pdf")).status).toBe(400);
    expect((await upload(cookie, app.id, "diploma", PDF_BYTES, "x.pdf")).status).toBe(400);
    const other = await participant();
    expect((await upload(cookie, other.app.id, "passport_scan", PDF_BYTES, "x.pdf")).status).toBe(404);
    const gone = await participant({ status: "withdrawn" });
    const closed = await upload(gone.cookie, gone.app.id, "passport_scan", PDF_BYTES, "x.pdf");
    expect(closed.status).toBe(409);
    expect([...rows(app.id), ...rows(other.app.id), ...rows(gone.app.id)]).toHaveLength(0);
  });

  it("refuses uploads to an edition that is over (409) but lets the person delete what is left", async () => {
    const past = makeEdition({ startsOn: "2024-01-01", endsOn: "2024-01-10" });
    const p = await makeParticipant(past.id);
    const cookie = await cookieFor(p.user.id);
    const refused = await upload(cookie, p.app.id, "consent_form", PDF_BYTES, "c.pdf");
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toBe("documents.errors.ended");
    expect(rows(p.app.id)).toHaveLength(0);
    const { document } = storeDocument({
      owner: { type: "application", id: p.app.id },
      kind: "consent_form",
      bytes: PDF_BYTES,
      contentType: "application/pdf",
      originalName: "c.pdf",
      uploadedBy: p.user.id,
    });
    const page = await (await call(docsLoader, "/me/documents", { cookie })).json();
    expect(page.applications.map((a: { id: number; open: boolean }) => [a.id, a.open])).toEqual([[p.app.id, false]]);
    const ok = await call(docsAction, "/me/documents", { cookie, form: { intent: "delete", documentId: String(document.id) } });
    expect(ok.status).toBe(302);
    expect(rows(p.app.id)).toHaveLength(0);
    expect((await (await call(docsLoader, "/me/documents", { cookie })).json()).applications).toEqual([]);
  });

  it("deletes one's own document (row and file); another person's answers 404 and stays", async () => {
    const a = await participant();
    const b = await participant();
    await upload(a.cookie, a.app.id, "consent_form", PDF_BYTES, "consent.pdf");
    const [doc] = rows(a.app.id);
    const refused = await call(docsAction, "/me/documents", { cookie: b.cookie, form: { intent: "delete", documentId: String(doc.id) } });
    expect(refused.status).toBe(404);
    expect(rows(a.app.id)).toHaveLength(1);
    const ok = await call(docsAction, "/me/documents", { cookie: a.cookie, form: { intent: "delete", documentId: String(doc.id) } });
    expect(ok.status).toBe(302);
    expect(rows(a.app.id)).toHaveLength(0);
    expect(fs.existsSync(`${documentsDir()}/${doc.storageKey}`)).toBe(false);
  });
});

describe("who may open a document", () => {
  async function setUp() {
    const host = await createUser({ roles: [{ role: "host_coordinator" }] });
    const otherHost = await createUser({ roles: [{ role: "host_coordinator" }] });
    const edition = makeEdition();
    const site = makeSite({}, [host.id]);
    const otherSite = makeSite({ name: "Other" }, [otherHost.id]);
    const visit = makeVisit(edition.id, site.id);
    makeVisit(edition.id, otherSite.id);
    const p = await makeParticipant(edition.id, { nationality: "VN" });
    place(visit.id, p.app.id, "accepted");
    const cookie = await cookieFor(p.user.id);
    await upload(cookie, p.app.id, "passport_scan", PDF_BYTES, "passport.pdf");
    await upload(cookie, p.app.id, "badge_photo", PNG_BYTES, "me.png", "image/png");
    const docs = rows(p.app.id);
    const passport = docs.find((d) => d.kind === "passport_scan")!;
    const photo = docs.find((d) => d.kind === "badge_photo")!;
    return { host, otherHost, p, cookie, passport, photo };
  }
  const open = async (userId: number, id: number) => call(serve, `/documents/${id}`, { cookie: await cookieFor(userId), params: { id: String(id) } });

  it("the owner gets the file with its type, a safe name, a sandboxing CSP; PDFs download, images open inline", async () => {
    const { p, passport, photo } = await setUp();
    const res = await open(p.user.id, passport.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="passport.pdf"');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    const img = await open(p.user.id, photo.id);
    expect(img.headers.get("Content-Disposition")).toMatch(/^inline; filename="me.png"/);
  });

  it("organizers and the focal point of the participant's country may open it", async () => {
    const { passport } = await setUp();
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const focal = await createUser({ roles: [{ role: "focal_point", countryCode: "VN" }] });
    expect((await open(org.id, passport.id)).status).toBe(200);
    expect((await open(focal.id, passport.id)).status).toBe(200);
  });

  it("another participant, a focal point of another country, and the host for a passport all get 404", async () => {
    const { host, passport } = await setUp();
    const stranger = await createUser();
    const otherFocal = await createUser({ roles: [{ role: "focal_point", countryCode: "TH" }] });
    expect((await open(stranger.id, passport.id)).status).toBe(404);
    expect((await open(otherFocal.id, passport.id)).status).toBe(404);
    expect((await open(host.id, passport.id)).status).toBe(404);
    expect((await open(stranger.id, 999_999)).status).toBe(404);
  });

  it("the visit's host may open the badge photo; a host of another site may not", async () => {
    const { host, otherHost, photo } = await setUp();
    expect((await open(host.id, photo.id)).status).toBe(200);
    expect((await open(otherHost.id, photo.id)).status).toBe(404);
  });

  it("the organizer's application page lists the documents; the edition's gaps page names who lacks one", async () => {
    const { p } = await setUp();
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const ocookie = await cookieFor(org.id);
    const review = await (await call(reviewLoader, "/", { cookie: ocookie, params: { id: String(p.app.id) } })).json();
    expect(review.documents.map((d: { kind: string }) => d.kind).sort()).toEqual(["badge_photo", "passport_scan"]);
    const gaps = await (await call(gapsLoader, "/", { cookie: ocookie, params: { id: String(p.app.editionId) } })).json();
    expect(gaps.missing.find((r: { applicationId: number }) => r.applicationId === p.app.id).missing).toEqual(["consent_form"]);
    const notOrg = await call(gapsLoader, "/", { cookie: await cookieFor(p.user.id), params: { id: String(p.app.editionId) } });
    expect(notOrg.status).toBe(404);
  });
});

describe("documents and personal data", () => {
  it("the export includes the documents with their content; erasure removes rows and files, audited", async () => {
    const { app, user, cookie } = await participant();
    await upload(cookie, app.id, "consent_form", PDF_BYTES, "consent.pdf");
    const [doc] = rows(app.id);
    const exported = await (await call(exportOwn, "/me/data.json", { cookie })).json();
    expect(exported.documents).toHaveLength(1);
    expect(Buffer.from(exported.documents[0].contentBase64, "base64").equals(PDF_BYTES)).toBe(true);
    expect(exported.documents[0].storageKey).toBeUndefined();
    expect(exported.auditEvents.some((e: { entityType: string; action: string }) => e.entityType === "document" && e.action === "upload")).toBe(true);

    const done = await call(eraseOwn, "/me/data", { cookie, form: { confirm: "yes" } });
    expect(done.status).toBe(302);
    expect(rows(app.id)).toHaveLength(0);
    expect(fs.existsSync(`${documentsDir()}/${doc.storageKey}`)).toBe(false);
    const erased = db().select().from(t.auditEvents).where(eq(t.auditEvents.entityId, doc.id)).all();
    expect(erased.find((e) => e.entityType === "document" && e.action === "delete")).toMatchObject({ reason: "erasure", actorUserId: user.id });
  });

  it("retention deletes the documents of editions that ended long ago, and keeps the others", async () => {
    const old = makeEdition({ startsOn: "2020-01-01", endsOn: "2020-01-10" });
    const oldP = await makeParticipant(old.id);
    const current = await participant();
    // Uploaded while that edition ran (uploads to an edition that is over are refused today).
    storeDocument({
      owner: { type: "application", id: oldP.app.id },
      kind: "consent_form",
      bytes: PDF_BYTES,
      contentType: "application/pdf",
      originalName: "c.pdf",
      uploadedBy: oldP.user.id,
    });
    await upload(current.cookie, current.app.id, "consent_form", PDF_BYTES, "c.pdf");
    const [oldDoc] = rows(oldP.app.id);
    expect(purgeExpiredDocuments(new Date("2026-12-01T00:00:00Z"), 180)).toBe(1);
    expect(rows(oldP.app.id)).toHaveLength(0);
    expect(fs.existsSync(`${documentsDir()}/${oldDoc.storageKey}`)).toBe(false);
    expect(rows(current.app.id)).toHaveLength(1);
    const ev = db().select().from(t.auditEvents).where(eq(t.auditEvents.entityId, oldDoc.id)).all();
    expect(ev.find((e) => e.entityType === "document" && e.action === "delete")?.reason).toBe("retention");
  });
});
