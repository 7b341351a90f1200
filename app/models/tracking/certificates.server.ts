/**
 * Certificates of participation (issue 6): for a participant (accepted application) who completed
 * the edition, i.e. attended (present or late) at least the threshold share of their training
 * sessions and exchange-visit days taken together (issue 12 item 5), computed by the dashboard's
 * own query (sql.server.ts `pp`). The participant sees their
 * own (by edition); organizers see anyone's. Anything else is NotFoundError (404).
 */
import { db } from "../../db.server";
import { countryLanguages, countryName } from "../../domain/countries";
import { formatDate } from "../../domain/dates";
import { pickField, siteNames, type Translations } from "../../domain/local-text";
import { displayName, latinName } from "../../domain/names";

/** A raw `translations` column read with plain SQL (an unreadable value reads as none, never a 500). */
function readTranslations<F extends string>(raw: string | null | undefined): Translations<F> {
  try {
    const v = JSON.parse(raw ?? "{}");
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { DEFAULT_THRESHOLD, trackingCtes } from "./sql.server";

type AppRow = {
  id: number;
  user_id: number;
  edition_id: number;
  status: string;
  given_name: string;
  family_name: string;
  given_name_latin: string;
  family_name_latin: string;
  name_order: "given_first" | "family_first";
  nationality: string | null;
};

function certificateOf(app: AppRow, threshold: number, now: Date) {
  const raw = db().$client;
  const edition = raw
    .prepare("select id, name, translations, ordinal, mode, starts_on, ends_on, host_countries from editions where id = ?")
    .get(app.edition_id) as {
    id: number;
    name: string;
    translations: string;
    ordinal: number;
    mode: string;
    starts_on: string;
    ends_on: string;
    host_countries: string;
  };
  const c = trackingCtes({ edition: app.edition_id, threshold }, now);
  const stats = raw
    .prepare(`${c.sql} select expected, attended, days_expected, days_attended, completed from pp where id = @app`)
    .get({ ...c.params, app: app.id }) as { expected: number; attended: number; days_expected: number; days_attended: number; completed: number } | undefined;
  const sessions = raw
    .prepare(
      `${c.sql} select ts.title, ts.translations, ts.starts_at, ts.time_zone, xa.status from xa join training_sessions ts on ts.id = xa.sid
              where xa.aid = @app and xa.attended = 1 order by ts.starts_at`,
    )
    .all({ ...c.params, app: app.id }) as { title: string; translations: string; starts_at: string; time_zone: string; status: string }[];
  const sites = raw
    .prepare(
      `select hs.name, hs.name_latin, hs.translations, hs.province, hs.country_code, v.arrival_on, v.departure_on
              from placements pl join exchange_visits v on v.id = pl.visit_id join host_sites hs on hs.id = v.host_site_id
              where pl.application_id = ? and pl.status = 'accepted' order by v.arrival_on`,
    )
    .all(app.id) as {
    name: string;
    name_latin: string;
    translations: string;
    province: string;
    country_code: string;
    arrival_on: string;
    departure_on: string;
  }[];
  const n = {
    givenName: app.given_name,
    familyName: app.family_name,
    givenNameLatin: app.given_name_latin,
    familyNameLatin: app.family_name_latin,
    nameOrder: app.name_order,
  };
  return {
    applicationId: app.id,
    name: displayName(n),
    latin: latinName(n),
    country: app.nationality,
    edition: {
      id: edition.id,
      name: edition.name,
      translations: readTranslations<"name" | "description">(edition.translations),
      mode: edition.mode,
      startsOn: edition.starts_on,
      endsOn: edition.ends_on,
      hostCountries: JSON.parse(edition.host_countries) as string[],
    },
    sites,
    sessions: sessions.map((s) => ({ ...s, translations: readTranslations<"title" | "description">(s.translations) })),
    sessionsExpected: stats?.expected ?? 0,
    sessionsAttended: stats?.attended ?? 0,
    daysExpected: stats?.days_expected ?? 0,
    daysAttended: stats?.days_attended ?? 0,
    /** Sessions and visit days together. */
    expected: (stats?.expected ?? 0) + (stats?.days_expected ?? 0),
    attended: (stats?.attended ?? 0) + (stats?.days_attended ?? 0),
    threshold,
    completed: !!stats?.completed,
  };
}

const APP_SQL = `select id, user_id, edition_id, status, given_name, family_name, given_name_latin, family_name_latin, name_order, nationality
                 from applications where `;

/** The actor's own certificate for an edition (NotFound when they were not a participant). */
export function getOwnCertificate(actor: Actor, editionId: number, now = new Date()) {
  const app = Number.isInteger(editionId)
    ? (db().$client.prepare(`${APP_SQL} edition_id = ? and user_id = ? and status = 'accepted'`).get(editionId, actor.id) as AppRow | undefined)
    : undefined;
  if (!app) throw new NotFoundError("certificate");
  return certificateOf(app, DEFAULT_THRESHOLD, now);
}

/** Organizer: any participant's certificate (NotFound for an unknown or non-accepted application). */
export function getCertificateForOrganizer(actor: Actor, applicationId: number, threshold = DEFAULT_THRESHOLD, now = new Date()) {
  if (!actor.isOrganizer) throw new NotFoundError("certificate");
  const app = Number.isInteger(applicationId)
    ? (db().$client.prepare(`${APP_SQL} id = ? and status = 'accepted'`).get(applicationId) as AppRow | undefined)
    : undefined;
  if (!app) throw new NotFoundError("certificate");
  return certificateOf(app, threshold, now);
}

export type Certificate = ReturnType<typeof certificateOf>;

/**
 * The certificate's texts in `lng` for CertificateView. Number, issue date and verification link
 * come from the issued certificate (certificate-issue.server.ts); the issue date is the stored one.
 */
export function certificateViewData(c: Certificate, lng: string, issued: { number: string; issuedOn: string; url: string; qr: string }) {
  const local = (iso: string, zone: string) => new Intl.DateTimeFormat(lng, { calendar: "gregory", timeZone: zone, dateStyle: "medium" }).format(new Date(iso));
  return {
    name: c.name,
    latin: c.latin,
    lang: c.country ? (countryLanguages(c.country)[0] ?? "und") : "und",
    countryName: c.country ? countryName(c.country, lng) : "",
    // Organizer-written texts in the reader's language, else English (issue 11 item 8), with the
    // language they are really in for the page's `lang` marks.
    editionName: pickField(c.edition.name, c.edition.translations, "name", lng).text,
    editionLang: pickField(c.edition.name, c.edition.translations, "name", lng).lang,
    dates: `${formatDate(c.edition.startsOn, lng, "long")} – ${formatDate(c.edition.endsOn, lng, "long")}`,
    mode: c.edition.mode,
    sites: c.sites.map((s) => ({
      // The site's name in the reader's language (issue 11), the local-script one after it.
      label: (({ name, local }) => [name.text, local ? `(${local.text})` : "", s.province, countryName(s.country_code, lng)])(
        siteNames({ name: s.name, nameLatin: s.name_latin, countryCode: s.country_code, translations: readTranslations<"name">(s.translations) }, lng),
      )
        .filter(Boolean)
        .join(" "),
      dates: `${formatDate(s.arrival_on, lng)} – ${formatDate(s.departure_on, lng)}`,
    })),
    sessions: c.sessions.map((s) => {
      const title = pickField(s.title, s.translations, "title", lng);
      return { title: title.text, lang: title.lang, date: local(s.starts_at, s.time_zone) };
    }),
    issuedOn: formatDate(issued.issuedOn, lng, "long"),
    number: issued.number,
    verifyUrl: issued.url,
    qr: issued.qr,
    expected: c.expected,
    attended: c.attended,
    sessionsExpected: c.sessionsExpected,
    sessionsAttended: c.sessionsAttended,
    daysExpected: c.daysExpected,
    daysAttended: c.daysAttended,
  };
}
