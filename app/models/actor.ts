/**
 * The acting user, as every use case receives it (docs/design.md "The people"). Scope checks live in
 * the use cases; these helpers only answer "may this actor act as X here".
 */
import { NotFoundError } from "./errors";

export type Actor = {
  id: number;
  email: string;
  displayName: string;
  locale: string;
  timeZone: string | null;
  isOrganizer: boolean;
  /** Member countries this user is the national focal point of. */
  focalPointCountries: string[];
  isHostCoordinator: boolean;
};

/** Throws NotFoundError (404) unless the actor is an organizer: pages of other roles do not leak. */
export function requireOrganizer(actor: Actor): void {
  if (!actor.isOrganizer) throw new NotFoundError("organizer page");
}

/** Throws NotFoundError unless the actor is the focal point of `country` (or any, if omitted). */
export function requireFocalPoint(actor: Actor, country?: string | null): void {
  if (actor.focalPointCountries.length === 0) throw new NotFoundError("focal point page");
  if (country !== undefined && (!country || !actor.focalPointCountries.includes(country))) {
    throw new NotFoundError("country");
  }
}
