/**
 * Announcements (issue 15, item 5): an organizer writes a subject and body (a default text plus
 * optional per-language versions) and sends it to a group of one edition: its participants
 * (accepted applications), a country's delegation (accepted, of that nationality), a visit's
 * participants (accepted placements on the visit) or its applicants in one status. Each recipient
 * gets one queued outbox message in their own language, else the default text. Organizers only.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import { ANNOUNCEMENT_VARS, SAMPLE_VALUES } from "../../domain/mail-templates";
import { pickField, shownName, siteNameShown, visitTitleShown, type Translations } from "../../domain/local-text";
import { enqueueMail } from "../../mail.server";
import type { AnnouncementGroup } from "../../../db/schema/messages";
import { requireOrganizer, type Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError } from "../errors";
import { checkTemplate, renderMessage } from "./templates.server";

export type GroupInput = { groupType: AnnouncementGroup; editionId: number; countryCode?: string | null; visitId?: number | null; status?: string | null };
export type AnnouncementText = { subject: string; body: string; tr?: Translations<"subject" | "body"> };
export type Recipient = { userId: number; email: string; locale: string; name: string };

/**
 * The people a group reaches, one per person, ordered by id; disabled accounts left out.
 * NotFoundError for an unknown edition; FieldErrors (visitId) for a visit outside the edition.
 */
export function recipientsOf(group: GroupInput, tx: Db = db()): Recipient[] {
  const edition = tx.select({ id: t.editions.id }).from(t.editions).where(eq(t.editions.id, group.editionId)).get();
  if (!edition) throw new NotFoundError("edition");
  const a = t.applications;
  const conds = [eq(a.editionId, group.editionId), isNull(t.users.disabledAt)];
  let query;
  if (group.groupType === "visit") {
    const visit = tx
      .select({ id: t.exchangeVisits.id })
      .from(t.exchangeVisits)
      .where(and(eq(t.exchangeVisits.id, group.visitId ?? -1), eq(t.exchangeVisits.editionId, group.editionId)))
      .get();
    if (!visit) throw FieldErrors.one("visitId", "messages.errors.visitNotInEdition");
    query = tx
      .selectDistinct({ userId: t.users.id, email: t.users.email, locale: t.users.locale, name: t.users.displayName })
      .from(t.placements)
      .innerJoin(a, eq(a.id, t.placements.applicationId))
      .innerJoin(t.users, eq(t.users.id, a.userId))
      .where(and(...conds, eq(t.placements.visitId, visit.id), eq(t.placements.status, "accepted")));
  } else {
    if (group.groupType === "status") conds.push(eq(a.status, (group.status ?? "") as "accepted"));
    else conds.push(eq(a.status, "accepted"));
    if (group.groupType === "delegation") conds.push(eq(a.nationality, group.countryCode ?? ""));
    query = tx
      .selectDistinct({ userId: t.users.id, email: t.users.email, locale: t.users.locale, name: t.users.displayName })
      .from(a)
      .innerJoin(t.users, eq(t.users.id, a.userId))
      .where(and(...conds));
  }
  return query.orderBy(asc(t.users.id)).all();
}

/** The version a reader of `lng` gets: their language's subject and body, else the default text. */
export function versionFor(text: AnnouncementText, lng: string): { subject: string; body: string; lang: string } {
  const body = pickField(text.body, text.tr, "body", lng);
  const translated = body.lang !== "en" && text.tr?.body?.[body.lang];
  const subject = translated ? (text.tr?.subject?.[body.lang] ?? text.subject) : text.subject;
  return { subject, body: translated ? body.text : text.body, lang: translated ? body.lang : "en" };
}

/**
 * The edition's name for a reader of each language (issue 11): the organizers' name in that
 * language, else English, else the first given. `(lng) => name`, "" for an unknown edition.
 */
function editionNames(editionId: number, tx: Db): (lng: string) => string {
  const row = tx.select({ name: t.editions.name, translations: t.editions.translations }).from(t.editions).where(eq(t.editions.id, editionId)).get();
  return (lng) => (row ? shownName(row, lng).name : "");
}

function checkText(text: AnnouncementText) {
  checkTemplate({ subject: text.subject, body: text.body }, ANNOUNCEMENT_VARS);
  for (const [l, body] of Object.entries(text.tr?.body ?? {})) {
    try {
      checkTemplate({ subject: text.tr?.subject?.[l] ?? text.subject, body }, ANNOUNCEMENT_VARS);
    } catch (e) {
      // Report the problem under that language's own inputs.
      if (!(e instanceof FieldErrors)) throw e;
      const out: Record<string, string[]> = {};
      if (e.fields.subject) out[`tr.subject.${l}`] = e.fields.subject;
      if (e.fields.body) out[`tr.body.${l}`] = e.fields.body;
      throw new FieldErrors(out);
    }
  }
}

/**
 * Organizer: what sending would do: how many people, which of their languages have no version of
 * their own (they get the default text), and the message as the first recipient (or a sample
 * person) would read it. FieldErrors for unknown variables or broken syntax.
 */
export function previewAnnouncement(actor: Actor, group: GroupInput, text: AnnouncementText) {
  requireOrganizer(actor);
  checkText(text);
  const recipients = recipientsOf(group);
  const counts = new Map<string, number>();
  for (const r of recipients) counts.set(r.locale, (counts.get(r.locale) ?? 0) + 1);
  const missing = [...counts.entries()]
    .filter(([l]) => l !== "en" && !text.tr?.body?.[l])
    .map(([lng, count]) => ({ lng, count }))
    .sort((x, y) => y.count - x.count || x.lng.localeCompare(y.lng));
  const first = recipients[0];
  const lng = first?.locale ?? "en";
  const version = versionFor(text, lng);
  const rendered = renderMessage(version, version.lang, { name: first?.name ?? SAMPLE_VALUES.name, edition: editionNames(group.editionId, db())(lng) });
  return { count: recipients.length, missing, preview: { ...rendered, lang: version.lang, to: first?.email ?? null } };
}

