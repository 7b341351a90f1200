/**
 * Hosts and visits: host site profiles and vetting, exchange visits, who is coming, the edition's seat overview.
 * The area's use cases as routes call them; each takes the acting user and checks scope itself.
 */
export * from "./hosts/edition-visits.server";
export * from "./hosts/site-admin.server";
export * from "./hosts/sites.server";
export * from "./hosts/visit-participants.server";
export * from "./hosts/visits.server";
export * from "./hosts/holidays.server";
