// Importing nominees from CSV (issue 6): a preview with every row's errors before anything is
// written; all rows or none; the nominate page's rules; focal points only for their country;
// mis-encoded, malformed, too large files refused with nothing written; a repeated confirm
// writes nothing twice.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import { confirmImport, IMPORT_MAX_ROWS, previewImport, templateCsv } from "~/models/applications/import.server";
import { RuleError } from "~/models/errors";
import { action as focalAction, loader as focalLoader } from "~/routes/focal.import";
import { action as adminAction } from "~/routes/admin.import";
import { loader as adminTemplate } from "~/routes/admin.import-template[.]csv";
import { loader as focalTemplate } from "~/routes/focal.import-template[.]csv";
import { call, cookieFor, createUser, requestArgs } from "../support/factories";
import { makeEdition } from "./hosts-fixtures";

let organizer: Actor, focalVN: Actor;
let editionId: number;
const enc = (s: string) => new TextEncoder().encode(s);
const HEADER =
  "given_name,family_name,given_name_latin,family_name_latin,gender,birth_date,email,phone,village,district,province,position,position_kind,languages,themes";
const row = (n: number, over: Partial<Record<string, string>> = {}) => {
  const v = {
    given: "Thị Ánh",
    family: "Nguyễn",
    gl: "Thi Anh",
    fl: "Nguyen",
    gender: "female",
    birth: "1985-03-14",
    email: `anh${n}@example.org`,
    phone: "0912 345 678",
    village: 'Thôn Nà Hang, "Bản" 3',
    district: "Na Hang",
    province: "Tuyên Quang",
    position: "Trưởng thôn",
    kind: "village_head",
    langs: "vi:native; en:working",
    themes: "rural_tourism",
    ...over,
  };
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [v.given, v.family, v.gl, v.fl, v.gender, v.birth, v.email, v.phone, v.village, v.district, v.province, v.position, v.kind, v.langs, v.themes]
    .map(q)
    .join(",");
};
const csv = (...rows: string[]) => `\uFEFF${HEADER}\r\n${rows.join("\r\n")}\r\n`;
const count = () => ({
  users: db().select().from(t.users).all().length,
  apps: db().select().from(t.applications).where(eq(t.applications.editionId, editionId)).all().length,
});

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  focalVN = await createUser({ roles: [{ role: "focal_point", countryCode: "VN" }] });
  editionId = makeEdition({ applicationsOpenOn: "2020-01-01", applicationsCloseOn: "2099-12-31", themes: ["rural_tourism", "cooperatives"] }).id;
});

