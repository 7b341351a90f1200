/**
 * Survey reminders: a mail when a stage opens for a participant and another a few days before it
 * closes, in the recipient's language, with a personal link. A scheduled job (startReminderJob,
 * from server.ts) runs once at start and then every few minutes. Each reminder is sent once, also
 * across restarts: a reminders_sent row with a unique key (person, survey, stage, kind) is
 * inserted in the same transaction as the outbox row.
 */
import { and, eq } from "drizzle-orm";
import { db, immediate, t } from "../../db.server";
import { closingSoon, periodFor } from "../../domain/evaluation/timing";
import { log } from "../../log.server";
import { sendMail, type Mail } from "../../mail.server";
import { hasAnswered } from "./anonymous.server";
import { issueLink, linkMail } from "./links.server";
import { editionStays, surveyTiming } from "./surveys.server";
import { ensureStarterTemplates } from "./templates.server";

/** Sends the reminders due at `now`; returns how many were sent. */
export async function runReminders(now = new Date()): Promise<number> {
  const surveys = db().select().from(t.editionSurveys).all();
  const pending: Promise<number>[] = [];
  const stays = new Map<number, ReturnType<typeof editionStays>>();
  for (const survey of surveys) {
    if (!stays.has(survey.editionId)) stays.set(survey.editionId, editionStays(survey.editionId));
    for (const stay of stays.get(survey.editionId)!) {
      const timing = surveyTiming(survey, stay, now);
      if (timing.state !== "open") continue;
      const kind = survey.stage !== "pulse" && closingSoon(timing.window, timing.today) ? "closing" : "opened";
      const period = periodFor(survey.stage, timing.today);
      immediate(db(), (tx) => {
        const answered = tx
          .select({ id: t.surveyResponses.id })
          .from(t.surveyResponses)
          .where(
            and(
              eq(t.surveyResponses.surveyId, survey.id),
              eq(t.surveyResponses.userId, stay.userId),
              eq(t.surveyResponses.period, period),
              eq(t.surveyResponses.status, "submitted"),
            ),
          )
          .get();
        if (answered || hasAnswered(tx, survey.id, stay.userId, period)) return;
        const inserted = tx
          .insert(t.remindersSent)
          .values({ userId: stay.userId, surveyId: survey.id, stage: survey.stage, kind, sentAt: now.toISOString() })
          .onConflictDoNothing()
          .returning({ id: t.remindersSent.id })
          .get();
        if (!inserted) return;
        const token = issueLink(tx, survey.id, stay.applicationId, period, timing.window.closesOn, now);
        // sendMail writes its outbox row synchronously (before its first await), so that row is
        // committed together with the reminders_sent row; delivery (SMTP) happens after commit.
        pending.push(sendInTx(linkMail(stay, survey, kind, token, timing.window.closesOn, tx), inserted.id));
      });
    }
  }
  const ids = await Promise.all(pending);
  return ids.length;
}

function sendInTx(mail: Mail, reminderId: number): Promise<number> {
  const p = sendMail(mail);
  return p.then((outboxId) => {
    db().update(t.remindersSent).set({ outboxId }).where(eq(t.remindersSent.id, reminderId)).run();
    return outboxId;
  });
}

let timer: ReturnType<typeof setInterval> | undefined;
let running = false;

async function tick() {
  if (running) return;
  running = true;
  try {
    const n = await runReminders();
    if (n) log.info({ sent: n }, "survey reminders sent");
  } catch (e) {
    log.error({ error: e instanceof Error ? e.message : String(e) }, "survey reminders failed");
  } finally {
    running = false;
  }
}

/** Adds the starter indicators and templates, runs the reminders once now and then every `minutes`. */
export function startReminderJob(minutes = Number(process.env.REMINDER_INTERVAL_MINUTES) || 15) {
  ensureStarterTemplates(db());
  if (timer) return;
  void tick();
  timer = setInterval(() => void tick(), minutes * 60_000);
  timer.unref?.();
}

/** Stops the job (shutdown, tests) and forgets its state. */
export function stopReminderJob() {
  if (timer) clearInterval(timer);
  timer = undefined;
  running = false;
}
