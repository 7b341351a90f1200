/**
 * Personal data, per person (docs/design.md "Sensitive data"): a person can download everything VLX
 * holds about them, and can erase their sensitive data (dietary and accessibility needs, i.e.
 * health data, with the consent that allowed it, and passport details for visa letters, which also
 * revokes the letters that state them); an organizer can erase it for a person, e.g. on
 * request by mail. Erasure keeps the application itself (the programme's record of who took part)
 * and writes an audit event without the erased values. Erasure also deletes the person's uploaded
 * documents (passport scan, badge photo, consent form: rows and files, issue 15 item 2), each with
 * an audit event `delete` whose reason is `erasure`.
 */
import { eq, inArray } from "drizzle-orm";
import { db, immediate, t } from "../../db.server";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { NotFoundError } from "../errors";
import { erasePassports } from "../visa/passports.server";
import { APPLICATION_OWNER } from "../../domain/document-kinds";
import { dropDocumentRows, listDocuments, readDocumentBytes, removeDocumentFiles } from "../documents/store.server";

/**
 * Everything held about the acting user, as plain JSON-ready data: account (without the password
 * hash), applications, placements, enrolments, attendance, survey responses and action plans, and
 * the audit events about their applications and documents (uploaded documents with their content,
 * base64, so the download is complete); for anonymous surveys only which ones they answered.
 */
export function exportPersonalData(actor: Actor) {
  const d = db();
  const user = d.select().from(t.users).where(eq(t.users.id, actor.id)).get();
  if (!user) throw new NotFoundError("user");
  const { passwordHash: _secret, ...account } = user;
  const applications = d.select().from(t.applications).where(eq(t.applications.userId, actor.id)).all();
  const ids = applications.map((a) => a.id);
  const some = ids.length ? ids : [-1];
  return {
    exportedAt: new Date().toISOString(),
    account,
    roles: d.select({ role: t.roleGrants.role, countryCode: t.roleGrants.countryCode }).from(t.roleGrants).where(eq(t.roleGrants.userId, actor.id)).all(),
    applications,
    placements: d.select().from(t.placements).where(inArray(t.placements.applicationId, some)).all(),
    trainingEnrolments: d.select().from(t.trainingEnrolments).where(inArray(t.trainingEnrolments.applicationId, some)).all(),
    attendance: d.select().from(t.attendanceRecords).where(inArray(t.attendanceRecords.applicationId, some)).all(),
    surveyResponses: d.select().from(t.surveyResponses).where(eq(t.surveyResponses.userId, actor.id)).all(),
    // Anonymous surveys: only that they answered; the answers themselves are not linked to anyone.
    anonymousSurveysAnswered: d
      .select({ surveyId: t.surveyAnswered.surveyId, period: t.surveyAnswered.period })
      .from(t.surveyAnswered)
      .where(eq(t.surveyAnswered.userId, actor.id))
      .all(),
    actionPlans: d.select().from(t.actionPlanItems).where(inArray(t.actionPlanItems.applicationId, some)).all(),
    applicationAnswers: d.select().from(t.applicationAnswers).where(inArray(t.applicationAnswers.applicationId, some)).all(),
    certificates: d.select().from(t.certificates).where(inArray(t.certificates.applicationId, some)).all(),
    // Passport details given for visa letters (issue 15 item 3) and the letters that state them.
    passports: d.select().from(t.applicationPassports).where(inArray(t.applicationPassports.applicationId, some)).all(),
    visaLetters: d.select().from(t.visaLetters).where(inArray(t.visaLetters.applicationId, some)).all(),
    documents: listDocuments(APPLICATION_OWNER, ids).map(({ storageKey: _key, ...doc }) => ({
      ...doc,
      contentBase64: readDocumentBytes({ storageKey: _key, ...doc })?.toString("base64") ?? null,
    })),
    auditEvents: [
      ...d
        .select()
        .from(t.auditEvents)
        .where(inArray(t.auditEvents.entityId, some))
        .all()
        .filter((e) => e.entityType === "application"),
      ...d
        .select()
        .from(t.auditEvents)
        .where(eq(t.auditEvents.entityType, "document"))
        .all()
        .filter((e) => ids.includes(Number(e.details?.applicationId))),
    ],
  };
}

function erase(actor: Actor, applicationIds: number[]) {
  const fileKeys = immediate(db(), (tx) => {
    const docs = listDocuments(APPLICATION_OWNER, applicationIds, tx);
    for (const doc of docs) {
      recordAudit(
        actor,
        { entityType: "document", entityId: doc.id, action: "delete", reason: "erasure", details: { applicationId: doc.ownerId, kind: doc.kind } },
        tx,
      );
    }
    for (const id of applicationIds) {
      tx.update(t.applications)
        .set({ dietaryNeeds: "", accessibilityNeeds: "", sensitiveConsentAt: null, updatedAt: new Date().toISOString() })
        .where(eq(t.applications.id, id))
        .run();
      recordAudit(
        actor,
        {
          entityType: "application",
          entityId: id,
          action: "erase_sensitive",
          details: { fields: ["dietaryNeeds", "accessibilityNeeds", "sensitiveConsentAt"] },
        },
        tx,
      );
    }
    erasePassports(actor, applicationIds);
    return dropDocumentRows(tx, docs);
  });
  removeDocumentFiles(fileKeys);
}

/** The acting user erases the health data and passport details of all their applications and withdraws the consents. */
export function eraseOwnSensitiveData(actor: Actor): number {
  const ids = db()
    .select({ id: t.applications.id })
    .from(t.applications)
    .where(eq(t.applications.userId, actor.id))
    .all()
    .map((r) => r.id);
  erase(actor, ids);
  return ids.length;
}

/** Organizer only: erases the health data and passport details of every application of the person who made `applicationId`. */
export function eraseSensitiveDataFor(actor: Actor, applicationId: number): number {
  requireOrganizer(actor);
  const app = db().select({ userId: t.applications.userId }).from(t.applications).where(eq(t.applications.id, applicationId)).get();
  if (!app) throw new NotFoundError("application");
  const ids = db()
    .select({ id: t.applications.id })
    .from(t.applications)
    .where(eq(t.applications.userId, app.userId))
    .all()
    .map((r) => r.id);
  erase(actor, ids);
  return ids.length;
}
