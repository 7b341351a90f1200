/**
 * What a visa letter says, in English and in the host country's official language
 * (app/domain/visa-letter.ts LETTER_LANGUAGE), for the printable A4 page (VisaLetterView), and
 * what its verification code proves publicly.
 *
 * The PDF route is the browser's print-to-PDF of that page: a server-side PDF library would have
 * to shape Khmer, Myanmar, Lao and Thai itself (reordering, stacked consonants, mark
 * positioning), which none of the JavaScript PDF writers does without a shaping engine such as
 * HarfBuzz; the browser already shapes every script with the system's Noto fonts, so its PDF is
 * correct (checked by tests/e2e/visa-letters.test.ts and by looking at the rendered PNG).
 */
import { db } from "../../db.server";
import { countryName } from "../../domain/countries";
import { formatDate } from "../../domain/dates";
import { pickField, type Translations } from "../../domain/local-text";
import { displayName, latinName } from "../../domain/names";
import { normalizeCode } from "../../domain/certificate-code";
import { letterLanguage } from "../../domain/visa-letter";
import { translatorFor } from "../../i18n.server";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { NotFoundError } from "../errors";
import { verificationLink } from "../tracking/certificate-issue.server";
import { getLetter, letterById, type VisaLetter } from "./letters.server";
import { passportOf } from "./passports.server";

/** One language's text of a letter. `lang` is the BCP 47 tag for the block's `lang` attribute. */
export type LetterBlock = {
  lang: string;
  title: string;
  to: string;
  salutation: string;
  invite: string;
  placesIntro: string;
  places: string[];
  purpose: string;
  request: string;
  closing: string;
  signerRole: string;
};

export type LetterViewData = {
  id: number;
  number: string;
  code: string;
  verifyUrl: string;
  qr: string;
  status: "valid" | "revoked";
  revokeReason: string | null;
  org: { lang: string; text: string }[];
  /** Labelled facts, each label in both languages ("Passport no. / 护照号码"). */
  facts: { labels: { lang: string; text: string }[]; value: string; valueLang?: string }[];
  blocks: LetterBlock[];
  signer: string;
};

type Subject = {
  editionName: string;
  editionTr: Translations<"name">;
  name: string;
  latin: string;
  nationality: string | null;
  signer: string;
};

function subjectOf(l: VisaLetter): Subject {
  const r = db()
    .$client.prepare(
      `select a.given_name, a.family_name, a.given_name_latin, a.family_name_latin, a.name_order, a.nationality,
              e.name as edition_name, e.translations as edition_tr, u.display_name as signer
       from applications a join editions e on e.id = a.edition_id left join users u on u.id = ?
       where a.id = ?`,
    )
    .get(l.issuedBy, l.applicationId) as {
    given_name: string;
    family_name: string;
    given_name_latin: string;
    family_name_latin: string;
    name_order: "given_first" | "family_first";
    nationality: string | null;
    edition_name: string;
    edition_tr: string | null;
    signer: string | null;
  };
  const n = {
    givenName: r.given_name,
    familyName: r.family_name,
    givenNameLatin: r.given_name_latin,
    familyNameLatin: r.family_name_latin,
    nameOrder: r.name_order,
  };
  let tr: Translations<"name"> = {};
  try {
    tr = JSON.parse(r.edition_tr ?? "{}") ?? {};
  } catch {
    tr = {};
  }
  return { editionName: r.edition_name, editionTr: tr, name: displayName(n), latin: latinName(n), nationality: r.nationality, signer: r.signer ?? "" };
}

/** The languages of a letter: English, then the host country's (when it is another). */
export function letterLanguages(hostCountry: string): string[] {
  const second = letterLanguage(hostCountry);
  return second && second !== "en" ? ["en", second] : ["en"];
}

function block(lng: string, l: VisaLetter, s: Subject, passportNumber: string, holder: string): LetterBlock {
  const t = translatorFor(lng);
  const country = countryName(l.hostCountry, lng);
  const place = (p: VisaLetter["places"][number]) => {
    // The site's own name is in the host's script; English readers get its Latin form.
    const name = lng === "en" ? p.siteNameLatin || p.siteName : p.siteName;
    const place = [name, p.district, p.province].filter(Boolean).join(", ");
    return t("visa.letter.place", { place, from: formatDate(p.arrivalOn, lng, "long"), to: formatDate(p.departureOn, lng, "long") });
  };
  return {
    lang: lng,
    title: t("visa.letter.title"),
    to: t("visa.letter.to", { country }),
    salutation: t("visa.letter.salutation"),
    invite: t("visa.letter.invite", {
      name: holder,
      nationality: s.nationality ? countryName(s.nationality, lng) : "",
      passport: passportNumber,
      edition: pickField(s.editionName, s.editionTr, "name", lng).text,
      country,
      from: formatDate(l.arrivalOn, lng, "long"),
      to: formatDate(l.departureOn, lng, "long"),
    }),
    placesIntro: t("visa.letter.placesIntro"),
    places: l.places.map(place),
    purpose: t("visa.letter.purpose"),
    request: t("visa.letter.request"),
    closing: t("visa.letter.closing"),
    signerRole: t("visa.letter.signerRole"),
  };
}

