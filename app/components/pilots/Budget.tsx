/**
 * A project's budget: lines per month with planned and actual spending in the project's currency,
 * totals per month and overall, the total in US dollars at the latest stored rate (shown with its
 * date and source), and for organizers forms to add a line, record actual spending and store a rate.
 * Amounts are written and typed with the currency's display digits (whole riel, kip and kyat;
 * app/domain/pilots/money.ts).
 * Checked on the server only (~/forms/server-form: no zod or conform in the browser, issue 14
 * script budget): a refused post answers HTTP 400 with the errors next to their fields and the
 * typed values kept, with or without JavaScript.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors, TextAreaField, TextField } from "~/components/form";
import { formatDate } from "~/domain/dates";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import type { BudgetView } from "~/models/pilots/project-page.server";
import { replyFor } from "./reply";

/**
 * `budget`: the amounts and months as the server wrote them (models/pilots/project-page.server.ts).
 * `planAgreed`: once the plan is agreed, a new line is a plan adjustment and asks why.
 */
export function Budget({ budget, canEdit, data, planAgreed }: { budget: BudgetView; canEdit: boolean; data: unknown; planAgreed: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { lines, periods, currency, rate, digits } = budget;
  const [lineForm, lineFields] = useServerForm({ id: "budget", lastResult: replyFor(data, "budget") });
  const [rateForm, rateFields] = useServerForm({ id: "rate", lastResult: replyFor(data, "rate") });
  return (
    <section className="card" aria-labelledby="budget-h">
      <h2 id="budget-h">{t("pilots.budget.title", { currency })}</h2>
      {lines.length ? (
        <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("pilots.budget.title", { currency })}>
          <table>
            <caption className="visually-hidden">{t("pilots.budget.title", { currency })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("pilots.budget.period")}</th>
                <th scope="col">{t("pilots.budget.item")}</th>
                <th scope="col" className="num">
                  {t("pilots.budget.planned")}
                </th>
                <th scope="col" className="num">
                  {t("pilots.budget.actual")}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => {
                const reply = replyFor(data, "actual", { key: "lineId", id: l.id });
                const typed = (reply?.initialValue as { actual?: string } | undefined)?.actual;
                const errId = `line-${l.id}-error`;
                return (
                  <tr key={l.id}>
                    <td>{l.month}</td>
                    <td>{l.item}</td>
                    <td className="num">{l.planned}</td>
                    <td className="num">
                      {canEdit ? (
                        <Form method="post" className="actions" noValidate>
                          <input type="hidden" name="intent" value="actual" />
                          <input type="hidden" name="lineId" value={l.id} />
                          {/* Named by aria-label: a visually hidden label would widen the page (see Milestones). */}
                          <input
                            id={`line-${l.id}`}
                            aria-label={t("pilots.budget.actualFor", { item: l.item, month: l.month })}
                            name="actual"
                            inputMode="decimal"
                            size={12}
                            defaultValue={typed ?? l.actualInput}
                            required
                            aria-invalid={reply?.error ? true : undefined}
                            aria-describedby={reply?.error ? errId : undefined}
                          />
                          <button type="submit" className="btn-small" aria-label={`${t("common.save")}: ${l.item}`}>
                            {t("common.save")}
                          </button>
                          <ErrorList id={errId} errors={reply?.error?.actual ?? undefined} />
                        </Form>
                      ) : (
                        (l.actual ?? "–")
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              {periods.map((p) => (
                <tr key={p.period}>
                  <th scope="row" colSpan={2}>
                    {t("pilots.budget.monthTotal", { month: p.month })}
                  </th>
                  <td className="num">{p.planned}</td>
                  <td className="num">{p.actual ?? "–"}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" colSpan={2}>
                  {t("common.total")}
                </th>
                <td className="num">
                  <strong>{budget.planned}</strong>
                </td>
                <td className="num">
                  <strong>{budget.actual}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : (
        <p className="muted">{t("pilots.budget.none")}</p>
      )}
      <p>
        {budget.used === null ? null : <>{t("pilots.budget.usedShare", { share: budget.used })} </>}
        {rate ? (
          t("pilots.budget.inUsd", {
            planned: rate.planned,
            actual: rate.actual,
            rate: rate.rate,
            currency,
            date: formatDate(rate.rateOn, lng),
          })
        ) : (
          <span className="muted">{t("pilots.budget.noRate", { currency })}</span>
        )}
        {rate?.source ? <span className="muted"> ({rate.source})</span> : null}
      </p>
      {canEdit ? (
        <>
          <Form method="post" className="stack" {...serverFormProps(lineForm)}>
            <h3>{t("pilots.budget.add")}</h3>
            <FormErrors errors={lineForm.errors} id={lineForm.errorId} />
            <input type="hidden" name="intent" value="budget" />
            <TextField field={lineFields.period} label={t("pilots.budget.period")} hint={t("pilots.budget.periodHint")} required />
            <TextField field={lineFields.item} label={t("pilots.budget.item")} required />
            <TextField
              field={lineFields.planned}
              inputMode="text"
              label={t("pilots.budget.plannedIn", { currency })}
              hint={digits === 0 ? t("pilots.budget.amountHintWhole", { currency }) : t("pilots.budget.amountHintDecimals", { currency, digits })}
              required
            />
            {planAgreed ? <TextAreaField field={lineFields.why} label={t("pilots.adjustments.why")} rows={2} required /> : null}
            <div className="actions">
              <button type="submit">{t("pilots.budget.add")}</button>
            </div>
          </Form>
          <Form method="post" className="stack" {...serverFormProps(rateForm)}>
            <h3>{t("pilots.budget.rateTitle")}</h3>
            <FormErrors errors={rateForm.errors} id={rateForm.errorId} />
            <input type="hidden" name="intent" value="rate" />
            <TextField field={rateFields.rate} inputMode="text" label={t("pilots.budget.rate", { currency })} required />
            <TextField field={rateFields.rateOn} type="date" label={t("pilots.budget.rateOn")} required />
            <TextField field={rateFields.source} label={t("pilots.budget.rateSource")} />
            <div className="actions">
              <button type="submit">{t("pilots.budget.rateSave")}</button>
            </div>
          </Form>
        </>
      ) : null}
    </section>
  );
}
