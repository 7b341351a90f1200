/**
 * Translations of one organizer-written field, entered side by side (issue 11, item 8): one input
 * per interface language except English (the field's own input), inside a `<details>` so a phone
 * shows one line until opened. Plain inputs named `<prefix>.<field>.<lng>` (conform reads them as
 * a nested object), so the form works without JavaScript and typed values survive a refused submit
 * (pass the submitted values back as `values`).
 */
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/form";
import { contentLngs, type LocalText } from "~/domain/local-text";
import { LANGUAGE_LABELS } from "~/i18n";

/** A language's name in its own language and script (for labels). */
export function nativeLanguageName(lng: string): string {
  const known = (LANGUAGE_LABELS as Record<string, string>)[lng];
  if (known) return known;
  try {
    return new Intl.DisplayNames([lng], { type: "language" }).of(lng) ?? lng;
  } catch {
    return lng;
  }
}

export function TranslationsFieldset({
  prefix = "tr",
  field,
  label,
  values,
  errors,
  multiline = false,
  formId,
}: {
  prefix?: string;
  field: string;
  label: string;
  values?: LocalText | null;
  /** conform's `form.allErrors` (keyed by input name). */
  errors?: Record<string, string[] | undefined>;
  multiline?: boolean;
  formId?: string;
}) {
  const { t } = useTranslation();
  const lngs = contentLngs().filter((l) => l !== "en");
  if (!lngs.length) return null;
  const filled = lngs.filter((l) => values?.[l]?.trim()).length;
  const hasErrors = lngs.some((l) => errors?.[`${prefix}.${field}.${l}`]?.length);
  const base = `${formId ?? "f"}-${prefix}-${field}`;
  return (
    <details className="translations" open={hasErrors || undefined}>
      <summary>
        {t("content.translations", { field: label })} <span className="muted">({t("content.filled", { count: filled })})</span>
      </summary>
      <fieldset className="stack">
        <legend className="visually-hidden">{t("content.translations", { field: label })}</legend>
        <p className="hint">{t("content.translationsHint")}</p>
        {lngs.map((l) => {
          const name = `${prefix}.${field}.${l}`;
          const id = `${base}-${l}`;
          const errs = errors?.[name];
          const common = {
            id,
            name,
            lang: l,
            dir: "auto" as const,
            defaultValue: values?.[l] ?? "",
            "aria-invalid": errs?.length ? true : undefined,
            "aria-describedby": errs?.length ? `${id}-error` : undefined,
          };
          return (
            <div className="field" key={`${l}-${values?.[l] ?? ""}`}>
              <label htmlFor={id}>
                <span lang={l}>{nativeLanguageName(l)}</span> <span className="muted">({l})</span>
              </label>
              {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
              <ErrorList id={`${id}-error`} errors={errs} />
            </div>
          );
        })}
      </fieldset>
    </details>
  );
}
