/**
 * Accounts: sign-up, log-in sessions, password reset, invitations, personal data (download, erasure).
 * The area's use cases as routes call them; each takes the acting user and checks scope itself.
 */
export * from "./accounts/accounts.server";
export * from "./accounts/invitations.server";
export * from "./accounts/privacy.server";
