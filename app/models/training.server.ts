/**
 * Training: sessions' life cycle and saving with conflict checks, venues/trainers/interpreters, enrolment with waiting lists, itineraries and calendar feeds.
 * The area's use cases as routes call them; each takes the acting user and checks scope itself.
 */
export * from "./training/conflicts.server";
export * from "./training/enrolment-seats.server";
export * from "./training/enrolments.server";
export * from "./training/feeds.server";
export * from "./training/itinerary.server";
export * from "./training/list.server";
export * from "./training/messages.server";
export * from "./training/resources.server";
export * from "./training/save.server";
export * from "./training/trainings.server";
export * from "./training/series.server";
