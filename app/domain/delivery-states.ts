/**
 * Delivery states of an outbox message, as organizers see them (docs/design.md "Messages"): queued,
 * sent, failed (with the SMTP reason) or recorded (no SMTP server set). Shared by the server and the
 * outbox page, which draws its filter from this list in the browser too (a `.server` module is empty
 * there).
 */
export type DeliveryState = "queued" | "sent" | "failed" | "recorded";
export const DELIVERY_STATES: readonly DeliveryState[] = ["queued", "sent", "failed", "recorded"];
