/** Turns a stored application into the form's string values (ApplicationForm `defaultValue`). */
import type { Application } from "~/models/applications/applications.server";
import { HOST_CHOICES, MAX_LANGUAGE_ROWS, type ApplicationFormValues } from "~/forms/application-fields";

/** The stored application as the form's string values (rows padded so none is missing). */
export function toFormValues(
  app: Omit<Application, "id" | "editionId" | "userId" | "nominatedBy" | "status" | "searchName" | "statusReason" | "submittedAt" | "createdAt" | "updatedAt">,
): ApplicationFormValues {
  const s = (v: string | null | undefined) => v ?? "";
  const fresh = !app.nationality;
  return {
    givenName: app.givenName,
    familyName: app.familyName,
    givenNameLatin: app.givenNameLatin,
    familyNameLatin: app.familyNameLatin,
    nameOrder: fresh ? "" : app.nameOrder,
    gender: s(app.gender),
    birthDate: s(app.birthDate),
    nationality: s(app.nationality),
    village: app.village,
    district: app.district,
    province: app.province,
    position: app.position,
    positionKind: s(app.positionKind),
    yearsInPosition: app.yearsInPosition === null ? "" : String(app.yearsInPosition),
    languages: Array.from({ length: MAX_LANGUAGE_ROWS }, (_, i) => ({ code: s(app.languages[i]?.code), level: s(app.languages[i]?.level) })),
    themes: app.themes,
    preferredHostCountries: Array.from({ length: HOST_CHOICES }, (_, i) => s(app.preferredHostCountries[i])),
    availableFrom: s(app.availableFrom),
    availableTo: s(app.availableTo),
    dietaryNeeds: app.dietaryNeeds,
    accessibilityNeeds: app.accessibilityNeeds,
    sensitiveConsent: app.sensitiveConsentAt ? "on" : "",
    emergencyContactName: app.emergencyContactName,
    emergencyContactRelation: app.emergencyContactRelation,
    emergencyContactPhone: app.emergencyContactPhone,
    phone: app.phone,
    motivation: app.motivation,
  };
}

/** A blank form (rows padded), for someone who has not saved anything yet (no application row exists). */
export function emptyFormValues(): ApplicationFormValues {
  return {
    languages: Array.from({ length: MAX_LANGUAGE_ROWS }, () => ({ code: "", level: "" })),
    themes: [],
    preferredHostCountries: Array.from({ length: HOST_CHOICES }, () => ""),
  };
}
