// Organizer: the evaluation's home: every edition with its surveys, answers and open plan
// adjustments, and the indicator library and survey templates.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { sql } from "drizzle-orm";
import { evaluationLinks } from "~/components/evaluation/styles";
import { db, t as schema } from "~/db.server";
import { formatDate } from "~/domain/dates";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { listEditions } from "~/models/editions.server";
import { listIndicators, ensureStarterTemplates, listTemplates } from "~/models/evaluation.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { shownName } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const links = evaluationLinks;
export const handle = pageTitle("evaluation.admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    ensureStarterTemplates();
    const counts = db()
      .select({
        editionId: schema.editionSurveys.editionId,
        surveys: sql<number>`count(distinct ${schema.editionSurveys.id})`,
        answers: sql<number>`count(${schema.surveyResponses.id}) filter (where ${schema.surveyResponses.status} = 'submitted') + coalesce(sum((select count(*) from anonymous_responses a where a.survey_id = ${schema.editionSurveys.id})) filter (where ${schema.surveyResponses.id} is null), 0)`,
      })
      .from(schema.editionSurveys)
      .leftJoin(schema.surveyResponses, sql`${schema.surveyResponses.surveyId} = ${schema.editionSurveys.id}`)
      .groupBy(schema.editionSurveys.editionId)
      .all();
    const open = db()
      .select({ editionId: schema.planAdjustments.editionId, n: sql<number>`count(*)` })
      .from(schema.planAdjustments)
      .where(sql`${schema.planAdjustments.status} = 'open'`)
      .groupBy(schema.planAdjustments.editionId)
      .all();
    return json({
      editions: listEditions().map((e) => {
        const c = counts.find((x) => x.editionId === e.id);
        return {
          id: e.id,
          ...shownName(e, lng),
          dates: `${formatDate(e.startsOn, lng)} – ${formatDate(e.endsOn, lng)}`,
          surveys: c?.surveys ?? 0,
          answers: c?.answers ?? 0,
          open: open.find((o) => o.editionId === e.id)?.n ?? 0,
        };
      }),
      indicators: listIndicators().length,
      templates: listTemplates().length,
    });
  });
}

export default function EvaluationHome() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("evaluation.admin.title")}</h1>
      <p>{t("evaluation.admin.lead")}</p>
      <ul className="pill-list" aria-label={t("evaluation.admin.libraries")}>
        <li>
          <Link to="/admin/evaluation/indicators">{t("evaluation.admin.indicatorsLink", { count: data.indicators })}</Link>
        </li>
        <li>
          <Link to="/admin/evaluation/templates">{t("evaluation.admin.templatesLink", { count: data.templates })}</Link>
        </li>
      </ul>
      <h2>{t("evaluation.admin.editions")}</h2>
      <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("evaluation.admin.editions")}>
        <table>
          <caption className="visually-hidden">{t("evaluation.admin.editions")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("common.edition")}</th>
              <th scope="col">{t("evaluation.admin.surveys")}</th>
              <th scope="col">{t("evaluation.admin.answers")}</th>
              <th scope="col">{t("evaluation.admin.openAdjustments")}</th>
            </tr>
          </thead>
          <tbody>
            {data.editions.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link to={`/admin/editions/${e.id}/evaluation`} lang={e.lang}>
                    {e.name}
                  </Link>
                  <br />
                  <span className="muted">{e.dates}</span>
                </td>
                <td>{e.surveys || t("evaluation.admin.notSetUp")}</td>
                <td>{e.answers}</td>
                <td>{e.open}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
