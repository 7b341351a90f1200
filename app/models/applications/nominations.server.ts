/**
 * Nominating (docs/design.md "The people"): the national focal point nominates leaders of their
 * country who have no account; the leader claims the account, checks and submits.
 */
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { db, immediate, t } from "../../db.server";
import { countryDefaultLanguage } from "../../domain/languages";
import { formatDate } from "../../domain/dates";
import { displayName, latinName, userNameColumns } from "../../domain/names";
import { shownName } from "../../domain/local-text";
import type { ApplicationInput } from "../../forms/application";
import { getEnv } from "../../env.server";
import { sendMail } from "../../mail.server";
import { composeMail } from "../messages/templates.server";
import type { Actor } from "../actor";
import { requireFocalPoint } from "../actor";
import { issueClaimToken, normalizeEmail } from "../accounts/accounts.server";
import { applicationValues } from "./core.server";
import { recordAudit } from "../audit.server";
import { getEdition, windowState } from "../editions/editions.server";
import { FieldErrors, RuleError } from "../errors";

/**
 * The edition of the nominee's draft nomination (the newest), so claiming the account leads
 * straight to it: they check the answers and give their needs and consent themselves. Null when
 * they have none.
 */
export function nominatedDraftEdition(userId: number): number | null {
  const row = db()
    .select({ editionId: t.applications.editionId })
    .from(t.applications)
    .where(and(eq(t.applications.userId, userId), eq(t.applications.status, "draft"), isNotNull(t.applications.nominatedBy)))
    .orderBy(desc(t.applications.id))
    .get();
  return row?.editionId ?? null;
}

/** How long a nominee's claim link works (accounts.server.ts issueClaimToken). */
const CLAIM_DAYS = 14;

/**
 * Focal point: nominates a leader of their country who has no account yet. In one BEGIN
 * IMMEDIATE transaction it creates the leader's account (that e-mail, no password) and a draft
 * application (nationality fixed to `country`, nominatedBy = the focal point, audited), then mails
 * a claim link in the country's language (countryDefaultLanguage, else `locale`, the focal point's page language); the leader sets a password, checks and submits.
 *
 * - FieldErrors email "focal.errors.emailHasAccount" when the address already has an account
 *   (the leader applies themself);
 * - a repeated submit of the same nomination (double click, back and resubmit) returns the first
 *   one with `already: true` and sends nothing again;
 * - RuleError when the edition's window is not open; NotFound when not the focal point of `country`.
 */
export async function nominate(
  actor: Actor,
  editionId: number,
  country: string,
  input: ApplicationInput & { email: string },
  locale = "en",
): Promise<{ id: number; already: boolean }> {
  requireFocalPoint(actor, country);
  // The nominee reads the account and mail in their country's language where the UI has it.
  const nomineeLocale = countryDefaultLanguage(country) ?? locale;
  const edition = getEdition(editionId);
  const state = windowState(edition);
  if (state !== "open") {
    throw new RuleError(state === "closed" ? "errors.windowClosed" : "errors.windowNotOpen", {
      date: formatDate(edition.applicationsOpenOn, locale),
    });
  }
  if (input.themes.some((th) => !edition.themes.includes(th))) throw FieldErrors.one("themes", "errors.invalid");
  const email = normalizeEmail(input.email);
  // Food and access needs are health data: only the nominee gives them, with their own consent,
  // after claiming (issue 12 item 6). Whatever a focal point's form posted is not kept.
  const values = applicationValues({
    ...input,
    nationality: country as ApplicationInput["nationality"],
    dietaryNeeds: "",
    accessibilityNeeds: "",
    sensitiveConsent: false,
  });
  const name = displayName(values) || latinName(values) || email;

  const result = immediate(db(), (tx) => {
    const existing = tx.select().from(t.users).where(eq(t.users.email, email)).get();
    if (existing) {
      const same = tx
        .select({ id: t.applications.id })
        .from(t.applications)
        .where(and(eq(t.applications.editionId, editionId), eq(t.applications.userId, existing.id), eq(t.applications.nominatedBy, actor.id)))
        .get();
      if (same && existing.passwordHash === null) return { id: same.id, userId: existing.id, already: true };
      throw FieldErrors.one("email", "focal.errors.emailHasAccount");
    }
    const userId = tx
      .insert(t.users)
      .values({ email, passwordHash: null, ...userNameColumns(name), locale: nomineeLocale })
      .returning({ id: t.users.id })
      .get().id;
    const id = tx
      .insert(t.applications)
      .values({ ...values, editionId, userId, nominatedBy: actor.id, status: "draft" })
      .returning({ id: t.applications.id })
      .get().id;
    recordAudit(actor, { entityType: "application", entityId: id, action: "nominate", toState: "draft", details: { nomineeUserId: userId } }, tx);
    return { id, userId, already: false };
  });
  if (result.already) return { id: result.id, already: true };

  const token = issueClaimToken(result.userId);
  await sendMail(
    composeMail("claim", email, nomineeLocale, {
      name,
      edition: shownName(edition, nomineeLocale).name,
      days: CLAIM_DAYS,
      link: `${getEnv().appUrl}/claim/${token}`,
    }),
  );
  return { id: result.id, already: false };
}