describe("preview and all-or-nothing import", () => {
  it("shows every row's errors and writes nothing while any row is wrong", async () => {
    await createUser({ email: "taken@example.org" });
    const before = count();
    const p = previewImport(
      focalVN,
      editionId,
      "VN",
      enc(
        csv(
          row(1),
          row(2, { email: "not-an-email" }),
          row(3, { birth: "1985-02-30", gender: "x" }),
          row(4, { email: "anh1@example.org" }),
          row(5, { email: "TAKEN@example.org" }),
          row(6, { themes: "microfinance" }),
          row(7, { given: "" }),
          row(8, { phone: "12" }),
        ),
      ),
    );
    expect(p.hash).toBeNull();
    expect(p.rows.map((r) => [r.line, r.errors.map((e) => e.column).sort()])).toEqual([
      [2, []],
      [3, ["email"]],
      [4, ["birth_date", "gender"]],
      [5, ["email"]],
      [6, ["email"]],
      [7, ["themes"]],
      [8, ["given_name"]],
      [9, ["phone"]],
    ]);
    expect(p.rows[3].errors[0].message).toBe('tracking.import.errors.duplicate|{"line":2}');
    expect(p.rows[4].errors[0].message).toBe("focal.errors.emailHasAccount");
    expect(count()).toEqual(before);
  });

  it("imports every valid row in one go, as nominations by the focal point, and a repeat writes nothing", async () => {
    const before = count();
    const p = previewImport(
      focalVN,
      editionId,
      "VN",
      enc(csv(row(11), row(12, { given: "Văn Hải", gl: "Van Hai", gender: "m" }), row(13, { family: "", fl: "" }))),
    );
    expect(p.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(count()).toEqual(before);
    const r = await confirmImport(focalVN, p.hash!);
    expect(r).toMatchObject({ created: 3, already: 0 });
    expect(count()).toEqual({ users: before.users + 3, apps: before.apps + 3 });
    const app = db()
      .select()
      .from(t.applications)
      .where(eq(t.applications.nominatedBy, focalVN.id))
      .all()
      .find((a) => a.givenName === "Văn Hải")!;
    expect(app).toMatchObject({
      status: "draft",
      nationality: "VN",
      gender: "male",
      phone: "+84912345678",
      nameOrder: "family_first",
      village: 'Thôn Nà Hang, "Bản" 3',
    });
    expect(app.searchName).toContain("nguyen van hai");
    expect(app.languages).toEqual([
      { code: "vi", level: "native" },
      { code: "en", level: "working" },
    ]);
    const audit = db()
      .select()
      .from(t.auditEvents)
      .where(eq(t.auditEvents.entityId, app.id))
      .all()
      .filter((e) => e.entityType === "application");
    expect(audit.map((e) => e.action)).toEqual(["nominate"]);
    // The staged file is gone: confirming again is refused, nothing written.
    await expect(confirmImport(focalVN, p.hash!)).rejects.toThrow(/expired/);
    // Uploading the same file again: every row is "already imported", and confirming writes nothing.
    const again = previewImport(
      focalVN,
      editionId,
      "VN",
      enc(csv(row(11), row(12, { given: "Văn Hải", gl: "Van Hai", gender: "m" }), row(13, { family: "", fl: "" }))),
    );
    expect(again.rows.every((x) => x.already)).toBe(true);
    expect(await confirmImport(focalVN, again.hash!)).toMatchObject({ created: 0, already: 3 });
    expect(count()).toEqual({ users: before.users + 3, apps: before.apps + 3 });
  });

  it("rolls back everything when a row became invalid between preview and confirm", async () => {
    const p = previewImport(focalVN, editionId, "VN", enc(csv(row(21), row(22))));
    await createUser({ email: "anh22@example.org" });
    const before = count();
    await expect(confirmImport(focalVN, p.hash!)).rejects.toThrow(RuleError);
    expect(count()).toEqual(before);
  });

  it("focal points import only their own country; organizers need a country column", async () => {
    const p = previewImport(focalVN, editionId, "VN", enc(`${HEADER},country\r\n${row(31)},TH\r\n`));
    expect(p.rows[0].errors).toEqual([{ column: "country", message: "tracking.import.errors.otherCountry" }]);
    expect(() => previewImport(focalVN, editionId, "TH", enc(csv(row(32))))).toThrow(/not found/);
    expect(() => previewImport(organizer, editionId, null, enc(csv(row(33))))).toThrow(/missingColumns/);
    const ok = previewImport(
      organizer,
      editionId,
      null,
      enc(`${HEADER},country\r\n${row(34, { given: "สมชาย", family: "ใจดี", gl: "Somchai", fl: "Jaidee", phone: "081 234 5678" })},th\r\n`),
    );
    expect(ok.rows[0]).toMatchObject({ errors: [], country: "TH", name: "สมชาย ใจดี" });
  });
});

describe("bad files", () => {
  it("refuses a file that is not UTF-8, not CSV, too large or too long, writing nothing", () => {
    const before = count();
    const latin1 = new Uint8Array([...enc(`${HEADER}\r\n`), 0x4e, 0x67, 0x75, 0x79, 0xea, 0x6e, 0x0d, 0x0a]);
    expect(() => previewImport(focalVN, editionId, "VN", latin1)).toThrow(/encoding/);
    expect(() => previewImport(focalVN, editionId, "VN", enc(`${HEADER}\r\n"unclosed,quote\r\n`))).toThrow(/malformed/);
    expect(() => previewImport(focalVN, editionId, "VN", enc(`${HEADER}\r\n${row(41)},extra\r\n`))).toThrow(/malformed/);
    expect(() => previewImport(focalVN, editionId, "VN", enc(`${HEADER},passport\r\n${row(42)},X123\r\n`))).toThrow(/unknownColumns/);
    expect(() => previewImport(focalVN, editionId, "VN", enc(`${HEADER}\r\n`))).toThrow(/empty/);
    expect(() => previewImport(focalVN, editionId, "VN", new Uint8Array(1_000_001).fill(0x41))).toThrow(/tooLarge/);
    const many = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `A${i},a${i}@x.org`).join("\n");
    expect(() => previewImport(focalVN, editionId, "VN", enc(`given_name,email\n${many}\n`))).toThrow(/tooManyRows/);
    expect(count()).toEqual(before);
  });
});

describe("routes", () => {
  const upload = (url: string, cookie: string, file: Uint8Array | string, edition = editionId) => {
    const fd = new FormData();
    fd.set("edition", String(edition));
    fd.set("file", new File([file as BlobPart], "nominees.csv", { type: "text/csv" }));
    const args = requestArgs(url, { cookie });
    return { ...args, request: new Request(args.request.url, { method: "POST", headers: { Cookie: cookie }, body: fd }) };
  };

  it("previews an upload (multipart), confirms it, offers the template; 413 for a file over 1 MB", async () => {
    const cookie = await cookieFor(focalVN.id);
    const res = (await focalAction(upload("/focal/import", cookie, csv(row(51), row(52))))) as Response;
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.preview.rows).toHaveLength(2);
    const done = await call(focalAction, "/focal/import", { cookie, form: { hash: body.preview.hash } });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/focal/import?done=1&created=2&already=0");
    const big = (await focalAction(upload("/focal/import", cookie, new Uint8Array(1_200_000).fill(0x41)))) as Response;
    expect(big.status).toBe(413);
    // The template is its own resource route: the page route's loader answering with a file made
    // the browser's document request (a plain link) render the page with CSV as its data: a 500.
    const page = await (await call(focalLoader, "/focal/import", { cookie })).json();
    expect(page.columns.length).toBeGreaterThan(3);
    const tpl = await call(focalTemplate, "/focal/import-template.csv", { cookie });
    expect(tpl.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await tpl.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("given_name,family_name")).toBe(true);
    expect(text.split("\r\n")[0]).not.toContain("country"); // the focal point's country is fixed
    expect(templateCsv(true).split("\r\n")[0]).toContain(",country,");
  });

  it("answers 404 to people who are neither organizer nor focal point", async () => {
    const someone = await createUser();
    const cookie = await cookieFor(someone.id);
    expect((await call(focalLoader, "/focal/import", { cookie })).status).toBe(404);
    expect((await call(focalTemplate, "/focal/import-template.csv", { cookie })).status).toBe(404);
    expect((await call(adminTemplate, "/admin/import-template.csv", { cookie })).status).toBe(404);
    let status = 0;
    try {
      await adminAction(upload("/admin/import", cookie, csv(row(61))));
    } catch (e) {
      status = (e as Response).status;
    }
    expect(status).toBe(404);
  });
});
