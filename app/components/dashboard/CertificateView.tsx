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
  dates: string;
  mode: string;
  sites: { label: string; dates: string }[];
  sessions: { title: string; date: string }[];
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
      <p>{t("tracking.certificate.tookPart", { edition: c.editionName, dates: c.dates })}</p>
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
              {s.date} · {s.title}
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
