// Organizer: every kind of e-mail the platform sends, with the languages whose text organizers
// changed; each opens the editor of that kind in a language. Links to announcements and the outbox.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { nativeLanguageName } from "~/components/i18n/TranslationsFieldset";
import { remixI18n } from "~/i18n.server";
import { listTemplates } from "~/models/messages.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("messages.templates.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => json({ kinds: listTemplates(actor), lng }));
}

export default function MessageTemplates() {
  const { t } = useTranslation();
  const { kinds, lng } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("messages.templates.title")}</h1>
      <p className="muted">{t("messages.templates.lead")}</p>
      <p className="actions">
        <Link to="/admin/announcements" className="btn btn-secondary">
          {t("messages.announcements.title")}
        </Link>
        <Link to="/admin/outbox" className="btn btn-secondary">
          {t("admin.nav.outbox")}
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("messages.templates.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("messages.templates.kind")}</th>
              <th scope="col">{t("messages.templates.changed")}</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((k) => (
              <tr key={k.kind}>
                <td>
                  <Link to={`/admin/messages/${k.kind}/${lng}`}>{t(`messages.kinds.${k.kind}`)}</Link>
                </td>
                <td>
                  {k.overridden.length === 0
                    ? t("messages.templates.allDefault")
                    : k.overridden.map((l, i) => (
                        <span key={l}>
                          {i > 0 ? ", " : ""}
                          <Link to={`/admin/messages/${k.kind}/${l}`} lang={l}>
                            {nativeLanguageName(l)}
                          </Link>
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
