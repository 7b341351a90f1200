/**
 * Placement: the engine's instance, the organizers' board, manual changes with overrides, offers and replies.
 * The area's use cases as routes call them; each takes the acting user and checks scope itself.
 */
export * from "./placement/board-view.server";
export * from "./placement/board.server";
export * from "./placement/checks.server";
export * from "./placement/instance.server";
export * from "./placement/offers.server";
export * from "./placement/placements.server";
