// Organizer (issue 15 item 2): the accepted participants of an edition who have not uploaded every
// required document (app/domain/document-kinds.ts requiredDocumentKinds), each linked to their
// application page, where the uploaded ones can be opened.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { countryName } from "~/domain/country-names";
import { formatList } from "~/domain/format";
import { langOfText } from "~/domain/script-lang";
import { editionDocumentGaps } from "~/models/documents.server";
import { requireActor } from "~/session.server";
import { guard, idParam } from "~/utils/http.server";
import { remixI18n } from "~/i18n.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("documents.admin.gapsTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => json(editionDocumentGaps(actor, idParam(params.id, "edition"), lng)));
}

export default function DocumentGaps() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lng = i18n.language;
  const kinds = (list: string[]) =>
    formatList(
      list.map((k) => t(`documents.kinds.${k}`)),
      lng,
    );
  return (
    <section>
      <p>
        <Link to={`/admin/editions/${data.edition.id}`} lang={data.edition.lang}>
          {data.edition.name}
        </Link>
      </p>
      <h1>{t("documents.admin.gapsTitle")}</h1>
      <p>{t("documents.admin.gapsLead", { kinds: kinds(data.required) })}</p>
      {data.missing.length === 0 ? (
        <p className="alert alert-ok" role="status">
          {t("documents.admin.allDone")}
        </p>
      ) : (
        <>
          <p>{t("documents.admin.gapsCount", { count: data.missing.length, total: data.total })}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("documents.col.participant")}</th>
                  <th scope="col">{t("documents.col.country")}</th>
                  <th scope="col">{t("documents.col.missing")}</th>
                </tr>
              </thead>
              <tbody>
                {data.missing.map((r) => (
                  <tr key={r.applicationId}>
                    <td>
                      <Link to={`/admin/applications/${r.applicationId}`} lang={langOfText(r.name)}>
                        {r.name || t("admin.applications.unnamed")}
                      </Link>
                    </td>
                    <td>{r.country ? countryName(r.country, lng) : "–"}</td>
                    <td>{kinds(r.missing)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
