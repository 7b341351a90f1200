import { useTranslation } from "react-i18next";

/**
 * A select in a list page's GET filter form: a labelled `<select name={name}>` whose first option,
 * "All" (value ""), means no filter. `value` is the current filter from the query string ("" or
 * undefined for none); options are shown in the order given. An option showing organizer-written
 * text (an edition's name) gives its `lang` (issue 11), as LocalText marks it.
 */
export function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string | number;
  options: { value: string; label: string; lang?: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value === undefined ? "" : String(value)}>
        <option value="">{t("common.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
