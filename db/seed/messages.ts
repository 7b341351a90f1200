/**
 * Demo messages (issue 15, item 5): two e-mail templates changed by organizers (the Vietnamese
 * status mail, the English placement offer), one announcement sent to the past online edition's
 * participants (delivered), and one of its messages that the mail server refused (failed, with
 * the SMTP reason), so the outbox shows each delivery state and the resend button.
 */
import { and, eq } from "drizzle-orm";
import { htmlDocument, renderHtmlBody, renderSubject, renderText } from "../../app/domain/mail-templates";
import type { Db } from "../client";
import * as t from "../schema";

const STATUS_VI = {
  subject: "VLX – hồ sơ {{edition}}: {{status}}",
  body: "Kính gửi {{name}},\n\nTrạng thái hồ sơ của anh/chị cho {{edition}} nay là: {{status}}.\n{{reason}}\nXem chi tiết tại: {{link}}\n\nBan thư ký VLX",
};
const OFFER_EN = {
  subject: "Your seat in {{visit}} ({{arrival}} – {{departure}})",
  body: "Dear {{name}},\n\nWe are glad to offer you a place in the exchange visit “{{visit}}” at {{site}}, {{country}}, from {{arrival}} to {{departure}}.\n\nPlease accept or decline by {{replyBy}} (end of the day, {{zone}} time):\n{{link}}\n\nPlease tell us about any dietary or access needs when you accept.\n\nThe VLX secretariat",
};
const ANNOUNCEMENT = {
  subject: "Thank you for joining the online forum",
  body: "Dear {{name}},\n\nThank you for taking part in {{edition}}. The recordings and the presentations are now on the platform, and the 3-month follow-up survey will reach you by e-mail.\n\nThe VLX secretariat",
  vi: {
    subject: "Cảm ơn anh/chị đã tham gia diễn đàn trực tuyến",
    body: "Kính gửi {{name}},\n\nCảm ơn anh/chị đã tham gia {{edition}}. Bản ghi và bài trình bày đã có trên nền tảng; khảo sát theo dõi sau 3 tháng sẽ được gửi qua thư điện tử.\n\nBan thư ký VLX",
  },
};

/** Seeds the demo templates, announcement and outbox rows; `sentAt` is an instant (UTC ISO). */
export function seedMessages(tx: Db, editionId: number, organizerId: number, sentAt: string) {
  const editionName = tx.select({ name: t.editions.name }).from(t.editions).where(eq(t.editions.id, editionId)).get()?.name ?? "";
  tx.insert(t.mailTemplates)
    .values([
      { kind: "status", locale: "vi", ...STATUS_VI, updatedBy: organizerId, updatedAt: sentAt },
      { kind: "offer", locale: "en", ...OFFER_EN, updatedBy: organizerId, updatedAt: sentAt },
    ])
    .run();
  const recipients = tx
    .select({ email: t.users.email, locale: t.users.locale, name: t.users.displayName })
    .from(t.applications)
    .innerJoin(t.users, eq(t.users.id, t.applications.userId))
    .where(and(eq(t.applications.editionId, editionId), eq(t.applications.status, "accepted")))
    .all();
  const id = tx
    .insert(t.announcements)
    .values({
      groupType: "edition",
      editionId,
      subject: ANNOUNCEMENT.subject,
      body: ANNOUNCEMENT.body,
      translations: { subject: { vi: ANNOUNCEMENT.vi.subject }, body: { vi: ANNOUNCEMENT.vi.body } },
      recipientCount: recipients.length,
      requestKey: "demo-announcement-online-forum",
      createdBy: organizerId,
      createdAt: sentAt,
    })
    .returning({ id: t.announcements.id })
    .get().id;
  recipients.forEach((r, i) => {
    const text = r.locale === "vi" ? ANNOUNCEMENT.vi : ANNOUNCEMENT;
    const values = { name: r.name, edition: editionName };
    const subject = renderSubject(text.subject, values);
    // The last one was refused by the receiving server: the outbox shows it failed, with a resend button.
    const failed = i === recipients.length - 1;
    tx.insert(t.outbox)
      .values({
        toAddress: r.email,
        subject,
        text: renderText(text.body, values),
        html: htmlDocument(renderHtmlBody(text.body, values), r.locale === "vi" ? "vi" : "en", subject),
        kind: "announcement",
        announcementId: id,
        createdAt: sentAt,
        transport: "smtp",
        sentAt: failed ? null : sentAt,
        error: failed
          ? `Can't send mail - all recipients were rejected: 550 5.1.1 <${r.email}>: Recipient address rejected: User unknown in virtual mailbox table`
          : null,
        attempts: failed ? 3 : 1,
        lastAttemptAt: sentAt,
      })
      .run();
  });
}
