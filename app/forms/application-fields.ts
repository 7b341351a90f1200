/**
 * What the application form's component needs of the form, without its zod schemas
 * (./application.ts): the form is checked on the server only, so the browser never loads zod or
 * phone metadata for it (issue 14 script budget).
 */

/** Fixed numbers of rows, rendered empty so the form works without JavaScript. */
export const MAX_LANGUAGE_ROWS = 5;
export const HOST_CHOICES = 3;
export const BIRTH_DATE_MIN = "1920-01-01";

/** The form's values as strings, as the form component receives them (`defaultValue`). */
export type ApplicationFormValues = {
  email?: string;
  givenName?: string;
  familyName?: string;
  givenNameLatin?: string;
  familyNameLatin?: string;
  nameOrder?: string;
  gender?: string;
  birthDate?: string;
  nationality?: string;
  village?: string;
  district?: string;
  province?: string;
  position?: string;
  positionKind?: string;
  yearsInPosition?: string;
  languages?: { code?: string; level?: string }[];
  themes?: string[];
  preferredHostCountries?: string[];
  availableFrom?: string;
  availableTo?: string;
  dietaryNeeds?: string;
  accessibilityNeeds?: string;
  sensitiveConsent?: string;
  emergencyContactName?: string;
  emergencyContactRelation?: string;
  emergencyContactPhone?: string;
  phone?: string;
  motivation?: string;
};
