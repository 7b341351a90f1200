/**
 * What the organizer's placement changes share (app/models/placement/placements.server.ts): loading a
 * placement in scope, the seat check (hard rules of the placement engine, capacity and the
 * per-country cap over the placements that hold a seat) and mailing the participant.
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import { db, t, type Db } from "../../db.server";
import { formatDate } from "../../domain/dates";
import { timeZoneDisplayName } from "../../domain/intl";
import { siteNames, siteNameShown, visitTitleShown } from "../../domain/local-text";
import { countryName } from "../../domain/countries";
import { hardRuleFailures, type Reason } from "../../domain/placement";
import { getEnv } from "../../env.server";
import { log } from "../../log.server";
import { sendMail } from "../../mail.server";
import { composeMail } from "../messages/templates.server";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { FieldErrors, NotFoundError, RuleError } from "../errors";
import { personOf, SEATS, toEngineVisit, toParticipant } from "./instance.server";

export type Loaded = NonNullable<ReturnType<typeof loadPlacement>>;

export function loadPlacement(tx: Db, placementId: number) {
  if (!Number.isInteger(placementId)) return undefined;
  return tx
    .select({ p: t.placements, app: t.applications, visit: t.exchangeVisits, site: t.hostSites })
    .from(t.placements)
    .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
    .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
    .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
    .where(eq(t.placements.id, placementId))
    .get();
}

export function requirePlacement(tx: Db, actor: Actor, placementId: number): Loaded {
  requireOrganizer(actor);
  const row = loadPlacement(tx, placementId);
  if (!row) throw new NotFoundError("placement");
  return row;
}

export function loadVisit(tx: Db, visitId: number) {
  if (!Number.isInteger(visitId)) return undefined;
  return tx
    .select({ visit: t.exchangeVisits, site: t.hostSites })
    .from(t.exchangeVisits)
    .innerJoin(t.hostSites, eq(t.hostSites.id, t.exchangeVisits.hostSiteId))
    .where(eq(t.exchangeVisits.id, visitId))
    .get();
}

/** The keys of a refused override: the request for a reason, then each rule broken. */
export function overrideErrors(failures: Reason[]): FieldErrors {
  return new FieldErrors({ reason: ["placement.errors.overrideNeedsReason", ...failures.map((f) => `placement.rules.${f.code}`)] });
}

/**
 * Checks placing `app` at `visit` (ignoring placement `except`, the one being moved) inside the
 * caller's transaction. Throws RuleError for what can never be overridden (application not
 * accepted, visit not planned or of another edition, another seat held, capacity, country cap)
 * and FieldErrors when a hard rule fails without a reason. Returns the hard rules broken.
 */
export function checkSeat(
  tx: Db,
  app: typeof t.applications.$inferSelect,
  target: NonNullable<ReturnType<typeof loadVisit>>,
  reason: string | null | undefined,
  except?: number,
): Reason[] {
  const { visit, site } = target;
  if (visit.editionId !== app.editionId) throw new NotFoundError("visit");
  if (app.status !== "accepted") throw new RuleError("placement.errors.notAccepted", { status: app.status });
  if (visit.status !== "planned") throw new RuleError("placement.errors.visitNotPlanned");
  const notThis = except ? [ne(t.placements.id, except)] : [];
  const other = tx
    .select({ id: t.placements.id })
    .from(t.placements)
    .innerJoin(t.exchangeVisits, eq(t.exchangeVisits.id, t.placements.visitId))
    .where(and(eq(t.placements.applicationId, app.id), eq(t.exchangeVisits.editionId, app.editionId), inArray(t.placements.status, SEATS), ...notThis))
    .get();
  if (other) throw new RuleError("placement.errors.alreadyPlaced");
  const seats = tx
    .select({ nationality: t.applications.nationality })
    .from(t.placements)
    .innerJoin(t.applications, eq(t.applications.id, t.placements.applicationId))
    .where(and(eq(t.placements.visitId, visit.id), inArray(t.placements.status, SEATS), ...notThis))
    .all();
  if (seats.length >= visit.capacity) throw new RuleError("placement.errors.visitFull", { count: visit.capacity });
  if (seats.filter((s) => s.nationality === app.nationality).length >= visit.perCountryCap)
    throw new RuleError("placement.errors.countryCapReached", { count: visit.perCountryCap });
  const participant = toParticipant(app);
  if (!participant) throw new RuleError("placement.errors.noCountry");
  const failures = hardRuleFailures(participant, toEngineVisit(visit, site.countryCode));
  if (failures.length && !reason?.trim()) throw overrideErrors(failures);
  return failures;
}

export async function mailParticipant(row: Pick<Loaded, "p" | "app" | "visit" | "site">, kind: "offer" | "cancelled", extra: Record<string, string> = {}) {
  try {
    const user = db().select({ email: t.users.email, locale: t.users.locale }).from(t.users).where(eq(t.users.id, row.app.userId)).get();
    if (!user) return;
    const lng = user.locale;
    const params = {
      name: personOf(row.app).name,
      // Organizer-written names in the recipient's language (issue 11); the local-script name of
      // the site follows in brackets when it differs (what the road signs say).
      visit: visitTitleShown(row.visit.title, row.visit.translations, siteNameShown(row.site, lng), lng).text,
      site: (({ name, local }) => (local ? `${name.text} (${local.text})` : name.text))(siteNames(row.site, lng)),
      country: countryName(row.site.countryCode, lng),
      arrival: formatDate(row.visit.arrivalOn, lng, "long"),
      departure: formatDate(row.visit.departureOn, lng, "long"),
      replyBy: row.p.replyBy ? formatDate(row.p.replyBy, lng, "long") : "",
      zone: timeZoneDisplayName(row.site.timeZone, lng),
      link: `${getEnv().appUrl}/me/placements/${row.p.id}`,
      ...extra,
    };
    await sendMail(composeMail(kind === "offer" ? "offer" : "placementCancelled", user.email, user.locale, params));
  } catch (e) {
    log.error({ placementId: row.p.id, error: e instanceof Error ? e.message : String(e) }, "placement mail failed");
  }
}
