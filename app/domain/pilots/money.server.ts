/**
 * The currency of a member country, from countries-list (a world table: server only, issue 14
 * script budget; pages get the project's currency code in their loader data). Money arithmetic
 * and formatting: ./money.ts.
 */
import { countries as countryInfo } from "countries-list";

/** ISO 4217 code of the member country's currency (e.g. LA → LAK); throws for an unknown country. */
export function currencyOf(countryCode: string): string {
  const info = (countryInfo as Record<string, { currency: string[] }>)[countryCode];
  if (!info?.currency?.length) throw new Error(`no currency for ${countryCode}`);
  return info.currency[0];
}
