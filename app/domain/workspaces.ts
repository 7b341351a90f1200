/**
 * Where a person lands after logging in (issue 12, item 10). Each role has its own workspace:
 * organizer /admin, focal point /focal, host coordinator /host; everyone may apply, so a person
 * with none of those roles lands on /me ("My applications"). A person holding several roles picks
 * on /workspaces. Pure: no database, no Remix.
 */

export type WorkspaceRole = "organizer" | "focalPoint" | "host" | "applicant";

export type Workspace = { role: WorkspaceRole; path: string };

/** The roles a person holds, as the header and the chooser need them. */
export type RoleFlags = { isOrganizer: boolean; isFocalPoint: boolean; isHostCoordinator: boolean };

/** The path of the page where a person holding several roles picks a workspace. */
export const CHOOSER_PATH = "/workspaces";

/**
 * The workspaces of a person's roles, most programme-wide first (organizer, focal point, host);
 * "applicant" (/me) is always last, since every account may apply.
 */
export function workspacesFor(roles: RoleFlags): Workspace[] {
  const list: Workspace[] = [];
  if (roles.isOrganizer) list.push({ role: "organizer", path: "/admin" });
  if (roles.isFocalPoint) list.push({ role: "focalPoint", path: "/focal" });
  if (roles.isHostCoordinator) list.push({ role: "host", path: "/host" });
  list.push({ role: "applicant", path: "/me" });
  return list;
}

/**
 * The landing path after login: the one role's workspace, /me for a person with no role, or the
 * chooser when the person holds two or more of organizer, focal point and host coordinator.
 */
export function landingPath(roles: RoleFlags): string {
  const staff = workspacesFor(roles).filter((w) => w.role !== "applicant");
  if (staff.length === 0) return "/me";
  if (staff.length === 1) return staff[0]!.path;
  return CHOOSER_PATH;
}
