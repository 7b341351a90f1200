import { Fragment } from "react";
// Organizer: the indicator library: every indicator by group, with type, direction and the
// disaggregations it supports; add one, archive or restore one.
import { TranslationsFieldset } from "~/components/i18n/TranslationsFieldset";
import type { Translations } from "~/domain/local-text";
import { getFormProps } from "@conform-to/react";
import { useAppForm } from "~/forms/use-app-form";
import { parseWithZod } from "~/forms/parse";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { evaluationLinks } from "~/components/evaluation/styles";
import { indicatorSchema } from "~/forms/evaluation";
import { remixI18n } from "~/i18n.server";
import { requireOrganizer } from "~/models/actor";
import { createIndicator, ensureStarterIndicators, listIndicators, setIndicatorArchived } from "~/models/evaluation.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { DIRECTIONS, DISAGGREGATIONS, INDICATOR_GROUPS, INDICATOR_TYPES } from "../../db/schema/evaluation";
import { LocalText } from "~/components/i18n/LocalText";
import { pickText } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const links = evaluationLinks;
type IndicatorForm = Record<"intent" | "code" | "nameEn" | "nameVi" | "group" | "type" | "unitEn" | "unitVi" | "options" | "direction", string> & {
  disaggregations: string[];
};
export const handle = pageTitle("evaluation.indicators.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    requireOrganizer(actor);
    ensureStarterIndicators();
    return json({
      indicators: listIndicators({ includeArchived: true }).map((i) => ({
        id: i.id,
        code: i.code,
        // Each text in the reader's language, else English, else the first given, with its lang.
        name: pickText(i.name, lng),
        group: i.group,
        type: i.type,
        unit: pickText(i.unit, lng),
        options: i.options.map((o) => pickText(o.label, lng)),
        direction: i.direction,
        disaggregations: i.disaggregations,
        archived: !!i.archivedAt,
      })),
    });
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(() => {
    requireOrganizer(actor);
    const intent = form.get("intent");
    if (intent === "archive" || intent === "restore") {
      const id = Number(form.get("id"));
      setIndicatorArchived(actor, Number.isInteger(id) ? id : 0, intent === "archive");
      return redirect("/admin/evaluation/indicators");
    }
    return handleForm(form, indicatorSchema, (v) => {
      createIndicator(actor, v);
      return redirect(`/admin/evaluation/indicators?added=${encodeURIComponent(v.code.toUpperCase())}`);
    });
  });
}

export default function Indicators() {
  const { t } = useTranslation();
  const { indicators } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useAppForm<IndicatorForm>({
    id: "indicator",
    lastResult,
    defaultValue: { direction: "higher_better", disaggregations: [...DISAGGREGATIONS] } as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: indicatorSchema }) as never,
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <p>
        <Link to="/admin/evaluation">{t("evaluation.admin.title")}</Link>
      </p>
      <h1>{t("evaluation.indicators.title")}</h1>
      {params.get("added") ? (
        <p className="alert alert-ok" role="status">
          {t("evaluation.indicators.added", { code: params.get("added") })}
        </p>
      ) : null}
      {INDICATOR_GROUPS.map((g) => (
        <section key={g} aria-labelledby={`g-${g}`}>
          <h2 id={`g-${g}`}>{t(`evaluation.groups.${g}`)}</h2>
          <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t(`evaluation.groups.${g}`)}>
            <table>
              <caption className="visually-hidden">{t(`evaluation.groups.${g}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("evaluation.indicators.name")}</th>
                  <th scope="col">{t("evaluation.indicators.type")}</th>
                  <th scope="col">{t("evaluation.indicators.direction")}</th>
                  <th scope="col">{t("common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {indicators
                  .filter((i) => i.group === g)
                  .map((i) => (
                    <tr key={i.id}>
                      <td>
                        <LocalText value={i.name} /> {i.archived ? <span className="badge badge-draft">{t("evaluation.indicators.archived")}</span> : null}
                        <br />
                        <code className="muted">{i.code}</code>
                        {i.options.length ? (
                          <span className="muted">
                            {" "}
                            ·{" "}
                            {i.options.map((o, n) => (
                              <Fragment key={n}>
                                {n ? ", " : ""}
                                <LocalText value={o} />
                              </Fragment>
                            ))}
                          </span>
                        ) : null}
                      </td>
                      <td>
                        {t(`evaluation.types.${i.type}`)}
                        {i.unit.text ? (
                          <>
                            {" "}
                            (<LocalText value={i.unit} />)
                          </>
                        ) : null}
                      </td>
                      <td>{t(`evaluation.directions.${i.direction}`)}</td>
                      <td>
                        <Form method="post">
                          <input type="hidden" name="id" value={i.id} />
                          <button
                            type="submit"
                            name="intent"
                            value={i.archived ? "restore" : "archive"}
                            className="btn-secondary btn-small"
                            aria-label={`${t(i.archived ? "evaluation.indicators.restore" : "evaluation.indicators.archive")}: ${i.code}`}
                          >
                            {t(i.archived ? "evaluation.indicators.restore" : "evaluation.indicators.archive")}
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <section className="card">
        <h2>{t("evaluation.indicators.new")}</h2>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="create" />
          <div className="grid grid-2">
            <TextField field={fields.code} label={t("evaluation.indicators.code")} hint={t("evaluation.indicators.codeHint")} required />
            <SelectField
              field={fields.group}
              label={t("evaluation.indicators.group")}
              options={INDICATOR_GROUPS.map((g) => ({ value: g, label: t(`evaluation.groups.${g}`) }))}
              required
            />
            <TextField field={fields.nameEn} label={t("evaluation.indicators.nameEn")} required />
            <TranslationsFieldset
              field="name"
              label={t("evaluation.indicators.name")}
              values={(form.initialValue as { tr?: Translations } | undefined)?.tr?.name}
              errors={form.allErrors}
              formId={form.id}
            />
            <SelectField
              field={fields.type}
              label={t("evaluation.indicators.type")}
              options={INDICATOR_TYPES.map((x) => ({ value: x, label: t(`evaluation.types.${x}`) }))}
              required
            />
            <SelectField
              field={fields.direction}
              label={t("evaluation.indicators.direction")}
              options={DIRECTIONS.map((x) => ({ value: x, label: t(`evaluation.directions.${x}`) }))}
              required
            />
            <TextField field={fields.unitEn} label={t("evaluation.indicators.unitEn")} />
            <TranslationsFieldset
              field="unit"
              label={t("evaluation.indicators.unitEn")}
              values={(form.initialValue as { tr?: Translations } | undefined)?.tr?.unit}
              errors={form.allErrors}
              formId={form.id}
            />
          </div>
          <TextAreaField field={fields.options} label={t("evaluation.indicators.options")} hint={t("evaluation.indicators.optionsHint")} rows={4} />
          <CheckboxGroup
            field={fields.disaggregations}
            label={t("evaluation.indicators.disaggregations")}
            options={DISAGGREGATIONS.map((d) => ({ value: d, label: t(`evaluation.dimensions.${d}`) }))}
          />
          <div className="actions">
            <button type="submit">{t("evaluation.indicators.add")}</button>
          </div>
        </Form>
      </section>
    </>
  );
}
