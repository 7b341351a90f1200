/** Sections of the application form (ApplicationForm.tsx puts them together). */
import { useTranslation } from "react-i18next";
import { CheckboxGroup, checkboxProps, ErrorList, SelectField, TextAreaField, TextField, type FieldMetadata } from "~/components/form";
import { GENDERS, POSITION_KINDS } from "~/domain/vocabulary";
import { type Option, vocabOptions } from "./options";

/** The form's fields by name, nested names included (`languages[0].code`): ~/forms/server-form. */
export type Fields = Record<string, FieldMetadata>;

export function PersonSection({ fields, countries, fixedNationality }: { fields: Fields; countries: Option[]; fixedNationality?: string }) {
  const { t } = useTranslation();
  const fixed = fixedNationality ? countries.find((c) => c.value === fixedNationality) : undefined;
  return (
    <fieldset>
      {/* In nominate mode (the nationality is fixed) the focal point fills it in about the nominee. */}
      <legend>{t(fixedNationality ? "apply.form.personNominee" : "apply.form.person")}</legend>
      <p className="hint">{t("apply.form.namesHint")}</p>
      <div className="grid grid-2">
        <TextField field={fields.givenName} label={t("apply.form.givenName")} autoComplete="given-name" required />
        <TextField field={fields.familyName} label={t("apply.form.familyName")} hint={t("apply.form.familyNameHint")} autoComplete="family-name" />
        <TextField field={fields.givenNameLatin} label={t("apply.form.givenNameLatin")} lang="en" required />
        <TextField field={fields.familyNameLatin} label={t("apply.form.familyNameLatin")} lang="en" />
      </div>
      <SelectField
        field={fields.nameOrder}
        label={t("apply.form.nameOrder")}
        placeholder={t("apply.form.nameOrderUsual")}
        options={[
          { value: "given_first", label: t("nameOrder.given_first") },
          { value: "family_first", label: t("nameOrder.family_first") },
        ]}
      />
      <div className="grid grid-2">
        <SelectField
          field={fields.gender}
          label={t("apply.form.gender")}
          placeholder={t("apply.form.choose")}
          options={vocabOptions(GENDERS, "genders", t)}
          required
        />
        <TextField field={fields.birthDate} type="date" label={t("apply.form.birthDate")} hint={t("apply.form.dateHint")} autoComplete="bday" required />
      </div>
      {fixed ? (
        <div className="field">
          <input type="hidden" name={fields.nationality.name} value={fixed.value} />
          <span style={{ fontWeight: 600 }}>{t("apply.form.nationality")}</span>
          <p style={{ margin: 0 }}>{fixed.label}</p>
        </div>
      ) : (
        <SelectField field={fields.nationality} label={t("apply.form.nationality")} placeholder={t("apply.form.choose")} options={countries} required />
      )}
      <TextField field={fields.phone} type="tel" label={t("apply.form.phone")} hint={t("apply.form.phoneHint")} autoComplete="tel" inputMode="tel" required />
    </fieldset>
  );
}

export function VillageSection({ fields }: { fields: Fields }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("apply.form.villageSection")}</legend>
      <div className="grid grid-2">
        <TextField field={fields.village} label={t("apply.form.village")} required />
        <TextField field={fields.district} label={t("apply.form.district")} />
        <TextField field={fields.province} label={t("apply.form.province")} required />
        <TextField field={fields.position} label={t("apply.form.position")} hint={t("apply.form.positionHint")} required />
        <SelectField
          field={fields.positionKind}
          label={t("apply.form.positionKind")}
          placeholder={t("apply.form.choose")}
          options={vocabOptions(POSITION_KINDS, "positions", t)}
          required
        />
        <TextField field={fields.yearsInPosition} type="number" inputMode="numeric" label={t("apply.form.yearsInPosition")} required />
      </div>
    </fieldset>
  );
}

export function ExchangeSection({ fields, themes }: { fields: Fields; themes: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("apply.form.exchange")}</legend>
      <CheckboxGroup field={fields.themes} label={`${t("apply.form.themes")} (${t("common.required")})`} options={vocabOptions(themes, "themes", t)} />
      <div className="grid grid-2">
        <TextField field={fields.availableFrom} type="date" label={t("apply.form.availableFrom")} hint={t("apply.form.dateHint")} required />
        <TextField field={fields.availableTo} type="date" label={t("apply.form.availableTo")} hint={t("apply.form.dateHint")} required />
      </div>
    </fieldset>
  );
}

/** On the nominate form: the needs section is the nominee's own, with their consent. */
export function NomineeNeedsNote() {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("apply.form.needs")}</legend>
      <p className="hint">{t("apply.form.nomineeNeedsNote")}</p>
    </fieldset>
  );
}

export function NeedsSection({ fields }: { fields: Fields }) {
  const { t } = useTranslation();
  const consent = checkboxProps(fields.sensitiveConsent);
  return (
    <fieldset>
      <legend>{t("apply.form.needs")}</legend>
      <p className="hint">{t("apply.form.needsHint")}</p>
      <TextAreaField field={fields.dietaryNeeds} label={t("apply.form.dietaryNeeds")} rows={2} />
      <TextAreaField field={fields.accessibilityNeeds} label={t("apply.form.accessibilityNeeds")} rows={2} />
      <div className="field">
        <label className="check">
          <input {...consent} />
          {t("apply.form.sensitiveConsent")}
        </label>
        <ErrorList id={fields.sensitiveConsent.errorId} errors={fields.sensitiveConsent.errors} />
      </div>
    </fieldset>
  );
}

export function ContactSection({ fields }: { fields: Fields }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("apply.form.emergency")}</legend>
      <div className="grid grid-2">
        <TextField field={fields.emergencyContactName} label={t("apply.form.emergencyName")} required />
        <TextField field={fields.emergencyContactRelation} label={t("apply.form.emergencyRelation")} required />
      </div>
      <TextField
        field={fields.emergencyContactPhone}
        type="tel"
        inputMode="tel"
        label={t("apply.form.emergencyPhone")}
        hint={t("apply.form.phoneHint")}
        required
      />
    </fieldset>
  );
}

export function MotivationSection({ fields, nominee = false }: { fields: Fields; nominee?: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t("apply.form.motivationSection")}</legend>
      <TextAreaField
        field={fields.motivation}
        label={t(nominee ? "apply.form.motivationNominee" : "apply.form.motivation")}
        hint={t(nominee ? "apply.form.motivationHintNominee" : "apply.form.motivationHint")}
        rows={6}
        required
      />
    </fieldset>
  );
}
