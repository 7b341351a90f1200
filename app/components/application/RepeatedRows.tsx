/**
 * Fixed rows of the application form: languages with level, and ranked host-country choices.
 * The rows are always rendered (empty ones too), so the form works without JavaScript; each
 * control is bound by name (`languages[2].level`) so its errors appear next to it.
 */
import { useField, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ErrorList, SelectField } from "~/components/form";
import { HOST_CHOICES, MAX_LANGUAGE_ROWS } from "~/forms/application";
import type { Option } from "./options";

function BoundSelect({ name, label, options, placeholder }: { name: string; label: string; options: Option[]; placeholder: string }) {
  const [field] = useField<string>(name);
  return <SelectField field={field as FieldMetadata<string | undefined>} label={label} options={options} placeholder={placeholder} />;
}

export function LanguageRows({ languages, levels }: { languages: Option[]; levels: Option[] }) {
  const { t } = useTranslation();
  const [list] = useField<unknown>("languages");
  return (
    <fieldset aria-describedby={list.errors ? list.errorId : undefined}>
      <legend>{t("apply.form.languages")}</legend>
      <p className="hint">{t("apply.form.languagesHint")}</p>
      {Array.from({ length: MAX_LANGUAGE_ROWS }, (_, i) => (
        <div key={i} className="grid grid-2">
          <BoundSelect
            name={`languages[${i}].code`}
            label={t("apply.form.languageN", { n: i + 1 })}
            options={languages}
            placeholder={t("apply.form.chooseLanguage")}
          />
          <BoundSelect
            name={`languages[${i}].level`}
            label={t("apply.form.levelN", { n: i + 1 })}
            options={levels}
            placeholder={t("apply.form.chooseLevel")}
          />
        </div>
      ))}
      <ErrorList id={list.errorId} errors={list.errors} />
    </fieldset>
  );
}

export function HostChoices({ countries }: { countries: Option[] }) {
  const { t } = useTranslation();
  const [list] = useField<unknown>("preferredHostCountries");
  return (
    <fieldset aria-describedby={list.errors ? list.errorId : undefined}>
      <legend>{t("apply.form.hostCountries")}</legend>
      <p className="hint">{t("apply.form.hostCountriesHint")}</p>
      {Array.from({ length: HOST_CHOICES }, (_, i) => (
        <BoundSelect
          key={i}
          name={`preferredHostCountries[${i}]`}
          label={t(`apply.form.choice${i + 1}`)}
          options={countries}
          placeholder={t("apply.form.noChoice")}
        />
      ))}
      <ErrorList id={list.errorId} errors={list.errors} />
    </fieldset>
  );
}
