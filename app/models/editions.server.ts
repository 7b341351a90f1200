/**
 * Editions: one run of the programme, its dates, mode and per-country quotas.
 * The area's use cases as routes call them; each takes the acting user and checks scope itself.
 */
export * from "./editions/editions.server";
