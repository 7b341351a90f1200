/** The survey page's heading: stage, title, window and (for pulses) the day answered. */
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/domain/format";
import type { SurveyViewData } from "~/models/evaluation/view.server";

/**
 * A survey stage's name; a follow-up names its months only when they are known (an edition's
 * survey). A template has no months of its own (each edition sets them), so `months` 0 or an empty
 * list gives plain "Follow-up", never "after 0 months" (issue 12, item 12). The months are written
 * in `lng`'s digits (Burmese "၃, ၆"), not String()'s Latin ones.
 */
export function stageLabel(t: (k: string, o?: Record<string, unknown>) => string, stage: string, months: number | readonly number[], lng: string): string {
  if (stage !== "follow_up") return t(`evaluation.stages.${stage}`);
  const list = (typeof months === "number" ? [months] : [...months]).filter((m) => m > 0);
  if (list.length === 0) return t("evaluation.stages.follow_up");
  // `count` picks the plural form: several months read as plural ("after 3, 6 months").
  return t("evaluation.stages.follow_up_n", {
    months: list
      .sort((a, b) => a - b)
      .map((m) => formatNumber(m, lng, 0))
      .join(", "),
    count: list.length > 1 ? list.length : list[0],
  });
}

export function SurveyHeader({
  view,
}: {
  view: Pick<SurveyViewData, "stage" | "monthsAfter" | "title" | "titleLang" | "opensOn" | "closesOn" | "periodLabel">;
}) {
  const { t, i18n } = useTranslation();
  return (
    <header>
      <p className="muted" style={{ margin: 0 }}>
        {stageLabel(t, view.stage, view.monthsAfter, i18n.language)}
      </p>
      <h1 style={{ marginTop: ".2rem" }} lang={view.titleLang}>
        {view.title}
      </h1>
      <p className="muted">
        {view.periodLabel ? t("evaluation.survey.forDay", { day: view.periodLabel }) : t("evaluation.me.window", { from: view.opensOn, to: view.closesOn })}
      </p>
    </header>
  );
}
