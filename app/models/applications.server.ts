/**
 * Applications and review: the application form's life cycle, the focal point's endorsement and nominations, the organizers' review, CSV import of nominees.
 * The area's use cases as routes call them; each takes the acting user and checks scope itself.
 */
export * from "./applications/applications.server";
export * from "./applications/core.server";
export * from "./applications/focal-review.server";
export * from "./applications/import-actions.server";
export * from "./applications/import.server";
export * from "./applications/nominations.server";
export * from "./applications/review.server";
