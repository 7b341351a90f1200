// Public (issue 15): what a certificate's verification code proves: holder, edition, issue date
// and whether it is valid or revoked, nothing more. A visa invitation letter's code (item 3) is
// checked here too and also shows the host country and the visit dates. An unknown or forged code
// answers 404 with "not found" and no details of anyone.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VerifyForm } from "~/components/dashboard/VerifyForm";
import { formatDate } from "~/domain/dates";
import { langOfText } from "~/domain/script-lang";
import { remixI18n } from "~/i18n.server";
import { NotFoundError } from "~/models/errors";
import { verifyCertificate, type Verification } from "~/models/tracking.server";
import { verifyVisaLetter } from "~/models/visa.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("secretariat.verify.title");

const headers = { "X-Robots-Tag": "noindex", "Cache-Control": "no-store" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lng = await remixI18n.getLocale(request);
  const code = String(params.code ?? "").slice(0, 100);
  try {
    const v = verifyCertificate(code, lng);
    return json({ found: true as const, v: { ...v, issuedOn: formatDate(v.issuedOn, lng, "long") }, letter: null }, { headers });
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  try {
    const l = verifyVisaLetter(code, lng);
    return json(
      {
        found: true as const,
        v: { name: l.name, latin: l.latin, edition: l.edition, editionLang: l.editionLang, issuedOn: formatDate(l.issuedOn, lng, "long"), status: l.status },
        letter: { hostCountry: l.hostCountry, dates: `${formatDate(l.arrivalOn, lng, "long")} – ${formatDate(l.departureOn, lng, "long")}` },
      },
      { headers },
    );
  } catch (e) {
    if (e instanceof NotFoundError) return json({ found: false as const, v: null as Verification | null }, { status: 404, headers });
    throw e;
  }
}

export default function VerifyCertificate() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const v = data.v;
  const letter = "letter" in data ? data.letter : null;
  return (
    <section className="card" style={{ maxWidth: "36rem" }}>
      <h1>{t("secretariat.verify.title")}</h1>
      {v ? (
        <>
          <p className={v.status === "valid" ? "alert alert-ok" : "alert alert-error"} role="status">
            <strong>{t(letter ? `visa.verify.status.${v.status}` : `secretariat.verify.status.${v.status}`)}</strong>
          </p>
          <dl className="facts">
            <dt>{t("secretariat.verify.holder")}</dt>
            <dd>
              <span lang={langOfText(v.name)}>{v.name}</span>
              {v.latin && v.latin !== v.name ? <> ({v.latin})</> : null}
            </dd>
            <dt>{t("secretariat.verify.edition")}</dt>
            <dd lang={v.editionLang}>{v.edition}</dd>
            {letter ? (
              <>
                <dt>{t("visa.verify.hostCountry")}</dt>
                <dd>{letter.hostCountry}</dd>
                <dt>{t("visa.verify.dates")}</dt>
                <dd>{letter.dates}</dd>
              </>
            ) : null}
            <dt>{t("secretariat.verify.issuedOn")}</dt>
            <dd>{v.issuedOn}</dd>
          </dl>
        </>
      ) : (
        <p className="alert alert-error" role="status">
          {t("visa.verify.notFound")}
        </p>
      )}
      <h2>{t("secretariat.verify.another")}</h2>
      <VerifyForm />
      <p>
        <Link to="/">{t("secretariat.verify.home")}</Link>
      </p>
    </section>
  );
}
