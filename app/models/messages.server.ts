/** Messages (issue 15, item 5): e-mail templates, announcements, the outbox. What routes import. */
export * from "./messages/templates.server";
export * from "./messages/announcements.server";
export * from "./messages/outbox.server";
