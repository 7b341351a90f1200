/**
 * A project's monitoring on the shared indicator library: per indicator the baseline, the latest
 * periodic value, final and ex post values with their dates, and the change from the baseline
 * (coloured by the indicator's direction, said in words too); for organizers a form to record a
 * value at a stage.
 * Checked on the server only (~/forms/server-form: no zod or conform in the browser, issue 14
 * script budget): a refused post answers HTTP 400 with the errors next to their fields and the
 * typed values kept, with or without JavaScript.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { formatDate } from "~/domain/dates";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import { PILOT_STAGES } from "~/domain/pilots/vocabulary";
import { replyFor } from "./reply";

/** A value at a stage; `text` is the number as the server wrote it (null for yes/no, translated here). */
type Point = { value: number; on: string; text: string | null } | null;
/** An indicator's row; its name, values and change are already written in the reader's language (by the server). */
type Row = {
  indicator: { id: number; code: string; name: string; nameLang?: string; type: string; direction: string };
  baseline: Point;
  periodic: Point;
  final: Point;
  ex_post: Point;
  change: number | null;
  changeText: string;
};

export function Monitoring({
  rows,
  choices,
  canEdit,
  data,
}: {
  rows: Row[];
  /** The library's indicators as options ("Name (CODE)", written by the server). */
  choices: { value: string; label: string }[];
  canEdit: boolean;
  data: unknown;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [form, fields] = useServerForm({ id: "indicator", lastResult: replyFor(data, "indicator") });
  const show = (r: Row, p: Point) => {
    if (!p) return "–";
    const v = p.text ?? (p.value ? t("common.yes") : t("common.no"));
    return (
      <>
        {v}
        <div className="muted">{formatDate(p.on, lng)}</div>
      </>
    );
  };
  return (
    <section className="card" aria-labelledby="mon-h">
      <h2 id="mon-h">{t("pilots.monitoring.title")}</h2>
      <p className="muted">{t("pilots.monitoring.lead")}</p>
      {rows.length ? (
        <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("pilots.monitoring.title")}>
          <table>
            <caption className="visually-hidden">{t("pilots.monitoring.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("pilots.monitoring.indicator")}</th>
                {PILOT_STAGES.map((s) => (
                  <th key={s} scope="col" className="num">
                    {t(`pilots.stage.${s}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("pilots.monitoring.change")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const better = r.change === null || r.change === 0 ? null : r.change > 0 === (r.indicator.direction === "higher_better");
                return (
                  <tr key={r.indicator.id}>
                    <th scope="row">
                      <span lang={r.indicator.nameLang}>{r.indicator.name}</span>
                      <div className="muted">{r.indicator.code}</div>
                    </th>
                    <td className="num">{show(r, r.baseline)}</td>
                    <td className="num">{show(r, r.periodic)}</td>
                    <td className="num">{show(r, r.final)}</td>
                    <td className="num">{show(r, r.ex_post)}</td>
                    <td className="num">
                      {r.changeText}
                      {better === null ? null : <div className="muted">{better ? t("pilots.monitoring.better") : t("pilots.monitoring.worse")}</div>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("pilots.monitoring.none")}</p>
      )}
      {canEdit && choices.length ? (
        <Form method="post" className="stack" {...serverFormProps(form)}>
          <h3>{t("pilots.monitoring.add")}</h3>
          <FormErrors errors={form.errors} id={form.errorId} />
          <input type="hidden" name="intent" value="indicator" />
          <SelectField
            field={fields.indicatorId}
            label={t("pilots.monitoring.indicator")}
            options={choices}
            placeholder={t("pilots.monitoring.chooseIndicator")}
            required
          />
          <SelectField
            field={fields.stage}
            label={t("pilots.monitoring.stage")}
            options={PILOT_STAGES.map((s) => ({ value: s, label: t(`pilots.stage.${s}`) }))}
            placeholder={t("pilots.monitoring.chooseStage")}
            required
          />
          <TextField field={fields.measuredOn} type="date" label={t("pilots.monitoring.measuredOn")} required />
          <TextField field={fields.value} inputMode="text" label={t("pilots.monitoring.value")} hint={t("pilots.monitoring.valueHint")} required />
          <TextField field={fields.note} label={t("pilots.monitoring.note")} />
          <div className="actions">
            <button type="submit">{t("pilots.monitoring.save")}</button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
