/**
 * The host site forms for actions: the profile schema with contact phones checked by
 * libphonenumber-js (a `.server` module, so its metadata never reaches the browser; issue 14).
 */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { hostSiteSchemaWith } from "./host-site";

export * from "./host-site";

/** A real phone number in the site's country (its default region) or in E.164. */
function isPhone(phone: string, country: string): boolean {
  return !!parsePhoneNumberFromString(phone, country as CountryCode)?.isValid();
}

/** The profile form as the actions check it (phones included). */
export const hostSiteSchema = hostSiteSchemaWith(isPhone);

/** Contact phone numbers in E.164 (parsed with the site's country as default region). */
export function normalizePhone(phone: string | undefined, country: string): string | undefined {
  if (!phone) return undefined;
  const p = parsePhoneNumberFromString(phone, country as CountryCode);
  return p?.isValid() ? p.number : phone;
}
