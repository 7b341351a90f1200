/**
 * E-mail templates (issue 15, item 5): every kind of e-mail the platform sends, the variables
 * each kind may use, and the rendering of a template into a subject, a plain-text body and an
 * HTML body. Pure: no database (the organizers' overrides live in `mail_templates`,
 * app/models/messages/templates.server.ts).
 *
 * Templates are mustache (logic-less): `{{name}}` inserts a variable, `{{#reason}}…{{/reason}}`
 * shows a part only when the variable is non-empty, `{{^reason}}…{{/reason}}` when it is empty.
 * Refused (validateTemplate): unknown variables, unescaped `{{{x}}}` / `{{&x}}`, partials,
 * delimiter changes, and anything mustache cannot parse. In the HTML body every variable and all
 * of the template's own text are HTML-escaped; the plain-text body is not escaped.
 */
import Mustache from "mustache";

/** A kind of e-mail: where its default text lives in the locales, and its variables. */
export type MailKindSpec = {
  /** i18next keys of the default subject and body (app/locales/<lng>/*.json). */
  subjectKey: string;
  bodyKey: string;
  /** Appended to the default body after a blank line (survey mails: the personal link and a footer). */
  bodyTail?: { before: string; footerKey: string };
  vars: readonly string[];
};

const PLACEMENT_VARS = ["name", "visit", "site", "country", "arrival", "departure", "replyBy", "zone", "link"] as const;
const SURVEY_VARS = ["name", "title", "url", "closesOn", "months"] as const;
const SURVEY_TAIL = { before: "{{url}}", footerKey: "evaluation.mail.footer" };

/** Every kind of e-mail the platform sends, in the order organizers see them. */
export const MAIL_KINDS = {
  invite: { subjectKey: "mail.invite.subject", bodyKey: "mail.invite.body", vars: ["role", "link", "days"] },
  reset: { subjectKey: "mail.reset.subject", bodyKey: "mail.reset.body", vars: ["link", "minutes"] },
  claim: { subjectKey: "mail.claim.subject", bodyKey: "mail.claim.body", vars: ["name", "edition", "days", "link"] },
  status: { subjectKey: "mail.status.subject", bodyKey: "mail.status.body", vars: ["name", "edition", "status", "reason", "link"] },
  offer: { subjectKey: "placement.mail.offer.subject", bodyKey: "placement.mail.offer.body", vars: PLACEMENT_VARS },
  placementCancelled: {
    subjectKey: "placement.mail.cancelled.subject",
    bodyKey: "placement.mail.cancelled.body",
    vars: [...PLACEMENT_VARS, "reason"],
  },
  surveyOpened: { subjectKey: "evaluation.mail.opened.subject", bodyKey: "evaluation.mail.opened.body", bodyTail: SURVEY_TAIL, vars: SURVEY_VARS },
  surveyClosing: { subjectKey: "evaluation.mail.closing.subject", bodyKey: "evaluation.mail.closing.body", bodyTail: SURVEY_TAIL, vars: SURVEY_VARS },
  surveyResent: { subjectKey: "evaluation.mail.resent.subject", bodyKey: "evaluation.mail.resent.body", bodyTail: SURVEY_TAIL, vars: SURVEY_VARS },
} as const satisfies Record<string, MailKindSpec>;

export type MailKind = keyof typeof MAIL_KINDS;
export const MAIL_KIND_NAMES = Object.keys(MAIL_KINDS) as MailKind[];

/** Variables an announcement may use: the recipient's name and the edition of the chosen group. */
export const ANNOUNCEMENT_VARS = ["name", "edition"] as const;

export function isMailKind(v: unknown): v is MailKind {
  return typeof v === "string" && Object.hasOwn(MAIL_KINDS, v);
}

/** Values for previews: realistic, and one of them shows that markup is escaped, not run. */
export const SAMPLE_VALUES: Record<string, string> = {
  name: "Nguyễn Thị Ánh",
  role: "Focal point",
  link: "https://vlx.example.org/me/applications/42",
  url: "https://vlx.example.org/s/sample-link",
  days: "14",
  minutes: "60",
  edition: "VLX 2026 Guangxi",
  status: "Accepted",
  reason: "Reason: the visit dates changed <see attached note>",
  visit: "Rural tourism in Longji",
  site: "Longji Village",
  country: "China",
  arrival: "3 November 2026",
  departure: "9 November 2026",
  replyBy: "20 October 2026",
  zone: "Asia/Shanghai",
  title: "End-of-visit survey",
  closesOn: "30 November 2026",
  months: "6",
};

/** A problem with a template; `code` is the translation key under `messages.errors`. */
export type TemplateProblem = { code: "syntax" } | { code: "unknownVariable"; name: string } | { code: "notAllowed"; tag: string };

type Token = [string, string, number, number, Token[]?, ...unknown[]];

/**
 * The problems of a template given the variables it may use; [] when it is fine. Never throws.
 * Source: mustache(5) token types; only `text`, `name`, `#`, `^` and comments `!` are allowed.
 */
export function validateTemplate(template: string, vars: readonly string[]): TemplateProblem[] {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template) as Token[];
  } catch {
    return [{ code: "syntax" }];
  }
  const problems: TemplateProblem[] = [];
  const seen = new Set<string>();
  const walk = (list: Token[]) => {
    for (const tok of list) {
      const [type, value] = tok;
      if (type === "text" || type === "!") continue;
      if (type === "name" || type === "#" || type === "^") {
        if (!vars.includes(value) && !seen.has(value)) {
          seen.add(value);
          problems.push({ code: "unknownVariable", name: value });
        }
        if (tok[4]) walk(tok[4]);
        continue;
      }
      const tag = type === "&" ? `{{{${value}}}}` : `{{${type}${value}}}`;
      if (!seen.has(tag)) {
        seen.add(tag);
        problems.push({ code: "notAllowed", tag });
      }
    }
  };
  walk(tokens);
  return problems;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML-escapes `& < > " '`. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

type Values = Record<string, string | number | null | undefined>;

function clean(values: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) out[k] = v === null || v === undefined ? "" : String(v);
  return out;
}

/** Renders a (valid) template as plain text: variables inserted as they are. */
export function renderText(template: string, values: Values): string {
  return Mustache.render(template, clean(values), {}, { escape: (v: unknown) => String(v) });
}

/** A subject: plain text on one line (line breaks in values or template become spaces). */
export function renderSubject(template: string, values: Values): string {
  return renderText(template, values)
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim();
}

/**
 * Renders a (valid) template as an HTML fragment: the template's text and every variable
 * HTML-escaped, paragraphs at blank lines, `<br>` at single line breaks, http(s) URLs as links.
 */
export function renderHtmlBody(template: string, values: Values): string {
  // Escaping the template text leaves `{{name}}` tags intact: validated tags hold only names.
  const html = Mustache.render(escapeHtml(template), clean(values), {}, { escape: escapeHtml });
  return html
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(
      (p) =>
        `<p>${p
          .split("\n")
          .join("<br>\n")
          .replace(/https?:\/\/[^\s<"]+/g, (u) => `<a href="${u}">${u}</a>`)}</p>`,
    )
    .join("\n");
}

/** A complete HTML document around a rendered body, in the recipient's language. */
export function htmlDocument(bodyHtml: string, lang: string, subject: string): string {
  return `<!doctype html>\n<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body>\n${bodyHtml}\n</body></html>`;
}
