/** An amount in minor units, written with the currency's display digits (app/domain/pilots/money.ts). */
import { useTranslation } from "react-i18next";
import { formatMoney } from "~/domain/pilots/money";

export function Money({ minor, currency }: { minor: number; currency: string }) {
  const { i18n } = useTranslation();
  return <>{formatMoney(minor, currency, i18n.language)}</>;
}
