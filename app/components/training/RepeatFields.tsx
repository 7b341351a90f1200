/**
 * The "Repeat" part of the new-training form (issue 15, item 8): does not repeat, daily, or on
 * chosen weekdays, ending on a date or after a number of sessions. Every control is always shown,
 * so it works without JavaScript; the server ignores what does not apply. Weekday labels come
 * from the loader (Intl, in the page's language). When some days of a series cannot be scheduled,
 * the list of those days with their reasons is shown here.
 */
import { useTranslation } from "react-i18next";
import { CheckboxGroup, SelectField, TextField, useErrorText, type FieldMetadata } from "~/components/form";
import { formatDate } from "~/domain/dates";

type Text = FieldMetadata<string | undefined>;
type List = FieldMetadata<string[] | undefined>;

/** "training.series.conflictOn|{date, reasons}" → the day and its translated reasons. */
function OccurrenceErrors({ entries, id }: { entries?: string[]; id: string }) {
  const { t, i18n } = useTranslation();
  const tr = useErrorText();
  if (!entries?.length) return null;
  const days = entries.flatMap((e) => {
    try {
      const p = JSON.parse(e.slice(e.indexOf("|") + 1)) as { date: string; reasons: string[] };
      return [{ date: p.date, reasons: p.reasons.map(tr) }];
    } catch {
      return [];
    }
  });
  return (
    <div className="alert alert-error" id={id}>
      <p>{t("training.series.conflictList")}</p>
      <ul>
        {days.map((d) => (
          <li key={d.date}>
            <strong>{formatDate(d.date, i18n.language)}</strong>: {d.reasons.join(" ")}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RepeatFields({
  fields,
  weekdays,
  maxCount,
  occurrenceErrors,
}: {
  fields: { repeat: Text; weekdays: List; repeatEnd: Text; until: Text; count: Text };
  weekdays: { value: string; label: string }[];
  /** The most sessions a series may have, written with the page language's digits by the loader. */
  maxCount: string;
  occurrenceErrors?: string[];
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="stack repeat-fields" aria-describedby={occurrenceErrors?.length ? "repeat-occurrences" : undefined}>
      <legend>{t("training.series.legend")}</legend>
      <OccurrenceErrors entries={occurrenceErrors} id="repeat-occurrences" />
      <SelectField
        field={fields.repeat}
        label={t("training.series.repeat")}
        hint={t("training.series.repeatHint")}
        options={(["none", "daily", "weekly"] as const).map((x) => ({ value: x, label: t(`training.series.repeats.${x}`) }))}
      />
      <CheckboxGroup field={fields.weekdays} label={t("training.series.weekdays")} hint={t("training.series.weekdaysHint")} options={weekdays} />
      <SelectField
        field={fields.repeatEnd}
        label={t("training.series.ends")}
        options={(["until", "count"] as const).map((x) => ({ value: x, label: t(`training.series.endsBy.${x}`) }))}
      />
      <div className="grid grid-2">
        <TextField field={fields.until} type="date" label={t("training.series.until")} hint={t("training.series.untilHint")} />
        <TextField
          field={fields.count}
          type="number"
          inputMode="numeric"
          label={t("training.series.count")}
          hint={t("training.series.countHint", { max: maxCount })}
        />
      </div>
    </fieldset>
  );
}
