// The documents of one application as staff see them (organizer's application page, focal point's
// view): kind, a link to open the file, type, size and upload date.
import { useTranslation } from "react-i18next";
import { formatDate } from "~/domain/dates";
import { extensionOf } from "~/domain/document-kinds";
import { formatFileSize } from "~/domain/format";

export type DocumentRow = { id: number; kind: string; name: string; contentType: string; byteSize: number; createdAt: string };

export function DocumentTable({ documents }: { documents: DocumentRow[] }) {
  const { t, i18n } = useTranslation();
  if (documents.length === 0) return <p className="muted">{t("documents.admin.none")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("documents.col.kind")}</th>
            <th scope="col">{t("documents.col.file")}</th>
            <th scope="col">{t("documents.col.size")}</th>
            <th scope="col">{t("documents.col.date")}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              <td>{t(`documents.kinds.${d.kind}`)}</td>
              <td>
                <a href={`/documents/${d.id}`}>{d.name || `${t(`documents.kinds.${d.kind}`)}.${extensionOf(d.contentType)}`}</a>
              </td>
              <td>{formatFileSize(d.byteSize, i18n.language)}</td>
              <td>{formatDate(d.createdAt.slice(0, 10), i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
