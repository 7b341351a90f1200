/**
 * The organizer's list of invitations (sending one is accounts.server.ts inviteToRole).
 */
import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, t } from "../../db.server";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";

export type InvitationState = "pending" | "accepted" | "expired";

/** Organizer only: invitations, newest first, with their state and who sent and accepted them. */
export function listInvitations(actor: Actor, now = new Date()) {
  requireOrganizer(actor);
  const inviter = alias(t.users, "inviter");
  const accepter = alias(t.users, "accepter");
  const nowIso = now.toISOString();
  return db()
    .select({
      id: t.invitations.id,
      email: t.invitations.email,
      role: t.invitations.role,
      countryCode: t.invitations.countryCode,
      createdAt: t.invitations.createdAt,
      expiresAt: t.invitations.expiresAt,
      acceptedAt: t.invitations.acceptedAt,
      invitedBy: inviter.displayName,
      acceptedBy: accepter.displayName,
    })
    .from(t.invitations)
    .leftJoin(inviter, eq(inviter.id, t.invitations.invitedBy))
    .leftJoin(accepter, eq(accepter.id, t.invitations.acceptedBy))
    .orderBy(desc(t.invitations.id))
    .limit(500)
    .all()
    .map((i) => ({
      ...i,
      state: (i.acceptedAt ? "accepted" : i.expiresAt <= nowIso ? "expired" : "pending") as InvitationState,
    }));
}
