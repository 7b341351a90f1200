/**
 * Fixed rows of the application form: languages with level, and ranked host-country choices.
 * The rows are always rendered (empty ones too), so the form works without JavaScript; each
 * control is bound by name (`languages[2].level`) so its errors appear next to it.
 */
import { useTranslation } from "react-i18next";
import { ErrorList, SelectField } from "~/components/form";
import type { Fields } from "./sections";
import { HOST_CHOICES, MAX_LANGUAGE_ROWS } from "~/forms/application-fields";
import type { Option } from "./options";

function BoundSelect({ fields, name, label, options, placeholder }: { fields: Fields; name: string; label: string; options: Option[]; placeholder: string }) {
  return <SelectField field={fields[name]} label={label} options={options} placeholder={placeholder} />;
}

export function LanguageRows({ fields, languages, levels }: { fields: Fields; languages: Option[]; levels: Option[] }) {
  const { t } = useTranslation();
  const list = fields.languages;
  return (
    <fieldset aria-describedby={list.errors ? list.errorId : undefined}>
      <legend>{t("apply.form.languages")}</legend>
      <p className="hint">{t("apply.form.languagesHint")}</p>
      {Array.from({ length: MAX_LANGUAGE_ROWS }, (_, i) => (
        <div key={i} className="grid grid-2">
          <BoundSelect
            fields={fields}
            name={`languages[${i}].code`}
            label={t("apply.form.languageN", { n: i + 1 })}
            options={languages}
            placeholder={t("apply.form.chooseLanguage")}
          />
          <BoundSelect
            fields={fields}
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

export function HostChoices({ fields, countries }: { fields: Fields; countries: Option[] }) {
  const { t } = useTranslation();
  const list = fields.preferredHostCountries;
  return (
    <fieldset aria-describedby={list.errors ? list.errorId : undefined}>
      <legend>{t("apply.form.hostCountries")}</legend>
      <p className="hint">{t("apply.form.hostCountriesHint")}</p>
      {Array.from({ length: HOST_CHOICES }, (_, i) => (
        <BoundSelect
          fields={fields}
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
