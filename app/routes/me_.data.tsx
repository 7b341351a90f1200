// "My data": download everything VLX holds about me (JSON), or erase my health data. Works without
// JavaScript: the download is a plain link, the erasure a form with a confirmation box.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { eraseOwnSensitiveData } from "~/models/accounts.server";
import { requireActor } from "~/session.server";
import { readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("privacy.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  if (form.get("confirm") !== "yes") return json({ error: "privacy.confirmRequired" }, { status: 400 });
  eraseOwnSensitiveData(actor);
  return redirect("/me/data?erased=1");
}

export default function MyData() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <section className="card" style={{ maxWidth: "40rem" }}>
      <p>
        <Link to="/me">{t("common.back")}</Link>
      </p>
      <h1>{t("privacy.title")}</h1>
      {params.get("erased") ? (
        <p className="alert alert-ok" role="status">
          {t("privacy.erased")}
        </p>
      ) : null}
      <h2>{t("privacy.downloadTitle")}</h2>
      <p>
        {t("privacy.downloadText")} {t("privacy.downloadDocuments")}
      </p>
      <p>
        <a className="btn btn-secondary" href="/me/data.json" download>
          {t("privacy.download")}
        </a>
      </p>
      <h2>{t("privacy.eraseTitle")}</h2>
      <p>
        {t("privacy.eraseText")} {t("visa.privacy.eraseNote")} {t("privacy.eraseDocuments")}
      </p>
      <Form method="post" className="stack">
        {data?.error ? (
          <p className="alert alert-error" role="alert">
            {t(data.error)}
          </p>
        ) : null}
        <label className="check">
          <input type="checkbox" name="confirm" value="yes" /> {t("privacy.confirm")}
        </label>
        <div className="actions">
          <button type="submit" className="btn-danger">
            {t("privacy.erase")}
          </button>
        </div>
      </Form>
    </section>
  );
}
