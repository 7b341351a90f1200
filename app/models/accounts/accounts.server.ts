/**
 * Accounts use cases: sign up, log in (rate limited), password reset by mailed link, claiming a
 * nominee's account, and organizer invitations for focal points and host coordinators.
 *
 * Passwords are hashed with argon2id (@node-rs/argon2, OWASP Password Storage Cheat Sheet
 * parameters: m=19 MiB, t=2, p=1). Tokens are 32 random bytes; only their SHA-256 is stored.
 */
import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db, immediate, preparedQuery, t } from "../../db.server";
import { getEnv } from "../../env.server";
import { sendMail } from "../../mail.server";
import { composeMail } from "../messages/templates.server";
import { isMemberCountry } from "../../domain/countries";
import { userNameColumns } from "../../domain/names";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { FieldErrors, NotFoundError, RuleError } from "../errors";
import { recordAudit } from "../audit.server";
import { translatorFor } from "../../i18n.server";
import { assertLoginAllowed, consumeAttempt, recordLoginFailure, recordLoginSuccess } from "./rate-limits.server";

// algorithm 2 = Argon2id (a const enum in the typings, so spelled as its value here).
const ARGON = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

const RESET_TTL_MIN = 60;
const CLAIM_TTL_DAYS = 14;
const INVITE_TTL_DAYS = 7;

/** Trimmed and lower-cased (docs/design.md "E-mail"). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

function sha256(s: string) {
  return crypto.createHash("sha256").update(s).digest("hex");
}

function newToken() {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: sha256(token) };
}

// Every signed-in page loads its actor: both statements are compiled once per connection.
const userById = preparedQuery((d) =>
  d
    .select()
    .from(t.users)
    .where(eq(t.users.id, sql.placeholder("id")))
    .prepare(),
);
const grantsOfUser = preparedQuery((d) =>
  d
    .select()
    .from(t.roleGrants)
    .where(eq(t.roleGrants.userId, sql.placeholder("id")))
    .prepare(),
);

/** The actor for a user id (null when the user does not exist or is disabled). */
export function loadActor(userId: number): Actor | null {
  const user = userById().get({ id: userId });
  if (!user || user.disabledAt) return null;
  const grants = grantsOfUser().all({ id: userId });
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    timeZone: user.timeZone,
    isOrganizer: grants.some((g) => g.role === "organizer"),
    focalPointCountries: grants.filter((g) => g.role === "focal_point" && g.countryCode).map((g) => g.countryCode!),
    isHostCoordinator: grants.some((g) => g.role === "host_coordinator"),
  };
}

export function findUserByEmail(email: string) {
  return db()
    .select()
    .from(t.users)
    .where(eq(t.users.email, normalizeEmail(email)))
    .get();
}

/**
 * Creates an account. Throws FieldErrors({email: ["errors.emailTaken"]}) when the address is
 * registered in any letter case or with surrounding spaces. With `ip` (the client address of a web request; null for scripts), the attempt
 * counts against the sign-up limits per client address and per e-mail (rate-limits.server.ts):
 * RateLimitError past them.
 */
export async function signUp(input: { email: string; password: string; displayName: string; locale?: string; ip: string | null }) {
  const email = normalizeEmail(input.email);
  if (input.ip !== null) await consumeAttempt(["signupAddress", input.ip], ["signupEmail", email]);
  const passwordHash = await hashPassword(input.password);
  return immediate(db(), (tx) => {
    if (tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get()) {
      throw FieldErrors.one("email", "errors.emailTaken");
    }
    return tx
      .insert(t.users)
      .values({ email, passwordHash, ...userNameColumns(input.displayName.trim()), locale: input.locale ?? "en" })
      .returning({ id: t.users.id })
      .get().id;
  });
}

/**
 * Checks a login. Throws RateLimitError (429, before the password is even checked, so guessing
 * stops) once this account has failed too often from this client address, or this address has
 * failed too often on any account (rate-limits.server.ts: the lockout is keyed on account AND
 * address, so a stranger elsewhere cannot lock the owner out); FieldErrors with a form-level
 * "errors.badCredentials" on a wrong address or password (same answer for both, so accounts cannot
 * be enumerated). Failures are also kept in login_failures (a record for the security review).
 * Returns the user id.
 */
