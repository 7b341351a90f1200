/** Small display pieces of the host pages (badges, lists of themes and languages). */
import { useTranslation } from "react-i18next";
import { languageName } from "~/domain/vocabulary";

/** A vetting, visit or placement status as a badge (text, not colour alone). */
export function StatusBadge({ status, kind }: { status: string; kind: "vetting" | "visit" | "placement" }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`hosts.status.${kind}.${status}`)}</span>;
}

export function ThemeList({ themes }: { themes: string[] }) {
  const { t } = useTranslation();
  if (!themes.length) return <span className="muted">{t("common.none")}</span>;
  return (
    <ul className="pill-list">
      {themes.map((th) => (
        <li key={th}>{t(`themes.${th}`)}</li>
      ))}
    </ul>
  );
}

/** Language names in the page's language, joined with commas. */
export function useLanguageNames() {
  const { i18n } = useTranslation();
  return (codes: string[]) => codes.map((c) => languageName(c, i18n.language)).join(", ");
}

export function LanguageText({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const names = useLanguageNames();
  return codes.length ? <>{names(codes)}</> : <span className="muted">{t("common.none")}</span>;
}
