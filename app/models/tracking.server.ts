/**
 * Attendance and tracking: check-in lists, attendance marks, certificates, the dashboard and CSV exports.
 * The area's use cases as routes call them; each takes the acting user and checks scope itself.
 */
export * from "./tracking/attendance-actions.server";
export * from "./tracking/attendance.server";
export * from "./tracking/certificates.server";
export * from "./tracking/dashboard.server";
export * from "./tracking/exports.server";
export * from "./tracking/sql.server";
export * from "./tracking/certificate-issue.server";
export * from "./tracking/checkin-tokens.server";
