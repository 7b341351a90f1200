/**
 * The fixed word lists of pilot programmes (issue 16), kept apart from the database schema
 * (db/schema/pilots.ts imports them) so that pages can list components, statuses and stages
 * without pulling drizzle into the browser (issue 14 script budget). Pure: no database.
 */

/** What a pilot project builds or does; "other" carries the organizers' own words. */
export const PILOT_COMPONENTS = ["infrastructure", "public_service", "skills_training", "technology_upgrade", "other"] as const;
export type PilotComponent = (typeof PILOT_COMPONENTS)[number];

/** The life cycle's states (app/domain/pilots/lifecycle.ts has the steps). */
export const PILOT_STATUSES = ["proposed", "approved", "in_progress", "completed", "suspended"] as const;
export type PilotStatus = (typeof PILOT_STATUSES)[number];

/**
 * Survey stages of a pilot project (the edition's stages, as a project lives them): baseline
 * before work starts, periodic monitoring while it runs, final at completion, and ex post
 * evaluation (12 and 24 months after completion).
 */
export const PILOT_STAGES = ["baseline", "periodic", "final", "ex_post"] as const;
export type PilotStage = (typeof PILOT_STAGES)[number];
