/**
 * E-mail templates per kind and language (issue 15, item 5): the organizers' overrides
 * (`mail_templates`), falling back to the default text shipped in the locales, and the rendering
 * of a message from them. Kinds, variables and rendering rules: app/domain/mail-templates.ts.
 */
import { and, eq } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import {
  MAIL_KINDS,
  SAMPLE_VALUES,
  htmlDocument,
  isMailKind,
  renderHtmlBody,
  renderSubject,
  renderText,
  validateTemplate,
  type MailKind,
  type TemplateProblem,
} from "../../domain/mail-templates";
import { matchLanguage } from "../../domain/languages";
import { supportedLngs } from "../../i18n";
import { getResources } from "../../i18n.server";
import type { Mail } from "../../mail.server";
import { requireOrganizer, type Actor } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError, messageKey } from "../errors";

export type TemplateText = { subject: string; body: string };

/** The raw (uninterpolated) text of a translation key in `lng`, else English, else "". */
function rawText(key: string, lng: string): string {
  const resources = getResources();
  for (const l of [lng, "en"]) {
    let node: unknown = resources[l]?.translation;
    for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node === "string") return node;
  }
  return "";
}

/** The shipped default of a kind in a language (the locales' text, `{{var}}` placeholders kept). */
export function defaultTemplate(kind: MailKind, lng: string): TemplateText {
  const spec = MAIL_KINDS[kind];
  let body = rawText(spec.bodyKey, lng);
  if ("bodyTail" in spec) body = [body, "", spec.bodyTail.before, "", rawText(spec.bodyTail.footerKey, lng)].join("\n");
  return { subject: rawText(spec.subjectKey, lng), body };
}

function overrideOf(kind: MailKind, lng: string, tx: Db) {
  return tx
    .select()
    .from(t.mailTemplates)
    .where(and(eq(t.mailTemplates.kind, kind), eq(t.mailTemplates.locale, lng)))
    .get();
}

/** The template in force for a kind and language: the organizers' override, else the default. */
export function templateFor(kind: MailKind, lng: string, tx: Db = db()): TemplateText & { overridden: boolean } {
  const language = matchLanguage(lng) ?? "en";
  const row = overrideOf(kind, language, tx);
  return row ? { subject: row.subject, body: row.body, overridden: true } : { ...defaultTemplate(kind, language), overridden: false };
}

/** A rendered message: subject (one line), plain text, and an HTML document with every value escaped. */
export function renderMessage(tpl: TemplateText, lng: string, values: Record<string, string | number | null | undefined>) {
  const subject = renderSubject(tpl.subject, values);
  return { subject, text: renderText(tpl.body, values), html: htmlDocument(renderHtmlBody(tpl.body, values), lng, subject) };
}

/**
 * The mail of `kind` to `to` in the recipient's language `lng`, rendered with `values` (the kind's
 * variables; app/domain/mail-templates.ts). Pass it to `sendMail` / `enqueueMail`.
 */
export function composeMail(kind: MailKind, to: string, lng: string, values: Record<string, string | number | null | undefined>, tx: Db = db()): Mail {
  const language = matchLanguage(lng) ?? "en";
  return { to, kind, ...renderMessage(templateFor(kind, language, tx), language, values) };
}

/** Organizer: every kind with the languages where organizers changed the text. */
export function listTemplates(actor: Actor) {
  requireOrganizer(actor);
  const rows = db().select({ kind: t.mailTemplates.kind, locale: t.mailTemplates.locale }).from(t.mailTemplates).all();
  return (Object.keys(MAIL_KINDS) as MailKind[]).map((kind) => ({
    kind,
    vars: MAIL_KINDS[kind].vars,
    overridden: supportedLngs.filter((l) => rows.some((r) => r.kind === kind && r.locale === l)),
  }));
}

function checkKindAndLanguage(kind: string, lng: string): { kind: MailKind; lng: string } {
  const language = matchLanguage(lng);
  if (!isMailKind(kind) || !language || language !== lng) throw new NotFoundError("template");
  return { kind, lng: language };
}

/** Organizer: one kind in one language for editing: the text in force, the default, the variables. NotFoundError for an unknown kind or language. */
export function getTemplate(actor: Actor, kindParam: string, lngParam: string) {
  requireOrganizer(actor);
  const { kind, lng } = checkKindAndLanguage(kindParam, lngParam);
  return { kind, lng, vars: MAIL_KINDS[kind].vars, current: templateFor(kind, lng), fallback: defaultTemplate(kind, lng) };
}

function problemMessage(p: TemplateProblem): string {
  if (p.code === "unknownVariable") return messageKey("messages.errors.unknownVariable", { name: p.name });
  if (p.code === "notAllowed") return messageKey("messages.errors.notAllowed", { tag: p.tag });
  return "messages.errors.syntax";
}

/** FieldErrors (subject, body) for the template's problems with `vars`; nothing when both are fine. */
export function checkTemplate(text: TemplateText, vars: readonly string[]): void {
  const fields: Record<string, string[]> = {};
  const subject = validateTemplate(text.subject, vars).map(problemMessage);
  const body = validateTemplate(text.body, vars).map(problemMessage);
  if (subject.length) fields.subject = subject;
  if (body.length) fields.body = body;
  if (Object.keys(fields).length) throw new FieldErrors(fields);
}

/** Organizer: the text rendered with sample values (FieldErrors when it does not validate). */
export function previewTemplate(actor: Actor, kindParam: string, lngParam: string, text: TemplateText) {
  requireOrganizer(actor);
  const { kind, lng } = checkKindAndLanguage(kindParam, lngParam);
  checkTemplate(text, MAIL_KINDS[kind].vars);
  return renderMessage(text, lng, SAMPLE_VALUES);
}

/** Organizer: saves the language's own version of a kind (audited). FieldErrors (nothing saved) for unknown variables or broken syntax. */
export function saveTemplate(actor: Actor, kindParam: string, lngParam: string, text: TemplateText) {
  requireOrganizer(actor);
  const { kind, lng } = checkKindAndLanguage(kindParam, lngParam);
  checkTemplate(text, MAIL_KINDS[kind].vars);
  immediate(db(), (tx) => {
    const before = overrideOf(kind, lng, tx);
    const values = { subject: text.subject, body: text.body, updatedAt: new Date().toISOString(), updatedBy: actor.id };
    const row = before
      ? tx.update(t.mailTemplates).set(values).where(eq(t.mailTemplates.id, before.id)).returning().get()
      : tx
          .insert(t.mailTemplates)
          .values({ kind, locale: lng, ...values })
          .returning()
          .get();
    recordAudit(actor, { entityType: "mail_template", entityId: row.id, action: before ? "update" : "override", details: { kind, locale: lng } }, tx);
  });
}

/** Organizer: back to the shipped default for this kind and language (deletes the override; audited). */
export function resetTemplate(actor: Actor, kindParam: string, lngParam: string) {
  requireOrganizer(actor);
  const { kind, lng } = checkKindAndLanguage(kindParam, lngParam);
  immediate(db(), (tx) => {
    const before = overrideOf(kind, lng, tx);
    if (!before) return;
    tx.delete(t.mailTemplates).where(eq(t.mailTemplates.id, before.id)).run();
    recordAudit(actor, { entityType: "mail_template", entityId: before.id, action: "reset", details: { kind, locale: lng } }, tx);
  });
}
