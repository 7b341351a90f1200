/**
 * The nominee import page (organizer and focal point): documented columns, the template, the
 * upload form (multipart, works without JavaScript), the preview with every row's errors, and
 * "Confirm import", shown only when every row is valid.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/components/form";

type Preview = {
  hash: string | null;
  errorCount: number;
  rows: { line: number; name: string; email: string; country: string; errors: { column: string; message: string }[]; already: boolean }[];
};
export type ImportViewProps = {
  country: string | null;
  countryName?: string;
  editions: { id: number; name: string; lang?: string }[];
  columns: { header: string; example: string }[];
  maxRows: number;
  done: { created: number; already: number } | null;
  reply?: { error?: string; preview?: Preview; editionId?: number };
};

export function ImportView(p: ImportViewProps) {
  const { t } = useTranslation();
  const tr = useErrorText();
  const preview = p.reply?.preview;
  return (
    <section>
      <h1>{t("tracking.import.title")}</h1>
      <p>{p.country ? t("tracking.import.leadFocal", { country: p.countryName }) : t("tracking.import.leadOrganizer")}</p>
      {p.done ? (
        <p className="alert alert-ok" role="status">
          {t("tracking.import.done", { count: p.done.created, already: p.done.already })}
        </p>
      ) : null}
      {p.reply?.error ? (
        <p className="alert alert-error" role="alert">
          {tr(p.reply.error)}
        </p>
      ) : null}

      {preview ? (
        <section className="card" aria-labelledby="preview">
          <h2 id="preview">{t("tracking.import.preview")}</h2>
          <p className={preview.errorCount ? "alert alert-error" : "alert alert-ok"} role="status">
            {preview.errorCount
              ? t("tracking.import.rowsWithErrors", { count: preview.errorCount, total: preview.rows.length })
              : t("tracking.import.allValid", { count: preview.rows.length })}
          </p>
          <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("tracking.import.preview")}>
            <table>
              <caption className="visually-hidden">{t("tracking.import.preview")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("tracking.import.line")}</th>
                  <th scope="col">{t("tracking.list.name")}</th>
                  <th scope="col">{t("tracking.import.email")}</th>
                  <th scope="col">{t("tracking.import.errorsCol")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>
                      {r.name} {r.country ? <span className="muted">({r.country})</span> : null}
                    </td>
                    <td>{r.email}</td>
                    <td>
                      {r.errors.length ? (
                        <ul className="field-errors">
                          {r.errors.map((e) => (
                            <li key={e.column + e.message}>
                              <code>{e.column}</code>: {tr(e.message)}
                            </li>
                          ))}
                        </ul>
                      ) : r.already ? (
                        t("tracking.import.already")
                      ) : (
                        t("tracking.import.ok")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.hash ? (
            <Form method="post" className="actions">
              <input type="hidden" name="hash" value={preview.hash} />
              <button type="submit">{t("tracking.import.confirm", { count: preview.rows.filter((r) => !r.already).length })}</button>
            </Form>
          ) : (
            <p>{t("tracking.import.fixAndRetry")}</p>
          )}
        </section>
      ) : null}

      <Form method="post" encType="multipart/form-data" className="card stack" noValidate>
        <div className="field">
          <label htmlFor="edition">{t("tracking.import.edition")}</label>
          <select id="edition" name="edition" defaultValue={p.reply?.editionId ?? p.editions[0]?.id}>
            {p.editions.map((e) => (
              <option key={e.id} value={e.id} lang={e.lang}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="file">{t("tracking.import.file")}</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="file-hint" />
          <p id="file-hint" className="hint">
            {t("tracking.import.fileHint", { rows: p.maxRows })}
          </p>
        </div>
        <div className="actions">
          <button type="submit" disabled={!p.editions.length}>
            {t("tracking.import.check")}
          </button>
          <a href={p.country ? "/focal/import-template.csv" : "/admin/import-template.csv"} download>
            {t("tracking.import.template")}
          </a>
        </div>
        {p.editions.length ? null : <p className="alert alert-warn">{t("tracking.import.noEdition")}</p>}
      </Form>

      <details className="card">
        <summary>{t("tracking.import.columns")}</summary>
        <p className="hint">{t("tracking.import.columnsHint")}</p>
        <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("tracking.import.columns")}>
          <table>
            <caption className="visually-hidden">{t("tracking.import.columns")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tracking.import.column")}</th>
                <th scope="col">{t("tracking.import.meaning")}</th>
                <th scope="col">{t("tracking.import.example")}</th>
              </tr>
            </thead>
            <tbody>
              {p.columns.map((c) => (
                <tr key={c.header}>
                  <th scope="row">
                    <code>{c.header}</code>
                  </th>
                  <td>{t(`tracking.import.col.${c.header}`)}</td>
                  <td>{c.example}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