async function viewOf(l: VisaLetter): Promise<LetterViewData> {
  const s = subjectOf(l);
  const p = passportOf(l.applicationId);
  const lngs = letterLanguages(l.hostCountry);
  const ts = lngs.map((lng) => ({ lng, t: translatorFor(lng) }));
  const both = (key: string) => ts.map(({ lng, t }) => ({ lang: lng, text: t(key) }));
  // Erasure revokes letters; a revoked letter without passport data says so instead of a number.
  const number = p?.passportNumber ?? "—";
  const holder = p?.passportName ?? s.latin ?? s.name;
  const link = await verificationLink(l.code);
  const facts: LetterViewData["facts"] = [
    { labels: both("visa.letter.facts.reference"), value: l.number },
    { labels: both("visa.letter.facts.issuedOn"), value: formatDate(l.issuedOn, "en", "long") },
    { labels: both("visa.letter.facts.passportName"), value: holder },
    ...(s.name && s.name !== holder ? [{ labels: both("visa.letter.facts.nativeName"), value: s.name, valueLang: undefined }] : []),
    { labels: both("visa.letter.facts.nationality"), value: s.nationality ? countryName(s.nationality, "en") : "—" },
    { labels: both("visa.letter.facts.passportNumber"), value: number },
    ...(p?.issuingCountry ? [{ labels: both("visa.letter.facts.issuingCountry"), value: countryName(p.issuingCountry, "en") }] : []),
    ...(p?.expiresOn ? [{ labels: both("visa.letter.facts.passportExpiry"), value: formatDate(p.expiresOn, "en", "long") }] : []),
    { labels: both("visa.letter.facts.visitDates"), value: `${formatDate(l.arrivalOn, "en", "long")} – ${formatDate(l.departureOn, "en", "long")}` },
    { labels: both("visa.letter.facts.code"), value: l.code },
  ];
  return {
    id: l.id,
    number: l.number,
    code: l.code,
    verifyUrl: link.url,
    qr: link.qr,
    status: l.revokedAt ? "revoked" : "valid",
    revokeReason: l.revokeReason,
    org: both("visa.letter.org"),
    facts,
    blocks: lngs.map((lng) => block(lng, l, s, number, holder)),
    signer: s.signer,
  };
}

/** Organizer: the printable view of a letter (both languages). NotFoundError for anyone else. */
export function letterView(actor: Actor, letterId: number): Promise<LetterViewData> {
  return viewOf(getLetter(actor, letterId));
}

/** Organizer: the views of every valid letter of an edition, by number, for printing them all. */
export async function editionLetterViews(actor: Actor, editionId: number): Promise<{ editionName: string; letters: LetterViewData[] }> {
  requireOrganizer(actor);
  const e = Number.isInteger(editionId)
    ? (db().$client.prepare("select name from editions where id = ?").get(editionId) as { name: string } | undefined)
    : undefined;
  if (!e) throw new NotFoundError("edition");
  const ids = db().$client.prepare("select id from visa_letters where edition_id = ? and revoked_at is null order by seq").all(editionId) as { id: number }[];
  const letters: LetterViewData[] = [];
  for (const { id } of ids) letters.push(await viewOf(letterById(id)!));
  return { editionName: e.name, letters };
}

export type LetterVerification = {
  name: string;
  latin: string;
  edition: string;
  editionLang: string;
  hostCountry: string;
  issuedOn: string;
  arrivalOn: string;
  departureOn: string;
  status: "valid" | "revoked";
};

/**
 * Public: what a letter's verification code proves (holder, edition in `lng`, host country, visit
 * dates, issue date, status) and nothing more: no passport number, no places, no reason.
 * NotFoundError for a malformed or unknown code.
 */
export function verifyVisaLetter(rawCode: string, lng: string): LetterVerification {
  const code = normalizeCode(rawCode);
  const id = code ? (db().$client.prepare("select id from visa_letters where code = ?").get(code) as { id: number } | undefined)?.id : undefined;
  const l = id === undefined ? null : letterById(id);
  if (!l) throw new NotFoundError("visa letter");
  const s = subjectOf(l);
  const edition = pickField(s.editionName, s.editionTr, "name", lng);
  return {
    name: s.name,
    latin: s.latin,
    edition: edition.text,
    editionLang: edition.lang,
    hostCountry: countryName(l.hostCountry, lng),
    issuedOn: l.issuedOn,
    arrivalOn: l.arrivalOn,
    departureOn: l.departureOn,
    status: l.revokedAt ? "revoked" : "valid",
  };
}
