/**
 * Importing nominees from CSV (issue 6): organizers (any member country, a `country` column) and
 * focal points (their own country only) upload the list they keep today; every row is checked
 * with the nominate page's own rules (nominationDraftSchema, the e-mail-has-an-account rule, the
 * edition's themes and window) and shown in a preview before anything is written. "Confirm
 * import" writes exactly the previewed file (staged server-side under a SHA-256 key) in one
 * BEGIN IMMEDIATE transaction: every row or none. Each nominee becomes an account without a
 * password and a draft application nominated by the importer (audited), and gets a claim link.
 *
 * Refused with a clear error and nothing written: a file that is not UTF-8, not CSV, larger than
 * IMPORT_MAX_BYTES or with more than IMPORT_MAX_ROWS rows, or any row with an error.
 */
import crypto from "node:crypto";
import { parse } from "csv-parse/sync";
import { eq as sqlEq } from "drizzle-orm";
import { db, immediate, t, type Db } from "../../db.server";
import { isMemberCountry } from "../../domain/countries";
import { countryDefaultLanguage } from "../../domain/languages";
import { headerKey, restoreCell } from "../../domain/csv";
import { displayName, latinName, userNameColumns } from "../../domain/names";
import { shownName } from "../../domain/local-text";
import { nominationDraftSchema } from "../../forms/application";
import { getEnv } from "../../env.server";
import { sendMail } from "../../mail.server";
import { composeMail } from "../messages/templates.server";
import { log } from "../../log.server";
import type { Actor } from "../actor";
import { issueClaimToken, normalizeEmail } from "../accounts/accounts.server";
import { applicationValues } from "./core.server";
import { recordAudit } from "../audit.server";
import { getEdition, windowState } from "../editions/editions.server";
import { NotFoundError, RuleError } from "../errors";

export const IMPORT_MAX_BYTES = 1_000_000;
export const IMPORT_MAX_ROWS = 2000;

/** The columns (header → form field), in template order. `country` is the organizer's. */
export const IMPORT_COLUMNS = [
  ["given_name", "givenName", "Thị Ánh"],
  ["family_name", "familyName", "Nguyễn"],
  ["given_name_latin", "givenNameLatin", "Thi Anh"],
  ["family_name_latin", "familyNameLatin", "Nguyen"],
  ["name_order", "nameOrder", "family_first"],
  ["gender", "gender", "female"],
  ["birth_date", "birthDate", "1985-03-14"],
  ["email", "email", "anh.nguyen@example.org"],
  ["phone", "phone", "+84912345678"],
  ["country", "nationality", "VN"],
  ["village", "village", "Thôn Nà Hang"],
  ["district", "district", "Na Hang"],
  ["province", "province", "Tuyên Quang"],
  ["position", "position", "Trưởng thôn"],
  ["position_kind", "positionKind", "village_head"],
  ["years_in_position", "yearsInPosition", "6"],
  ["languages", "languages", "vi:native; en:working"],
  ["themes", "themes", "rural_tourism; cooperatives"],
  ["available_from", "availableFrom", ""],
  ["available_to", "availableTo", ""],
  ["motivation", "motivation", ""],
] as const;
const FIELD_OF = new Map<string, string>(IMPORT_COLUMNS.map(([h, f]) => [h, f]));
const ALIASES: Record<string, string> = {
  e_mail: "email",
  mail: "email",
  nationality: "country",
  sex: "gender",
  date_of_birth: "birth_date",
  dob: "birth_date",
  mobile: "phone",
};
const COLUMN_OF = new Map<string, string>(IMPORT_COLUMNS.map(([h, f]) => [f, h]));

/** The template file: header and one example row, UTF-8 with BOM (the country column for organizers). */
export function templateCsv(withCountry = true): string {
  const q = (s: string) => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cols = IMPORT_COLUMNS.filter(([h]) => withCountry || h !== "country");
  return `\uFEFF${cols.map(([h]) => h).join(",")}\r\n${cols.map(([, , ex]) => q(ex)).join(",")}\r\n`;
}

/** The upload's text, or RuleError when it is too large or not UTF-8. */
export function decodeUpload(bytes: Uint8Array): string {
  if (bytes.byteLength > IMPORT_MAX_BYTES) throw new RuleError("tracking.import.errors.tooLarge", { max: "1 MB" });
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new RuleError("tracking.import.errors.encoding");
  }
}

