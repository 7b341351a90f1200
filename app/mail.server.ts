/**
 * Outgoing mail. Every message is recorded in the outbox table; with SMTP_URL set it is sent
 * through nodemailer, otherwise it is written to the log (subject and recipient domain only)
 * and organizers read it on the outbox page (/admin/outbox).
 */
import nodemailer, { type Transporter } from "nodemailer";
import { eq } from "drizzle-orm";
import { db, t } from "./db.server";
import { getEnv } from "./env.server";
import { log } from "./log.server";

let transporter: Transporter | null | undefined;

function getTransporter(): Transporter | null {
  if (transporter === undefined) {
    const url = getEnv().smtpUrl;
    transporter = url ? nodemailer.createTransport(url) : null;
  }
  return transporter;
}

export type Mail = { to: string; subject: string; text: string };

/**
 * Records and sends one message. Never throws for a delivery failure (the error is kept on the
 * outbox row and logged), so a down mail server does not break the action that sent it.
 * Returns the outbox row id.
 */
export async function sendMail(mail: Mail): Promise<number> {
  const tr = getTransporter();
  const row = db()
    .insert(t.outbox)
    .values({ toAddress: mail.to, subject: mail.subject, text: mail.text, transport: tr ? "smtp" : "log" })
    .returning({ id: t.outbox.id })
    .get();
  if (!tr) {
    log.info({ outboxId: row.id, toDomain: mail.to.split("@")[1] }, "mail written to outbox (no SMTP_URL)");
    return row.id;
  }
  try {
    await tr.sendMail({ from: getEnv().mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
    db().update(t.outbox).set({ sentAt: new Date().toISOString() }).where(eq(t.outbox.id, row.id)).run();
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    db().update(t.outbox).set({ error }).where(eq(t.outbox.id, row.id)).run();
    log.error({ outboxId: row.id, error }, "mail delivery failed");
  }
  return row.id;
}

/** For tests that switch SMTP_URL. */
export function resetMailTransport() {
  transporter = undefined;
}
