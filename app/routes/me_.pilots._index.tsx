// A participant's action plans and pilots (issue 16, item 2): every item of their submitted
// action plans, each either already a pilot project (with its status and a link) or with a link
// to propose it as one.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PilotStatusBadge } from "~/components/pilots/bits";
import { formatDate } from "~/domain/dates";
import { remixI18n } from "~/i18n.server";
import { listMyActionItems } from "~/models/pilots.server";
import { requireActor } from "~/session.server";
import { pickField } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("pilots.me.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const items = listMyActionItems(actor).map((i) => ({
    id: i.id,
    action: i.action,
    // Written on the server: a browser without the language's Intl data (Chromium: km, lo, my)
    // would write it in English and no longer match the server's page.
    targetOn: i.targetOn ? formatDate(i.targetOn, lng) : null,
    ...(({ text, lang }) => ({ editionName: text, editionLang: lang }))(pickField(i.editionName, i.editionTranslations, "name", lng)),
    projectId: i.projectId,
    projectTitle: i.projectTitle,
    projectStatus: i.projectStatus,
  }));
  return json({ items });
}

export default function MyPilots() {
  const { items } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <section>
      <p>
        <Link to="/me">← {t("apply.me.title")}</Link>
      </p>
      <h1>{t("pilots.me.title")}</h1>
      <p>{t("pilots.me.lead")}</p>
      {params.get("proposed") ? (
        <p className="alert alert-ok" role="status">
          {t("pilots.me.proposed")}
        </p>
      ) : null}
      {items.length ? (
        <ul className="stack">
          {items.map((i) => (
            <li key={i.id} className="card">
              <p>
                <strong>{i.action}</strong>
              </p>
              <p className="muted">
                <span lang={i.editionLang}>{i.editionName}</span>
                {i.targetOn ? <> · {t("pilots.me.target", { date: i.targetOn })}</> : null}
              </p>
              {i.projectId && i.projectStatus ? (
                <p>
                  {t("pilots.me.isPilot")} <Link to={`/pilots/projects/${i.projectId}`}>{i.projectTitle}</Link> <PilotStatusBadge status={i.projectStatus} />
                </p>
              ) : (
                <p>
                  <Link className="btn btn-secondary" to={`/me/pilots/propose/${i.id}`}>
                    {t("pilots.me.propose")}
                    <span className="visually-hidden">: {i.action}</span>
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("pilots.me.none")}</p>
      )}
    </section>
  );
}
