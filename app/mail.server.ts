/**
 * Outgoing mail. Every message is first written to the outbox table (queued), then delivered.
 * With SMTP_URL set (app/env.server.ts) it is sent through nodemailer; otherwise it is written to
 * the log (subject and recipient domain only) and organizers read it on the outbox page
 * (/admin/outbox) as "recorded".
 *
 * Delivery: `sendMail` queues and sends at once (so the action that sent it can report it);
 * `enqueueMail` only queues (inside a transaction, e.g. an announcement's hundred messages);
 * the delivery worker (`startMailWorker`, every minute) and `deliverQueued` send whatever is
 * queued. A row is claimed before sending (`claimed_at`), so two senders never send it twice;
 * a claim older than CLAIM_STALE_MS (a crash mid-send) may be taken again.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { and, asc, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { db, t, type Db } from "./db.server";
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

/** One message. `html` is the HTML alternative; `kind` the template kind (or `announcement`). */
export type Mail = { to: string; subject: string; text: string; html?: string | null; kind?: string | null; announcementId?: number | null };

import { DELIVERY_STATES, type DeliveryState } from "./domain/delivery-states";
export { DELIVERY_STATES, type DeliveryState };

type OutboxRow = typeof t.outbox.$inferSelect;

/** sent (sent_at), failed (error), recorded (no SMTP server: log only), else queued. */
export function deliveryState(row: Pick<OutboxRow, "sentAt" | "error" | "transport">): DeliveryState {
  if (row.sentAt) return "sent";
  if (row.error) return "failed";
  if (row.transport === "log") return "recorded";
  return "queued";
}

/** The SQL condition of one delivery state (the same rule as `deliveryState`). */
export function deliveryStateWhere(state: DeliveryState) {
  const o = t.outbox;
  switch (state) {
    case "sent":
      return isNotNull(o.sentAt);
    case "failed":
      return and(isNull(o.sentAt), isNotNull(o.error));
    case "recorded":
      return and(isNull(o.sentAt), isNull(o.error), eq(o.transport, "log"));
    case "queued":
      return and(isNull(o.sentAt), isNull(o.error), eq(o.transport, "smtp"));
  }
}

/**
 * Writes one message to the outbox, queued (or recorded, with no SMTP server), and returns its
 * id. Synchronous: pass `tx` to make the row part of the caller's transaction. Sends nothing.
 */
export function enqueueMail(mail: Mail, tx: Db = db()): number {
  const smtp = !!getEnv().smtpUrl;
  const row = tx
    .insert(t.outbox)
    .values({
      toAddress: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      kind: mail.kind ?? null,
      announcementId: mail.announcementId ?? null,
      transport: smtp ? "smtp" : "log",
    })
    .returning({ id: t.outbox.id })
    .get();
  if (!smtp) log.info({ outboxId: row.id, toDomain: mail.to.split("@")[1] }, "mail written to outbox (no SMTP_URL)");
  return row.id;
}

/**
 * Records and sends one message. The outbox row is written synchronously (before the first
 * await), so a caller inside a transaction commits it with its own changes. Never throws for a
 * delivery failure (the error is kept on the outbox row and logged), so a down mail server does
 * not break the action that sent it. Returns the outbox row id.
 */
export async function sendMail(mail: Mail): Promise<number> {
  const id = enqueueMail(mail);
  await deliver(id);
  return id;
}

const CLAIM_STALE_MS = 10 * 60_000;

/**
 * Sends one queued message through SMTP: claims it, counts the attempt, and records `sent_at` or
 * the SMTP error. Does nothing (returns false) when the row is not queued or is claimed by
 * another sender. Returns true when it was sent.
 */
export async function deliver(id: number, now = () => new Date()): Promise<boolean> {
  const tr = getTransporter();
  if (!tr) return false;
  const at = now().toISOString();
  const stale = new Date(now().getTime() - CLAIM_STALE_MS).toISOString();
  const o = t.outbox;
  const row = db()
    .update(o)
    .set({ claimedAt: at, lastAttemptAt: at, attempts: sql`${o.attempts} + 1` })
    .where(and(eq(o.id, id), deliveryStateWhere("queued"), or(isNull(o.claimedAt), lt(o.claimedAt, stale))))
    .returning()
    .get();
  if (!row) return false;
  try {
    await tr.sendMail({ from: getEnv().mailFrom, to: row.toAddress, subject: row.subject, text: row.text, ...(row.html ? { html: row.html } : {}) });
    db().update(o).set({ sentAt: now().toISOString(), claimedAt: null }).where(eq(o.id, id)).run();
    return true;
  } catch (e) {
    const error = (e instanceof Error ? e.message : String(e)).slice(0, 1000) || "unknown error";
    db().update(o).set({ error, claimedAt: null }).where(eq(o.id, id)).run();
    log.error({ outboxId: id, error }, "mail delivery failed");
    return false;
  }
}

/**
 * Sends every queued message (oldest first, at most `limit`), one after another. Returns how many
 * were sent. Never throws for a delivery failure.
 */
export async function deliverQueued(limit = 500): Promise<number> {
  if (!getTransporter()) return 0;
  const ids = db().select({ id: t.outbox.id }).from(t.outbox).where(deliveryStateWhere("queued")).orderBy(asc(t.outbox.id)).limit(limit).all();
  let sent = 0;
  for (const { id } of ids) if (await deliver(id)) sent++;
  return sent;
}

/**
 * Puts failed messages back in the queue (clears the error; attempts are kept), with the
 * transport of now (a message recorded while no SMTP server was set stays recorded). Returns the
 * ids requeued. Sends nothing: call `deliverQueued` after the transaction.
 */
export function requeueFailed(ids: number[] | "all", tx: Db = db()): number[] {
  const o = t.outbox;
  const where = ids === "all" ? deliveryStateWhere("failed") : and(deliveryStateWhere("failed"), sql`${o.id} in ${ids.length ? ids : [-1]}`);
  return tx
    .update(o)
    .set({ error: null, claimedAt: null, transport: getEnv().smtpUrl ? "smtp" : "log" })
    .where(where)
    .returning({ id: o.id })
    .all()
    .map((r) => r.id);
}

let timer: ReturnType<typeof setInterval> | undefined;
let running: Promise<unknown> | undefined;

/** Runs `deliverQueued` now unless a run is already going (the worker's tick, and after an announcement). */
export function kickMailWorker(): Promise<unknown> {
  if (!running) {
    running = deliverQueued()
      .catch((e) => log.error({ error: e instanceof Error ? e.message : String(e) }, "mail worker failed"))
      .finally(() => {
        running = undefined;
      });
  }
  return running;
}

/** Starts the delivery worker: a run now, then every `seconds` (default 60). */
export function startMailWorker(seconds = Number(process.env.MAIL_WORKER_INTERVAL_SECONDS) || 60) {
  if (timer) return;
  void kickMailWorker();
  timer = setInterval(() => void kickMailWorker(), seconds * 1000);
  timer.unref?.();
}

/** Stops the worker (shutdown, tests). */
export function stopMailWorker() {
  if (timer) clearInterval(timer);
  timer = undefined;
}

/** For tests that switch SMTP_URL. */
export function resetMailTransport() {
  transporter = undefined;
}
