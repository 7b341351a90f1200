/**
 * Visa invitation letters (issue 15, item 3): the participant's passport details (consent-bound),
 * letters per participant and host country, bulk generation, revocation, reissue and public
 * verification. Each use case takes the acting user and checks scope itself.
 */
export * from "./visa/passports.server";
export * from "./visa/letters.server";
export * from "./visa/overview.server";
export * from "./visa/view.server";
