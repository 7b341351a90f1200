/**
 * Retention of participants' documents (issue 15 item 2, docs/design.md "Sensitive data"): passport
 * scans, badge photos and consent forms are needed to run an edition, not afterwards. A document
 * is deleted (row and file, with an audit event `delete` whose reason is `retention`, actor none)
 * once its application's edition ended more than DOCUMENT_RETENTION_DAYS days ago (default 180,
 * env DOCUMENT_RETENTION_DAYS). The edition's end is a date-only value compared with today's UTC
 * date: the day's slack between zones does not matter at this scale.
 */
import { and, eq, inArray, lt } from "drizzle-orm";
import { db, t } from "../../db.server";
import { addDays } from "../../domain/dates";
import { log } from "../../log.server";
import { recordAudit } from "../audit.server";
import { APPLICATION_OWNER } from "../../domain/document-kinds";
import { deleteDocuments } from "./store.server";

export const DOCUMENT_RETENTION_DAYS = 180;

/** Deletes the documents past retention; returns how many. `now` and `days` for tests. */
export function purgeExpiredDocuments(now = new Date(), days = Number(process.env.DOCUMENT_RETENTION_DAYS) || DOCUMENT_RETENTION_DAYS): number {
  const cutoff = addDays(now.toISOString().slice(0, 10), -days);
  const expired = db()
    .select({ doc: t.documents })
    .from(t.documents)
    .innerJoin(t.applications, eq(t.applications.id, t.documents.ownerId))
    .innerJoin(t.editions, eq(t.editions.id, t.applications.editionId))
    .where(and(eq(t.documents.ownerType, APPLICATION_OWNER), lt(t.editions.endsOn, cutoff)))
    .all()
    .map((r) => r.doc);
  if (expired.length === 0) return 0;
  deleteDocuments(expired, (tx) => {
    // Only rows still there: a concurrent delete must not be audited twice.
    const still = new Set(
      tx
        .select({ id: t.documents.id })
        .from(t.documents)
        .where(
          inArray(
            t.documents.id,
            expired.map((d) => d.id),
          ),
        )
        .all()
        .map((r) => r.id),
    );
    for (const d of expired.filter((x) => still.has(x.id))) {
      recordAudit(
        null,
        { entityType: "document", entityId: d.id, action: "delete", reason: "retention", details: { applicationId: d.ownerId, kind: d.kind } },
        tx,
      );
    }
  });
  return expired.length;
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Runs the purge once now, then every `hours` hours (default 24). */
export function startDocumentRetention(hours = 24) {
  if (timer) return;
  const tick = () => {
    try {
      const n = purgeExpiredDocuments();
      if (n) log.info({ deleted: n }, "documents past retention deleted");
    } catch (e) {
      log.error({ error: e instanceof Error ? e.message : String(e) }, "document retention failed");
    }
  };
  tick();
  timer = setInterval(tick, hours * 3_600_000);
  timer.unref?.();
}
