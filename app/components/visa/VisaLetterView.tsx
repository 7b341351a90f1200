/**
 * A visa invitation letter laid out for A4 portrait printing (visa.css `@page`): the programme's
 * heading, the facts (labels in English and the host country's language), then the letter text
 * in English and in that language, each block marked with its `lang` so the browser picks the
 * right font and shaping (Khmer, Myanmar, Lao, Thai, CJK from the system's Noto families).
 * The data comes from app/models/visa/view.server.ts.
 */
import type { LinksFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import type { LetterViewData } from "~/models/visa/view.server";
import visaCss from "./visa.css";

export const visaLinks: LinksFunction = () => [{ rel: "stylesheet", href: visaCss }];

/** `page`: the letter is the page's main content, so its first title is the page's h1. */
export function VisaLetterView({ l, page = false }: { l: LetterViewData; page?: boolean }) {
  const { t } = useTranslation();
  return (
    <article className="visa-letter" aria-labelledby={`visa-title-${l.id}`}>
      <header className="visa-head">
        <div>
          {l.org.map((o) => (
            <p key={o.lang} lang={o.lang} className="visa-org">
              {o.text}
            </p>
          ))}
        </div>
        <img src={l.qr} alt={t("visa.letter.qrAlt")} width={88} height={88} />
      </header>
      {l.status === "revoked" ? (
        <p className="alert alert-error visa-revoked" role="status">
          {t("visa.letter.revokedBanner")}
        </p>
      ) : null}
      <table className="visa-facts">
        <tbody>
          {l.facts.map((f, i) => (
            <tr key={i}>
              <th scope="row">
                {f.labels.map((lb, j) => (
                  <span key={lb.lang} lang={lb.lang}>
                    {j ? " / " : ""}
                    {lb.text}
                  </span>
                ))}
              </th>
              <td lang={f.valueLang}>{f.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {l.blocks.map((b, i) => {
        const Title = page && i === 0 ? "h1" : "h2";
        return (
          <section key={b.lang} lang={b.lang} className="visa-block">
            <Title id={i === 0 ? `visa-title-${l.id}` : undefined}>{b.title}</Title>
            <p>{b.to}</p>
            <p>{b.salutation}</p>
            <p>{b.invite}</p>
            <p>{b.placesIntro}</p>
            <ul>
              {b.places.map((p, k) => (
                <li key={k}>{p}</li>
              ))}
            </ul>
            <p>{b.purpose}</p>
            <p>{b.request}</p>
            <p>{b.closing}</p>
            <p className="visa-sign">
              <span className="visa-signer">{l.signer}</span>
              <br />
              {b.signerRole}
            </p>
          </section>
        );
      })}
      <p className="visa-foot">
        {t("visa.letter.verifyAt")} <span className="verify-url">{l.verifyUrl}</span>
      </p>
    </article>
  );
}