/**
 * Organizer: sends the announcement: one queued outbox message per recipient, in one
 * transaction with the announcement row and its audit event. A repeated submit with the same
 * `requestKey` sends nothing more and returns the first announcement. Delivery happens after
 * commit (the mail worker). Returns the announcement id and the number of messages queued.
 */
export function sendAnnouncement(
  actor: Actor,
  group: GroupInput,
  text: AnnouncementText,
  requestKey: string,
): { id: number; count: number; repeated: boolean } {
  requireOrganizer(actor);
  checkText(text);
  return immediate(db(), (tx) => {
    const before = tx.select().from(t.announcements).where(eq(t.announcements.requestKey, requestKey)).get();
    if (before) return { id: before.id, count: before.recipientCount, repeated: true };
    const recipients = recipientsOf(group, tx);
    const edition = editionNames(group.editionId, tx);
    const row = tx
      .insert(t.announcements)
      .values({
        groupType: group.groupType,
        editionId: group.editionId,
        countryCode: group.groupType === "delegation" ? (group.countryCode ?? null) : null,
        visitId: group.groupType === "visit" ? (group.visitId ?? null) : null,
        status: group.groupType === "status" ? (group.status ?? null) : null,
        subject: text.subject,
        body: text.body,
        translations: text.tr ?? {},
        recipientCount: recipients.length,
        requestKey,
        createdBy: actor.id,
      })
      .returning({ id: t.announcements.id })
      .get();
    for (const r of recipients) {
      const version = versionFor(text, r.locale);
      // The edition's name in the recipient's own language, whichever version of the text they get.
      const message = renderMessage(version, version.lang, { name: r.name, edition: edition(r.locale) });
      enqueueMail({ to: r.email, kind: "announcement", announcementId: row.id, ...message }, tx);
    }
    recordAudit(actor, { entityType: "announcement", entityId: row.id, action: "send", details: { ...group, recipients: recipients.length } }, tx);
    return { id: row.id, count: recipients.length, repeated: false };
  });
}

/** Organizer: the announcements sent, newest first, with how many of their messages are sent and failed. */
export function listAnnouncements(actor: Actor, limit = 50) {
  requireOrganizer(actor);
  const rows = db()
    .select({
      id: t.announcements.id,
      subject: t.announcements.subject,
      groupType: t.announcements.groupType,
      editionName: t.editions.name,
      editionTranslations: t.editions.translations,
      countryCode: t.announcements.countryCode,
      visitId: t.announcements.visitId,
      status: t.announcements.status,
      recipientCount: t.announcements.recipientCount,
      createdAt: t.announcements.createdAt,
      by: t.users.displayName,
    })
    .from(t.announcements)
    .innerJoin(t.editions, eq(t.editions.id, t.announcements.editionId))
    .leftJoin(t.users, eq(t.users.id, t.announcements.createdBy))
    .orderBy(desc(t.announcements.id))
    .limit(limit)
    .all();
  const ids = rows.map((r) => r.id);
  const tallies = ids.length
    ? db()
        .select({
          id: t.outbox.announcementId,
          sent: sql<number>`sum(case when ${t.outbox.sentAt} is not null then 1 else 0 end)`,
          failed: sql<number>`sum(case when ${t.outbox.sentAt} is null and ${t.outbox.error} is not null then 1 else 0 end)`,
        })
        .from(t.outbox)
        .where(inArray(t.outbox.announcementId, ids))
        .groupBy(t.outbox.announcementId)
        .all()
    : [];
  return rows.map((r) => {
    const tally = tallies.find((x) => x.id === r.id);
    return { ...r, sent: Number(tally?.sent ?? 0), failed: Number(tally?.failed ?? 0) };
  });
}

/** Organizer: what the announcement form offers: editions (newest first) and their visits, named for a reader of `lng`. */
export function announcementChoices(actor: Actor, lng = "en") {
  requireOrganizer(actor);
  const editions = db()
    .select({ id: t.editions.id, name: t.editions.name, translations: t.editions.translations })
    .from(t.editions)
    .orderBy(desc(t.editions.startsOn))
    .all()
    .map((e) => ({ id: e.id, ...shownName(e, lng) }));
  const visits = db()
    .select({
      id: t.exchangeVisits.id,
      editionId: t.exchangeVisits.editionId,
      title: t.exchangeVisits.title,
      translations: t.exchangeVisits.translations,
      siteParts: { name: t.hostSites.name, nameLatin: t.hostSites.nameLatin, countryCode: t.hostSites.countryCode, translations: t.hostSites.translations },
      arrivalOn: t.exchangeVisits.arrivalOn,
    })
    .from(t.exchangeVisits)
    .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
    .orderBy(asc(t.exchangeVisits.arrivalOn), asc(t.exchangeVisits.id))
    .all()
    .map(({ translations, siteParts, ...v }) => {
      // The visit's title, else its site's name, in the reader's language.
      const title = visitTitleShown(v.title, translations, siteNameShown(siteParts, lng), lng);
      return { ...v, title: title.text, lang: title.lang };
    });
  return { editions, visits };
}