export async function logIn(input: { email: string; password: string; ip: string; now?: Date }): Promise<number> {
  const email = normalizeEmail(input.email);
  const now = input.now ?? new Date();
  await assertLoginAllowed(email, input.ip);
  const user = findUserByEmail(email);
  const ok = user?.passwordHash && !user.disabledAt ? await verify(user.passwordHash, input.password) : false;
  if (!ok || !user) {
    db().insert(t.loginFailures).values({ email, ip: input.ip, at: now.toISOString() }).run();
    await recordLoginFailure(email, input.ip);
    throw FieldErrors.one("", "errors.badCredentials");
  }
  await recordLoginSuccess(email, input.ip);
  return user.id;
}

/**
 * Mails a reset link (valid 60 minutes) when the address has an account. Answers the same either
 * way so the form does not reveal who is registered. With `ip`, counts against the reset limits
 * per client address and per e-mail (RateLimitError past them, whether or not the account exists).
 */
export async function requestPasswordReset(input: { email: string; ip: string | null }) {
  if (input.ip !== null) await consumeAttempt(["resetAddress", input.ip], ["resetEmail", normalizeEmail(input.email)]);
  const user = findUserByEmail(input.email);
  if (!user || user.disabledAt) return;
  const { token, tokenHash } = newToken();
  db()
    .insert(t.passwordResetTokens)
    .values({ tokenHash, userId: user.id, purpose: "reset", expiresAt: new Date(Date.now() + RESET_TTL_MIN * 60_000).toISOString() })
    .run();
  await sendMail(composeMail("reset", user.email, user.locale, { link: `${getEnv().appUrl}/reset/${token}`, minutes: RESET_TTL_MIN }));
}

/** A usable token row (unused, unexpired) or NotFoundError. */
function findToken(token: string, purpose: "reset" | "claim") {
  const row = db()
    .select()
    .from(t.passwordResetTokens)
    .where(
      and(
        eq(t.passwordResetTokens.tokenHash, sha256(token)),
        eq(t.passwordResetTokens.purpose, purpose),
        isNull(t.passwordResetTokens.usedAt),
        gt(t.passwordResetTokens.expiresAt, new Date().toISOString()),
      ),
    )
    .get();
  if (!row) throw new NotFoundError("token");
  return row;
}

/** Whether a reset or claim link is still usable, and for which user. */
export function checkToken(token: string, purpose: "reset" | "claim") {
  const row = findToken(token, purpose);
  const user = db().select().from(t.users).where(eq(t.users.id, row.userId)).get()!;
  return { userId: user.id, email: user.email, displayName: user.displayName };
}

/**
 * Sets a new password from a reset or claim link, uses the token up and revokes every other
 * session of the user. Returns the user id. NotFoundError for a bad, used or expired link. With
 * `ip`, every attempt counts against the link limits per client address and, for a live link, per
 * the account's e-mail (RateLimitError past them).
 */
export async function setPasswordWithToken(input: { token: string; password: string; purpose: "reset" | "claim"; ip: string | null }) {
  if (input.ip !== null) await consumeAttempt(["linkAddress", input.ip]);
  const row = findToken(input.token, input.purpose);
  if (input.ip !== null) {
    const owner = db().select({ email: t.users.email }).from(t.users).where(eq(t.users.id, row.userId)).get();
    if (owner) await consumeAttempt(["linkEmail", owner.email]);
  }
  const passwordHash = await hashPassword(input.password);
  immediate(db(), (tx) => {
    const used = tx
      .update(t.passwordResetTokens)
      .set({ usedAt: new Date().toISOString() })
      .where(and(eq(t.passwordResetTokens.tokenHash, row.tokenHash), isNull(t.passwordResetTokens.usedAt)))
      .run();
    if (used.changes !== 1) throw new NotFoundError("token");
    tx.update(t.users).set({ passwordHash }).where(eq(t.users.id, row.userId)).run();
    tx.update(t.loginSessions)
      .set({ revokedAt: new Date().toISOString() })
      .where(and(eq(t.loginSessions.userId, row.userId), isNull(t.loginSessions.revokedAt)))
      .run();
  });
  return row.userId;
}

