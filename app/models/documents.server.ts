/**
 * Documents: files kept for an owner and a kind (store.server.ts: the generic API any area may use),
 * a participant's passport scan, badge photo and consent form (participants.server.ts) and their
 * retention (retention.server.ts). Routes import from here.
 */
export * from "./documents/store.server";
export * from "./documents/participants.server";
export * from "./documents/retention.server";
