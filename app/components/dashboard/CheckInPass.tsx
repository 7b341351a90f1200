/**
 * A participant's check-in pass (issue 14 item 5): the QR code of their personal token (an SVG
 * drawn on the server, no script) and the short code to type where there is no camera. Printed
 * as a badge: the rest of the page can be hidden with `.no-print`, the pass keeps its size.
 */
import { useTranslation } from "react-i18next";

export function CheckInPass({ pass, id }: { pass: { code: string; svg: string }; id: string }) {
  const { t } = useTranslation();
  return (
    <section className="card checkin-pass" aria-labelledby={id}>
      <h3 id={id}>{t("tracking.qr.passTitle")}</h3>
      <p className="hint">{t("tracking.qr.passLead")}</p>
      {/* The SVG comes from the qrcode package on the server (no user text in it). */}
      <div className="checkin-qr" role="img" aria-label={t("tracking.qr.qrAlt")} dangerouslySetInnerHTML={{ __html: pass.svg }} />
      <p>
        {t("tracking.qr.shortCode")}{" "}
        <strong className="checkin-short-code" data-testid="checkin-short-code" translate="no">
          {pass.code}
        </strong>
      </p>
    </section>
  );
}
