// Messages (issue 15, item 5) against a real SMTP server (smtp-server on an ephemeral port): mail
// rendered from an organizer's template arrives in the recipient's language with variables filled
// and HTML escaped; an announcement reaches exactly its group, each in their language; a rejected
// recipient is recorded as failed with the SMTP reason and can be resent; bad templates are
// refused with nothing saved; only organizers reach these pages.
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "~/forms/zod-errors";
import { db, t } from "~/db.server";
import { resetEnvCache } from "~/env.server";
import { deliverQueued, kickMailWorker, resetMailTransport } from "~/mail.server";
import { notifyStatusChange } from "~/models/applications/core.server";
import { action as announceAction } from "~/routes/admin.announcements";
import { action as templateAction, loader as templateLoader } from "~/routes/admin.messages.$kind.$lng";
import { action as outboxAction, loader as outboxLoader } from "~/routes/admin.outbox";
import { call, cookieFor, createUser } from "../support/factories";

type Arrived = { to: string; subject: string; text: string; html: string };
const arrived: Arrived[] = [];
let rejectPrefix = "reject-";
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (rejectPrefix && address.address.startsWith(rejectPrefix)) {
        const err = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((m) => {
          arrived.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), subject: m.subject ?? "", text: m.text ?? "", html: m.html || "" });
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  resetEnvCache();
  resetMailTransport();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  resetEnvCache();
  resetMailTransport();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let seq = 0;
function edition() {
  seq++;
  return db()
    .insert(t.editions)
    .values({
      name: `VLX Edition ${seq}`,
      ordinal: 100 + seq,
      mode: "in_person",
      hostCountries: ["CN"],
      startsOn: "2027-03-01",
      endsOn: "2027-03-08",
      applicationsOpenOn: "2026-10-01",
      applicationsCloseOn: "2027-01-01",
      timeZone: "Asia/Shanghai",
      themes: ["rural_tourism"],
    })
    .returning({ id: t.editions.id })
    .get().id;
}

async function applicant(
  editionId: number,
  o: { country: string; locale: string; status: "accepted" | "rejected" | "submitted"; email?: string; name: string; reason?: string },
) {
  const user = await createUser({ locale: o.locale, name: o.name, email: o.email });
  const id = db()
    .insert(t.applications)
    .values({ editionId, userId: user.id, status: o.status, nationality: o.country, givenName: o.name, statusReason: o.reason ?? null })
    .returning({ id: t.applications.id })
    .get().id;
  return { user, applicationId: id };
}

async function organizer() {
  const actor = await createUser({ roles: [{ role: "organizer" }] });
  return { actor, cookie: await cookieFor(actor.id) };
}

const arrivedFor = (email: string) => arrived.filter((m) => m.to === email);

describe("e-mail templates", () => {
  it("refuses an unknown variable or broken syntax next to the field and saves nothing", async () => {
    const { cookie } = await organizer();
    const url = "/admin/messages/status/vi";
    const params = { kind: "status", lng: "vi" };
    const r1 = await call(templateAction, url, { cookie, params, form: { intent: "save", subject: "Hồ sơ {{edition}}", body: "Chào {{nme}}" } });
    expect(r1.status).toBe(400);
    const reply = await r1.json();
    expect(JSON.stringify(reply.error.body)).toContain("messages.errors.unknownVariable");
    expect(reply.initialValue.body, "what was typed is kept").toBe("Chào {{nme}}");
    const r2 = await call(templateAction, url, { cookie, params, form: { intent: "save", subject: "{{#edition}} open", body: "ok" } });
    expect(r2.status).toBe(400);
    expect(JSON.stringify((await r2.json()).error.subject)).toContain("messages.errors.syntax");
    const r3 = await call(templateAction, url, { cookie, params, form: { intent: "save", subject: "x", body: "{{{link}}}" } });
    expect(r3.status).toBe(400);
    expect(db().select().from(t.mailTemplates).all()).toEqual([]);
  });

  it("previews with sample values, then the saved Vietnamese text is what a Vietnamese reader receives, HTML escaped", async () => {
    const { cookie } = await organizer();
    const params = { kind: "status", lng: "vi" };
    const form = { subject: "VLX: hồ sơ {{edition}} – {{status}}", body: "Chào {{name}},\n\nTrạng thái: {{status}}\n{{reason}}Xem: {{link}}" };
    const preview = await call(templateAction, "/admin/messages/status/vi", { cookie, params, form: { intent: "preview", ...form } });
    expect(preview.status).toBe(200);
    const shown = await preview.json();
    expect(shown.preview.text).toContain("Chào Nguyễn Thị Ánh");
    expect(db().select().from(t.mailTemplates).all(), "a preview saves nothing").toEqual([]);
    const saved = await call(templateAction, "/admin/messages/status/vi", { cookie, params, form: { intent: "save", ...form } });
    expect(saved.status).toBe(302);
    const page = await (await call(templateLoader, "/admin/messages/status/vi", { cookie, params })).json();
    expect(page.current.overridden).toBe(true);
    const audit = db().select().from(t.auditEvents).where(eq(t.auditEvents.entityType, "mail_template")).all();
    expect(audit.map((a) => a.action)).toEqual(["override"]);

    const ed = edition();
    const vi = await applicant(ed, {
      country: "VN",
      locale: "vi",
      status: "rejected",
      name: "Trần <b>Bình</b>",
      email: "binh@example.vn",
      reason: "Thiếu giấy tờ <script>&",
    });
    await notifyStatusChange(vi.applicationId);
    const [mail] = arrivedFor("binh@example.vn");
    expect(mail.subject).toMatch(/^VLX: hồ sơ VLX Edition \d+ – \S/);
    expect(mail.text).toContain("Chào Trần <b>Bình</b>,");
    expect(mail.html).toContain("Chào Trần &lt;b&gt;Bình&lt;/b&gt;,");
    expect(mail.text).toContain("Thiếu giấy tờ <script>&");
    expect(mail.html).toContain("Thiếu giấy tờ &lt;script&gt;&amp;");
    expect(mail.html).not.toContain("<script>");
    const row = db().select().from(t.outbox).where(eq(t.outbox.toAddress, "binh@example.vn")).get()!;
    expect(row.sentAt).toBeTruthy();
    expect(row.attempts).toBe(1);

    // Reset to default: the override is gone (audited) and the shipped Vietnamese text is back.
    expect((await call(templateAction, "/admin/messages/status/vi", { cookie, params, form: { intent: "reset" } })).status).toBe(302);
    expect(db().select().from(t.mailTemplates).all()).toEqual([]);
  });
});