export type RowError = { column: string; message: string };
export type PreviewRow = { line: number; name: string; email: string; country: string; errors: RowError[]; already: boolean };
type Checked = PreviewRow & { input?: ReturnType<typeof nominationDraftSchema.parse> };

const blank = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());
const list = (v: string | undefined) =>
  (v ?? "")
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);
const GENDER: Record<string, string> = { f: "female", w: "female", woman: "female", m: "male", man: "male" };

/** One CSV record as the nominate form's values (strings trimmed, blanks as undefined). */
function toFormValues(rec: Record<string, string>) {
  const gender = blank(rec.gender)?.toLowerCase();
  const years = blank(rec.yearsInPosition);
  return {
    ...Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, blank(v)])),
    gender: gender ? (GENDER[gender] ?? gender) : undefined,
    nationality: blank(rec.nationality)?.toUpperCase(),
    yearsInPosition: years === undefined ? undefined : /^\d+$/.test(years) ? Number(years) : NaN,
    languages: list(rec.languages).map((l) => {
      const [code, level] = l.split(/[:/]/).map((s) => s.trim().toLowerCase());
      return { code: code || undefined, level: level || "working" };
    }),
    themes: list(rec.themes),
  };
}

/** Parses and checks every row against the database (inside `tx`); nothing is written. */
function checkRows(tx: Db, actor: Actor, editionId: number, country: string | null, text: string): Checked[] {
  const edition = getEdition(editionId);
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: false });
  } catch (e) {
    throw new RuleError("tracking.import.errors.malformed", { detail: e instanceof Error ? e.message.slice(0, 160) : "" });
  }
  if (records.length < 2) throw new RuleError("tracking.import.errors.empty");
  if (records.length - 1 > IMPORT_MAX_ROWS) throw new RuleError("tracking.import.errors.tooManyRows", { max: IMPORT_MAX_ROWS });
  const headers = records[0].map((h) => ALIASES[headerKey(h)] ?? headerKey(h));
  const unknown = headers.filter((h) => h && !FIELD_OF.has(h));
  if (unknown.length) throw new RuleError("tracking.import.errors.unknownColumns", { columns: unknown.join(", ") });
  const required = ["given_name", "email", ...(country ? [] : ["country"])];
  const missing = required.filter((h) => !headers.includes(h));
  if (missing.length) throw new RuleError("tracking.import.errors.missingColumns", { columns: missing.join(", ") });

  const seen = new Map<string, number>();
  return records.slice(1).map((cells, i) => {
    const rec: Record<string, string> = {};
    headers.forEach((h, j) => h && (rec[FIELD_OF.get(h)!] = restoreCell(cells[j] ?? "")));
    const errors: RowError[] = [];
    const add = (field: string, message: string) => errors.push({ column: COLUMN_OF.get(field) ?? field, message });
    if (country) {
      if (rec.nationality?.trim() && rec.nationality.trim().toUpperCase() !== country) add("nationality", "tracking.import.errors.otherCountry");
      rec.nationality = country;
    } else if (!isMemberCountry((rec.nationality ?? "").trim().toUpperCase())) add("nationality", "errors.memberCountry");
    if (!blank(rec.givenName)) add("givenName", "errors.required");
    const parsed = nominationDraftSchema.safeParse(toFormValues(rec));
    if (!parsed.success)
      for (const iss of parsed.error.issues)
        add(String(iss.path[0] ?? ""), iss.message.startsWith("errors.") || iss.message.includes(".") ? iss.message : "errors.invalid");
    const input = parsed.success ? parsed.data : undefined;
    const email = input?.email ? normalizeEmail(input.email) : (rec.email ?? "").trim().toLowerCase();
    let already = false;
    if (input) {
      if (input.themes.some((th) => !edition.themes.includes(th))) add("themes", "errors.invalid");
      const first = seen.get(email);
      if (first) add("email", `tracking.import.errors.duplicate|${JSON.stringify({ line: first })}`);
      seen.set(email, i + 2);
      const user = tx.select().from(t.users).where(sqlEq(t.users.email, email)).get();
      if (user) {
        const mine = tx.$client
          .prepare("select 1 from applications where edition_id = ? and user_id = ? and nominated_by = ?")
          .get(editionId, user.id, actor.id);
        if (mine && user.passwordHash === null) already = true;
        else add("email", "focal.errors.emailHasAccount");
      }
    }
    const name = input ? displayName(applicationValues(input)) || latinName(applicationValues(input)) : (rec.givenName ?? "");
    return { line: i + 2, name, email, country: (rec.nationality ?? "").toUpperCase(), errors: dedupe(errors), already, input };
  });
}

