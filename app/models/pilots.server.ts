/**
 * Pilot programmes (issue 16): pilot villages and projects, their plan (milestones, budget,
 * exchange rates), the life cycle, and proposals from action plans. The area's use cases as
 * routes call them; each takes the acting user and checks scope itself.
 */
export * from "./pilots/plan.server";
export * from "./pilots/projects.server";
export * from "./pilots/proposals.server";
export * from "./pilots/scope.server";
export * from "./pilots/villages.server";
export * from "./pilots/views.server";
export * from "./pilots/monitoring.server";
export * from "./pilots/report.server";
export * from "./pilots/project-page.server";
export * from "./pilots/map.server";
export * from "./pilots/strand.server";
export * from "./pilots/adjustments.server";
export * from "./pilots/visits.server";
