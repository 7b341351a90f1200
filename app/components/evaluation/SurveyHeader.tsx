/** The survey page's heading: stage, title, window and (for pulses) the day answered. */
import { useTranslation } from "react-i18next";
import type { SurveyViewData } from "~/models/evaluation/view.server";

export function stageLabel(t: (k: string, o?: Record<string, unknown>) => string, stage: string, months: number): string {
  return stage === "follow_up" ? t("evaluation.stages.follow_up_n", { months }) : t(`evaluation.stages.${stage}`);
}

export function SurveyHeader({ view }: { view: Pick<SurveyViewData, "stage" | "monthsAfter" | "title" | "opensOn" | "closesOn" | "periodLabel"> }) {
  const { t } = useTranslation();
  return (
    <header>
      <p className="muted" style={{ margin: 0 }}>
        {stageLabel(t, view.stage, view.monthsAfter)}
      </p>
      <h1 style={{ marginTop: ".2rem" }}>{view.title}</h1>
      <p className="muted">
        {view.periodLabel ? t("evaluation.survey.forDay", { day: view.periodLabel }) : t("evaluation.me.window", { from: view.opensOn, to: view.closesOn })}
      </p>
    </header>
  );
}
