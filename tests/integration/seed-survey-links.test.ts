/**
 * Issue 12 item 21 (rest): the demo has personal survey links for participants: an open survey
 * stage, so the reminder job that runs at server start mails each participant their own link
 * (readable on the outbox page), which opens the survey without logging in.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { runReminders } from "~/models/evaluation/reminders.server";
import { resolveLink } from "~/models/evaluation/links.server";
import { seedDemoIfEmpty } from "../../db/seed";

let sent = 0;
beforeAll(async () => {
  await seedDemoIfEmpty(db());
  sent = await runReminders(new Date()); // what server.ts does right after seeding
});

describe("demo personal survey links", () => {
  it("mails open personal links to participants, each opening its survey", () => {
    expect(sent).toBeGreaterThan(0);
    const now = new Date().toISOString();
    const links = db()
      .select()
      .from(t.surveyLinks)
      .all()
      .filter((l) => !l.usedAt && !l.revokedAt && l.expiresAt > now);
    expect(links.length).toBe(sent);
    const mails = db()
      .select()
      .from(t.outbox)
      .all()
      .filter((m) => /\/s\/[\w-]{20,}/.test(m.text));
    expect(mails.length).toBe(sent);
    const token = /\/s\/([\w-]{20,})/.exec(mails[0]!.text)![1]!;
    expect(resolveLink(token).ok).toBe(true);
  });
});
