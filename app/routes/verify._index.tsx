// Public (issue 15): check a certificate by the code printed on it. A GET form; a well-formed code
// goes to /verify/:code, anything else is re-shown with an error (400).
import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VerifyForm } from "~/components/dashboard/VerifyForm";
import { normalizeCode } from "~/domain/certificate-code";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("secretariat.verify.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("code");
  if (raw === null) return json({ code: "", error: false });
  const code = normalizeCode(raw.slice(0, 100));
  if (code) return redirect(`/verify/${code}`);
  return json({ code: raw.slice(0, 100), error: true }, { status: 400 });
}

export default function VerifyIndex() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section className="card" style={{ maxWidth: "36rem" }}>
      <h1>{t("secretariat.verify.title")}</h1>
      <p>{t("secretariat.verify.lead")}</p>
      <VerifyForm code={data.code} error={data.error} />
    </section>
  );
}
