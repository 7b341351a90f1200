/**
 * A certificate of participation, laid out for A4 landscape printing (dashboard.css `@page`):
 * the name in the person's own script and in Latin, the edition, host sites, the sessions
 * attended and the exchange-visit days attended. Fonts: the system's Noto families cover Thai, Burmese, Khmer, Lao and CJK.
 */
import { useTranslation } from "react-i18next";
import { attendanceParts } from "./attendance-parts";

export type CertificateViewData = {
  name: string;
  latin: string;
  lang: string;
  countryName: string;
  editionName: string;
  /** Language the edition name is in (the reader's, or the fallback's). */
  editionLang?: string;
  dates: string;
  mode: string;
  sites: { label: string; dates: string }[];
  sessions: { title: string; lang?: string; date: string }[];
  issuedOn: string;
  /** Issued certificate (issue 15): printed number, verification address and its QR code (data URI). */
  number: string;
  verifyUrl: string;
  qr: string;
  expected: number;
  attended: number;
  sessionsExpected: number;
  sessionsAttended: number;
  daysExpected: number;
  daysAttended: number;
};

/**
 * "took part in <edition>, <dates>": the edition's name carries its own `lang` when it fell back
 * to another language than the page's (the sentence is split around a marker, not rebuilt).
 */
function TookPart({ c }: { c: CertificateViewData }) {
  const { t, i18n } = useTranslation();
  const mark = "\u0000";
  const [before, after = ""] = t("tracking.certificate.tookPart", { edition: mark, dates: c.dates }).split(mark);
  const lang = c.editionLang && c.editionLang !== i18n.language ? c.editionLang : undefined;
  return (
    <p>
      {before}
      <span lang={lang}>{c.editionName}</span>
      {after}
    </p>
  );
}

export function CertificateView({ c }: { c: CertificateViewData }) {
  const { t } = useTranslation();
  const parts = attendanceParts(t, c);
  return (
    <article className="certificate" aria-labelledby="cert-title">
      <p className="org">{t("tracking.certificate.org")}</p>
      <h1 id="cert-title">{t("tracking.certificate.title")}</h1>
      <p>{t("tracking.certificate.certifies")}</p>
      <p className="native" lang={c.lang}>
        {c.name}
      </p>
      {c.latin && c.latin !== c.name ? <p className="latin">{c.latin}</p> : null}
      <p className="muted">{c.countryName}</p>
      <TookPart c={c} />
      {c.sites.length ? (
        <p>
          {t("tracking.certificate.hostedBy")} {c.sites.map((s) => `${s.label} (${s.dates})`).join(" · ")}
        </p>
      ) : (
        <p>{t(`modes.${c.mode}`)}</p>
      )}
      {parts ? <p>{t("tracking.certificate.attended", { parts })}</p> : null}
      {c.sessions.length ? (
        <ul className="sessions" aria-label={t("tracking.certificate.sessions")}>
          {c.sessions.map((s, i) => (
            <li key={i}>
              {s.date} · <span lang={s.lang}>{s.title}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="signatures">
        <div>{t("tracking.certificate.signIprcc")}</div>
        <div>{t("tracking.certificate.signAsean")}</div>
      </div>
      <div className="cert-verify">
        <img src={c.qr} alt={t("secretariat.certificates.qrAlt")} width={96} height={96} />
        <p className="muted">
          {t("secretariat.certificates.number", { number: c.number })}
          <br />
          {t("tracking.certificate.issued", { date: c.issuedOn })}
          <br />
          {t("secretariat.certificates.verifyAt")} <span className="verify-url">{c.verifyUrl}</span>
        </p>
      </div>
    </article>
  );
}