describe("announcements", () => {
  it("a country's delegation is only that country's accepted participants", async () => {
    const { cookie } = await organizer();
    const ed = edition();
    const other = edition();
    await applicant(ed, { country: "VN", locale: "vi", status: "accepted", name: "An" });
    await applicant(ed, { country: "TH", locale: "th", status: "accepted", name: "Somchai" });
    await applicant(ed, { country: "VN", locale: "vi", status: "rejected", name: "Bao" });
    await applicant(other, { country: "VN", locale: "vi", status: "accepted", name: "Chi" });
    const form = {
      intent: "preview",
      requestKey: "k".repeat(20),
      groupType: "delegation",
      editionId: String(ed),
      countryCode: "VN",
      subject: "Hello {{name}}",
      body: "News for {{edition}}",
    };
    const r = await call(announceAction, "/admin/announcements", { cookie, form });
    expect(r.status).toBe(200);
    const data = await r.json();
    expect(data.preview.count).toBe(1);
    expect(data.preview.missing, "the Vietnamese reader has no version of her own").toEqual([{ lng: "vi", count: 1 }]);
  });

  it("sends to an edition's participants, each in their language; a rejected recipient fails with the reason and is resent", async () => {
    const { cookie } = await organizer();
    const ed = edition();
    await applicant(ed, { country: "VN", locale: "vi", status: "accepted", name: "Lan", email: "lan@example.vn" });
    await applicant(ed, { country: "TH", locale: "th", status: "accepted", name: "Malee", email: "malee@example.th" });
    await applicant(ed, { country: "KH", locale: "km", status: "accepted", name: "Dara", email: "reject-dara@example.kh" });
    await applicant(ed, { country: "LA", locale: "lo", status: "submitted", name: "Noy", email: "noy@example.la" });
    const requestKey = "announce-key-0000001";
    const form = {
      intent: "send",
      requestKey,
      groupType: "edition",
      editionId: String(ed),
      subject: "Visit schedule",
      body: "Dear {{name}}, the schedule of {{edition}} is ready. <Bring> your passport & visa.",
      "tr.subject.vi": "Lịch chuyến đi",
      "tr.body.vi": "Chào {{name}}, lịch của {{edition}} đã sẵn sàng.",
    };
    const r = await call(announceAction, "/admin/announcements", { cookie, form });
    expect(r.status).toBe(302);
    const again = await call(announceAction, "/admin/announcements", { cookie, form });
    expect(again.status, "a repeated submit").toBe(302);
    const rows = db().select().from(t.outbox).where(eq(t.outbox.kind, "announcement")).all();
    expect(rows.map((m) => m.toAddress).sort(), "one message each, sent once").toEqual(["lan@example.vn", "malee@example.th", "reject-dara@example.kh"]);
    // The page started the delivery worker after commit; wait for that run, then for anything left.
    await kickMailWorker();
    await deliverQueued();

    const [lan] = arrivedFor("lan@example.vn");
    expect(lan.subject).toBe("Lịch chuyến đi");
    expect(lan.text).toContain("Chào Lan, lịch của VLX Edition");
    const [malee] = arrivedFor("malee@example.th");
    expect(malee.subject).toBe("Visit schedule");
    expect(malee.text).toContain("Dear Malee");
    expect(malee.html).toContain("&lt;Bring&gt; your passport &amp; visa.");
    expect(arrivedFor("reject-dara@example.kh")).toEqual([]);
    expect(arrivedFor("noy@example.la"), "a submitted applicant is not a participant").toEqual([]);

    const outbox = await (await call(outboxLoader, "/admin/outbox?state=failed", { cookie })).json();
    expect(outbox.mails.map((m: { to: string }) => m.to)).toEqual(["reject-dara@example.kh"]);
    expect(outbox.mails[0].state).toBe("failed");
    expect(outbox.mails[0].error).toMatch(/550|Mailbox unavailable/);

    rejectPrefix = "";
    const resent = await call(outboxAction, "/admin/outbox", { cookie, form: { resend: String(outbox.mails[0].id) } });
    expect(resent.status).toBe(302);
    await kickMailWorker();
    expect(arrivedFor("reject-dara@example.kh")).toHaveLength(1);
    const row = db().select().from(t.outbox).where(eq(t.outbox.toAddress, "reject-dara@example.kh")).get()!;
    expect(row.sentAt).toBeTruthy();
    expect(row.attempts).toBe(2);
    rejectPrefix = "reject-";
    const audit = db().select().from(t.auditEvents).where(eq(t.auditEvents.entityType, "announcement")).all();
    expect(audit).toHaveLength(1);
  });
});

