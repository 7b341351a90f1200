/**
 * Personal survey links (in reminder mails): a random token per person, survey and period; only
 * its SHA-256 is stored. A link works until the response is submitted through it (once), expires
 * a day after the stage closes, and is replaced (the old one revoked) when a new one is sent.
 */
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { db as defaultDb, immediate, t, type Db } from "../../db.server";
import { getEnv } from "../../env.server";
import { sendMail } from "../../mail.server";
import { composeMail } from "../messages/templates.server";
import { addDays, formatDate } from "../../domain/dates";
import { localText } from "../../domain/evaluation/text";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { NotFoundError, RuleError } from "../errors";
import { getEditionSurvey, stayOf, surveyTiming, type EditionSurvey, type Stay } from "./surveys.server";
import { currentTemplate } from "./templates.server";
import { periodFor } from "../../domain/evaluation/timing";
import { hasAnswered } from "./anonymous.server";

export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** The instant a link made for a window closing on `closesOn` (date in `zone`) expires: the next day's end, UTC+14 safe. */
function expiry(closesOn: string): string {
  return `${addDays(closesOn, 2)}T00:00:00.000Z`;
}

/** Issues a new link (revoking earlier unused ones for the same person, survey and period); returns the token. */
export function issueLink(tx: Db, surveyId: number, applicationId: number, period: string, closesOn: string, now = new Date()): string {
  tx.update(t.surveyLinks)
    .set({ revokedAt: now.toISOString() })
    .where(
      and(
        eq(t.surveyLinks.surveyId, surveyId),
        eq(t.surveyLinks.applicationId, applicationId),
        eq(t.surveyLinks.period, period),
        isNull(t.surveyLinks.usedAt),
        isNull(t.surveyLinks.revokedAt),
      ),
    )
    .run();
  const token = crypto.randomBytes(32).toString("base64url");
  tx.insert(t.surveyLinks)
    .values({ tokenHash: hashToken(token), surveyId, applicationId, period, createdAt: now.toISOString(), expiresAt: expiry(closesOn) })
    .run();
  return token;
}

export type LinkState =
  { ok: true; surveyId: number; applicationId: number; period: string; tokenHash: string } | { ok: false; reason: "invalid" | "expired" | "used" };

/** What a link opens; never says whose it is when it does not work. */
export function resolveLink(token: string, now = new Date()): LinkState {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "invalid" };
  const row = defaultDb()
    .select()
    .from(t.surveyLinks)
    .where(eq(t.surveyLinks.tokenHash, hashToken(token)))
    .get();
  if (!row) return { ok: false, reason: "invalid" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.revokedAt || row.expiresAt <= now.toISOString()) return { ok: false, reason: "expired" };
  return { ok: true, surveyId: row.surveyId, applicationId: row.applicationId, period: row.period, tokenHash: row.tokenHash };
}

/**
 * Marks a link used (inside the transaction that submits its response). For an anonymous survey
 * only the day is kept: an exact time on the person's link could be matched with the answer.
 */
export function markLinkUsed(tx: Db, tokenHash: string, now = new Date(), anonymous = false) {
  const at = now.toISOString();
  tx.update(t.surveyLinks)
    .set({ usedAt: anonymous ? at.slice(0, 10) : at })
    .where(eq(t.surveyLinks.tokenHash, tokenHash))
    .run();
}

export type ReminderKind = "opened" | "closing" | "resent";

const SURVEY_KINDS = { opened: "surveyOpened", closing: "surveyClosing", resent: "surveyResent" } as const;

/** The mail of a survey link in the recipient's language. */
export function linkMail(stay: Stay, survey: EditionSurvey, kind: ReminderKind, token: string, closesOn: string, tx: Db = defaultDb()) {
  const title = localText(currentTemplate(survey.templateFamily).title, stay.locale);
  const url = `${getEnv().appUrl}/s/${token}`;
  // The closing day in the recipient's language and calendar (never the raw YYYY-MM-DD).
  const params = { name: stay.name, title, url, closesOn: formatDate(closesOn, stay.locale, "long"), months: survey.monthsAfter };
  return composeMail(SURVEY_KINDS[kind], stay.email, stay.locale, params, tx);
}

/** Organizer: sends a participant a fresh link for a survey (the old one stops working). */
export async function resendLink(actor: Actor, surveyId: number, applicationId: number, now = new Date()): Promise<void> {
  requireOrganizer(actor);
  const pending = immediate(defaultDb(), (tx) => {
    const survey = getEditionSurvey(surveyId, tx);
    const stay = stayOf(survey.editionId, applicationId, tx);
    const timing = surveyTiming(survey, stay, now);
    if (timing.state === "closed") throw new RuleError("evaluation.errors.closed");
    const submitted = tx
      .select()
      .from(t.surveyResponses)
      .where(
        and(
          eq(t.surveyResponses.surveyId, surveyId),
          eq(t.surveyResponses.applicationId, applicationId),
          eq(t.surveyResponses.period, periodFor(survey.stage, timing.today)),
          eq(t.surveyResponses.status, "submitted"),
        ),
      )
      .get();
    if (submitted || hasAnswered(tx, surveyId, stay.userId, periodFor(survey.stage, timing.today))) throw new RuleError("evaluation.errors.alreadyAnswered");
    const token = issueLink(tx, surveyId, applicationId, periodFor(survey.stage, timing.today), timing.window.closesOn, now);
    recordAudit(actor, { entityType: "survey_link", entityId: surveyId, action: "resend", details: { applicationId } }, tx);
    // sendMail writes its outbox row synchronously, so the row is part of this transaction.
    return { delivered: sendMail(linkMail(stay, survey, "resent", token, timing.window.closesOn, tx)) };
  });
  await pending.delivered;
}

export function assertLinkSurvey(state: LinkState): asserts state is Extract<LinkState, { ok: true }> {
  if (!state.ok) throw new NotFoundError("link");
}