/** Issues a claim link for a nominee's account (valid 14 days); returns the token. */
export function issueClaimToken(userId: number): string {
  const { token, tokenHash } = newToken();
  db()
    .insert(t.passwordResetTokens)
    .values({ tokenHash, userId, purpose: "claim", expiresAt: new Date(Date.now() + CLAIM_TTL_DAYS * 86_400_000).toISOString() })
    .run();
  return token;
}

export type InvitationInput = { email: string; role: "focal_point" | "host_coordinator" | "organizer"; countryCode?: string | null };

/**
 * Organizer only: invites someone to a role by a link valid 7 days. A focal point must be bound
 * to a member country. Returns the invitation id; the link goes out by mail.
 */
export async function inviteToRole(actor: Actor, input: InvitationInput) {
  requireOrganizer(actor);
  const email = normalizeEmail(input.email);
  if (input.role === "focal_point" && (!input.countryCode || !isMemberCountry(input.countryCode))) {
    throw FieldErrors.one("countryCode", "errors.countryRequired");
  }
  const { token, tokenHash } = newToken();
  const id = db()
    .insert(t.invitations)
    .values({
      tokenHash,
      email,
      role: input.role,
      countryCode: input.role === "focal_point" ? input.countryCode! : null,
      invitedBy: actor.id,
      expiresAt: new Date(Date.now() + INVITE_TTL_DAYS * 86_400_000).toISOString(),
    })
    .returning({ id: t.invitations.id })
    .get().id;
  recordAudit(actor, { entityType: "invitation", entityId: id, action: "invite", toState: input.role, details: { countryCode: input.countryCode ?? null } });
  const tr = translatorFor(actor.locale);
  await sendMail(
    composeMail("invite", email, actor.locale, { role: tr(`roles.${input.role}`), link: `${getEnv().appUrl}/invite/${token}`, days: INVITE_TTL_DAYS }),
  );
  return { id, token };
}

/** An open invitation by token: NotFoundError when unknown; RuleError when expired or used. */
export function findInvitation(token: string) {
  const inv = db()
    .select()
    .from(t.invitations)
    .where(eq(t.invitations.tokenHash, sha256(token)))
    .get();
  if (!inv) throw new NotFoundError("invitation");
  if (inv.acceptedAt) throw new RuleError("errors.invitationUsed");
  if (inv.expiresAt <= new Date().toISOString()) throw new RuleError("errors.invitationExpired");
  return inv;
}

/**
 * Accepts an invitation for `userId` (who signed up with, or logged in as, any address): grants
 * the role once, marks the invitation used, and audits it. Throws like findInvitation.
 */
export function acceptInvitation(token: string, userId: number) {
  const inv = findInvitation(token);
  immediate(db(), (tx) => {
    const done = tx
      .update(t.invitations)
      .set({ acceptedAt: new Date().toISOString(), acceptedBy: userId })
      .where(and(eq(t.invitations.id, inv.id), isNull(t.invitations.acceptedAt)))
      .run();
    if (done.changes !== 1) throw new RuleError("errors.invitationUsed");
    tx.insert(t.roleGrants).values({ userId, role: inv.role, countryCode: inv.countryCode }).onConflictDoNothing().run();
    tx.insert(t.auditEvents)
      .values({ actorUserId: userId, entityType: "invitation", entityId: inv.id, action: "accept", fromState: "invited", toState: inv.role })
      .run();
  });
  return inv;
}

/** Changes the UI/mail language a user prefers. */
export function setUserLocale(userId: number, locale: string) {
  db().update(t.users).set({ locale }).where(eq(t.users.id, userId)).run();
}

/** Organizer only: the outbox, newest first (for local runs without SMTP). */
export function listOutbox(actor: Actor, limit = 100) {
  requireOrganizer(actor);
  return db()
    .select()
    .from(t.outbox)
    .orderBy(sql`${t.outbox.id} desc`)
    .limit(limit)
    .all();
}