describe("programme content in the recipient's language (issue 11)", () => {
  it("{{edition}} is the edition's name in each recipient's saved language, else English", async () => {
    const { cookie } = await organizer();
    const ed = edition();
    db()
      .update(t.editions)
      .set({ name: "Village Leaders Exchange 2027", translations: { name: { km: "កម្មវិធីផ្លាស់ប្តូរមេភូមិ ២០២៧", vi: "Trao đổi trưởng thôn 2027" } } })
      .where(eq(t.editions.id, ed))
      .run();
    const km = await applicant(ed, { country: "KH", locale: "km", status: "rejected", name: "Sokha", email: "sokha@example.kh" });
    const en = await applicant(ed, { country: "PH", locale: "en", status: "rejected", name: "Maria", email: "maria@example.ph" });
    // No Thai name: the Thai reader gets the English one.
    const th = await applicant(ed, { country: "TH", locale: "th", status: "rejected", name: "Malai", email: "malai@example.th" });
    for (const a of [km, en, th]) await notifyStatusChange(a.applicationId);
    expect(arrivedFor("sokha@example.kh")[0].text).toContain("កម្មវិធីផ្លាស់ប្តូរមេភូមិ ២០២៧");
    expect(arrivedFor("sokha@example.kh")[0].text).not.toContain("Village Leaders Exchange 2027");
    expect(arrivedFor("maria@example.ph")[0].text).toContain("Village Leaders Exchange 2027");
    expect(arrivedFor("maria@example.ph")[0].text).not.toContain("កម្មវិធី");
    expect(arrivedFor("malai@example.th")[0].text).toContain("Village Leaders Exchange 2027");

    // An announcement: one default text, {{edition}} filled per recipient.
    const form = {
      intent: "send",
      requestKey: "announce-edition-names-1",
      groupType: "status",
      status: "rejected",
      editionId: String(ed),
      subject: "About {{edition}}",
      body: "Dear {{name}}, news about {{edition}}.",
    };
    expect((await call(announceAction, "/admin/announcements", { cookie, form })).status).toBe(302);
    await kickMailWorker();
    await deliverQueued();
    const about = (email: string) => arrivedFor(email).find((m) => m.subject.startsWith("About"))!;
    expect(about("sokha@example.kh").subject).toBe("About កម្មវិធីផ្លាស់ប្តូរមេភូមិ ២០២៧");
    expect(about("sokha@example.kh").html).toContain("news about កម្មវិធីផ្លាស់ប្តូរមេភូមិ ២០២៧.");
    expect(about("maria@example.ph").subject).toBe("About Village Leaders Exchange 2027");
    expect(about("malai@example.th").subject).toBe("About Village Leaders Exchange 2027");
  });
});

describe("scope", () => {
  it("anyone but an organizer gets 404 on templates, announcements and the outbox, and nothing is written", async () => {
    const focal = await createUser({ roles: [{ role: "focal_point", countryCode: "VN" }] });
    const cookie = await cookieFor(focal.id);
    const params = { kind: "status", lng: "en" };
    expect((await call(templateLoader, "/admin/messages/status/en", { cookie, params })).status).toBe(404);
    expect((await call(templateAction, "/admin/messages/status/en", { cookie, params, form: { intent: "save", subject: "x", body: "y" } })).status).toBe(404);
    const ed = edition();
    const form = { intent: "send", requestKey: "scope-key-000000001", groupType: "edition", editionId: String(ed), subject: "x", body: "y" };
    expect((await call(announceAction, "/admin/announcements", { cookie, form })).status).toBe(404);
    expect((await call(outboxAction, "/admin/outbox", { cookie, form: { resend: "all" } })).status).toBe(404);
    expect(db().select().from(t.announcements).where(eq(t.announcements.requestKey, "scope-key-000000001")).all()).toEqual([]);
  });
});
