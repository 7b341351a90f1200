// Organizer: the visa invitation letters of an edition (issue 15 item 3): each accepted participant
// per host country with their letter, or what is missing (passport data, an accepted placement);
// one action issues every missing letter and reports per row what happened or why it was refused;
// a row's own button issues that one. Anyone else: 404.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/form";
import { countryName } from "~/domain/countries";
import { bulkLettersSchema } from "~/forms/passport";
import { remixI18n } from "~/i18n.server";
import { NotFoundError } from "~/models/errors";
import { bulkSummary, issueLetter, issueMissingLetters, lettersOverview, overviewCounts, type BulkRow } from "~/models/visa.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("visa.overview.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const o = lettersOverview(actor, idParam(params.id, "edition"));
    const country = (c: string | null) => (c ? countryName(c, lng) : "");
    return json({
      edition: o.edition,
      counts: overviewCounts(o.rows),
      rows: o.rows.map((r) => ({ ...r, hostCountryName: country(r.hostCountry), nationalityName: country(r.nationality) })),
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const lng = await remixI18n.getLocale(request);
  return guard(async () => {
    const editionId = idParam(params.id, "edition");
    const { rows } = lettersOverview(actor, editionId); // scope first: 404 for anyone else
    return handleForm(form, bulkLettersSchema, (v) => {
      if (v.intent === "issue_one") {
        // Only a participant of this edition: another edition's application id is not found here.
        if (!rows.some((r) => r.applicationId === v.applicationId)) throw new NotFoundError("visa letter");
        const l = issueLetter(actor, v.applicationId, v.hostCountry);
        return redirect(`/admin/visa-letters/${l.id}`);
      }
      const report: (BulkRow & { hostCountryName: string })[] = issueMissingLetters(actor, editionId).map((r) => ({
        ...r,
        hostCountryName: r.hostCountry ? countryName(r.hostCountry, lng) : "",
      }));
      return json({ report, summary: bulkSummary(report) });
    });
  });
}

export default function EditionVisaLetters() {
  const { edition, counts, rows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const report = result && "report" in result ? result.report : null;
  const formErrors = result && "status" in result ? (result.error?.[""] ?? undefined) : undefined;
  const summary = result && "summary" in result ? result.summary : null;
  // Only letters that can be issued now: no placement or no passport details are not counted.
  const missing = counts.issuable;
  return (
    <section className="card">
      <p>
        <Link to={`/admin/editions/${edition.id}`}>{edition.name}</Link>
      </p>
      <h1>{t("visa.overview.title")}</h1>
      <p>{t("visa.overview.lead")}</p>
      <FormErrors errors={formErrors ?? undefined} />
      {report && summary ? (
        <div className="alert alert-ok" role="status">
          <p>{t("visa.overview.reportSummary", summary)}</p>
          <div className="table-wrap">
            <table>
              <caption>{t("visa.overview.reportCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("visa.overview.participant")}</th>
                  <th scope="col">{t("visa.overview.hostCountry")}</th>
                  <th scope="col">{t("visa.overview.outcome")}</th>
                </tr>
              </thead>
              <tbody>
                {report.map((r, i) => (
                  <tr key={i} data-outcome={r.outcome}>
                    <td>{r.latin || r.name}</td>
                    <td>{r.hostCountryName || "—"}</td>
                    <td>
                      {r.letterId ? (
                        <Link to={`/admin/visa-letters/${r.letterId}`}>{t(`visa.outcomes.${r.outcome}`, { number: r.number })}</Link>
                      ) : (
                        t(`visa.outcomes.${r.outcome}`)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      <div className="actions">
        <Form method="post">
          <button type="submit" name="intent" value="generate_all" disabled={missing === 0 || undefined}>
            {t("visa.overview.generateAll", { missing })}
          </button>
        </Form>
        <Link className="btn btn-secondary" to={`/admin/editions/${edition.id}/visa-letters/print`}>
          {t("visa.overview.printAll")}
        </Link>
      </div>
      {counts.waitingPassport ? <p>{t("visa.overview.waitingPassport", { waiting: counts.waitingPassport })}</p> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table>
            <caption>{t("visa.overview.caption", { edition: edition.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("visa.overview.participant")}</th>
                <th scope="col">{t("visa.overview.nationality")}</th>
                <th scope="col">{t("visa.overview.hostCountry")}</th>
                <th scope="col">{t("visa.overview.passport")}</th>
                <th scope="col">{t("visa.overview.letter")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.applicationId}-${r.hostCountry ?? ""}`}>
                  <td>
                    <Link to={`/admin/applications/${r.applicationId}`}>{r.latin || r.name}</Link>
                  </td>
                  <td>{r.nationalityName || "—"}</td>
                  <td>{r.hostCountryName || t("visa.overview.noPlacement")}</td>
                  <td>{r.hasPassport ? t("visa.overview.passportGiven") : <strong>{t("visa.overview.passportMissing")}</strong>}</td>
                  <td>
                    {r.letter ? (
                      <Link to={`/admin/visa-letters/${r.letter.id}`}>{r.letter.number}</Link>
                    ) : r.hostCountry && r.hasPassport ? (
                      <Form method="post">
                        <input type="hidden" name="applicationId" value={r.applicationId} />
                        <input type="hidden" name="hostCountry" value={r.hostCountry} />
                        <button type="submit" name="intent" value="issue_one" className="btn-small">
                          {t(r.revoked ? "visa.overview.issueNew" : "visa.overview.issue")}
                        </button>
                      </Form>
                    ) : (
                      "—"
                    )}
                    {r.revoked ? (
                      <>
                        {" "}
                        <Link to={`/admin/visa-letters/${r.revoked.id}`} className="muted">
                          {t("visa.overview.revoked", { number: r.revoked.number })}
                        </Link>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("visa.overview.none")}</p>
      )}
    </section>
  );
}
