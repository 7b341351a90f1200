/**
 * Evaluation: indicators, survey templates and stages, personal links, responses, results and plan adjustments.
 * The area's use cases as routes call them; each takes the acting user and checks scope itself.
 */
export * from "./evaluation/adjustments.server";
export * from "./evaluation/indicators.server";
export * from "./evaluation/links.server";
export * from "./evaluation/mine.server";
export * from "./evaluation/page.server";
export * from "./evaluation/reminders.server";
export * from "./evaluation/responses.server";
export * from "./evaluation/results-view.server";
export * from "./evaluation/results.server";
export * from "./evaluation/surveys.server";
export * from "./evaluation/templates.server";
export * from "./evaluation/view.server";
export * from "./evaluation/anonymous.server";
export * from "./evaluation/anonymous-results.server";
