/**
 * Who sees which pilot (docs/design.md "The people", issue 16): organizers see and edit every pilot;
 * a focal point sees the pilots of their country; a local lead and the person who proposed a
 * project see that project. Nobody else sees a pilot at all: out of scope answers 404.
 * Only organizers edit.
 */
import { eq, or } from "drizzle-orm";
import { db, t, type Db } from "../../db.server";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";

type ProjectRow = typeof t.pilotProjects.$inferSelect;
type VillageRow = typeof t.pilotVillages.$inferSelect;

/** True when `actor` may see `project` (in `village`). */
export function canSeeProject(
  actor: Actor,
  project: Pick<ProjectRow, "localLeadUserId" | "proposedByUserId">,
  village: Pick<VillageRow, "countryCode">,
): boolean {
  return (
    actor.isOrganizer ||
    actor.focalPointCountries.includes(village.countryCode) ||
    project.localLeadUserId === actor.id ||
    project.proposedByUserId === actor.id
  );
}

/** The project and its village when `actor` may see it; NotFoundError otherwise. */
export function projectInScope(actor: Actor, projectId: number, tx: Db = db()) {
  const row = tx
    .select({ p: t.pilotProjects, v: t.pilotVillages })
    .from(t.pilotProjects)
    .innerJoin(t.pilotVillages, eq(t.pilotVillages.id, t.pilotProjects.villageId))
    .where(eq(t.pilotProjects.id, projectId))
    .get();
  if (!row || !canSeeProject(actor, row.p, row.v)) throw new NotFoundError("pilot project");
  return { project: row.p, village: row.v };
}

/** Pilot pages at all: organizers, focal points, and anyone who leads or proposed a project. */
export function hasPilotAccess(actor: Actor, tx: Db = db()): boolean {
  if (actor.isOrganizer || actor.focalPointCountries.length) return true;
  const mine = tx
    .select({ id: t.pilotProjects.id })
    .from(t.pilotProjects)
    .where(or(eq(t.pilotProjects.localLeadUserId, actor.id), eq(t.pilotProjects.proposedByUserId, actor.id)))
    .limit(1)
    .get();
  return mine !== undefined;
}