const dedupe = (errs: RowError[]) => errs.filter((e, i) => errs.findIndex((x) => x.column === e.column && x.message === e.message) === i);
function checkScope(actor: Actor, editionId: number, country: string | null) {
  if (country ? !actor.focalPointCountries.includes(country) : !actor.isOrganizer) throw new NotFoundError("import");
  const edition = getEdition(editionId);
  const state = windowState(edition);
  if (state !== "open") throw new RuleError(state === "closed" ? "errors.windowClosed" : "errors.windowNotOpen", { date: edition.applicationsOpenOn });
  return edition;
}

/**
 * Checks an uploaded file and stages it for confirmation. `country` is the focal point's country
 * (null for organizers). Returns the preview and the key "Confirm import" sends back.
 */
export function previewImport(actor: Actor, editionId: number, country: string | null, bytes: Uint8Array) {
  checkScope(actor, editionId, country);
  const text = decodeUpload(bytes);
  const rows = checkRows(db(), actor, editionId, country, text).map(({ input: _i, ...r }) => r);
  const hash = crypto
    .createHash("sha256")
    .update(`${actor.id}\n${editionId}\n${country ?? ""}\n${text}`)
    .digest("hex");
  const valid = rows.every((r) => r.errors.length === 0);
  immediate(db(), (tx) => {
    tx.$client.prepare("delete from import_uploads where created_at < ?").run(new Date(Date.now() - 86_400_000).toISOString());
    if (valid) {
      tx.insert(t.importUploads)
        .values({ hash, userId: actor.id, editionId, countryCode: country, content: text })
        .onConflictDoUpdate({ target: t.importUploads.hash, set: { createdAt: new Date().toISOString() } })
        .run();
    }
  });
  return { hash: valid ? hash : null, rows, errorCount: rows.filter((r) => r.errors.length).length };
}

/**
 * Writes the staged file `hash` (the actor's own) in one BEGIN IMMEDIATE transaction, after
 * checking every row again; any error → RuleError and nothing written. Rows already imported by
 * the actor (a repeated confirm) are skipped. Claim links are mailed after the commit.
 */
export async function confirmImport(actor: Actor, hash: string, lng = "en") {
  const staged = db().select().from(t.importUploads).where(sqlEq(t.importUploads.hash, hash)).get();
  if (!staged || staged.userId !== actor.id) throw new RuleError("tracking.import.errors.expired");
  // Nominees read their account and the claim mail in their country's language (as nominate()).
  lng = countryDefaultLanguage(staged.countryCode) ?? lng;
  const edition = checkScope(actor, staged.editionId, staged.countryCode);
  const done = immediate(db(), (tx) => {
    const rows = checkRows(tx, actor, staged.editionId, staged.countryCode, staged.content);
    const bad = rows.filter((r) => r.errors.length);
    if (bad.length) throw new RuleError("tracking.import.errors.hasErrors", { count: bad.length });
    const created: { email: string; name: string; token: string }[] = [];
    for (const r of rows) {
      if (r.already || !r.input) continue;
      const values = applicationValues(r.input);
      const userId = tx
        .insert(t.users)
        .values({ email: r.email, passwordHash: null, ...userNameColumns(r.name || r.email), locale: lng })
        .returning({ id: t.users.id })
        .get().id;
      const id = tx
        .insert(t.applications)
        .values({ ...values, editionId: staged.editionId, userId, nominatedBy: actor.id, status: "draft" })
        .returning({ id: t.applications.id })
        .get().id;
      recordAudit(
        actor,
        {
          entityType: "application",
          entityId: id,
          action: "nominate",
          toState: "draft",
          details: { nomineeUserId: userId, import: hash.slice(0, 16), line: r.line },
        },
        tx,
      );
      created.push({ email: r.email, name: r.name || r.email, token: issueClaimToken(userId) });
    }
    tx.delete(t.importUploads).where(sqlEq(t.importUploads.hash, hash)).run();
    return { created, already: rows.filter((r) => r.already).length };
  });
  for (const c of done.created) {
    try {
      await sendMail(
        composeMail("claim", c.email, lng, { name: c.name, edition: shownName(edition, lng).name, days: 14, link: `${getEnv().appUrl}/claim/${c.token}` }),
      );
    } catch (e) {
      log.error({ error: e instanceof Error ? e.message : String(e) }, "import claim mail failed");
    }
  }
  return { created: done.created.length, already: done.already, editionId: staged.editionId };
}
