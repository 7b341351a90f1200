/**
 * The loader of "My applications" (app/routes/me.tsx): the signed-in person's applications and
 * placements with organizer-written names in their language (else English, else the first given,
 * with the shown language), and the editions open to them. Kept out of the route module so the
 * /me pages' script carries none of it (issue 14 script budget). Throws the session's redirect
 * when signed out.
 */
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { formatDate, todayIn } from "~/domain/dates";
import { pickField, siteNameShown, visitTitleShown, type Shown, type Translations } from "~/domain/local-text";
import { landingPath } from "~/domain/workspaces";
import { remixI18n } from "~/i18n.server";
import { listOwnApplications } from "~/models/applications.server";
import { listOpenEditions, windowState } from "~/models/editions.server";
import { countOpenSurveys } from "~/models/evaluation.server";
import { listOwnPlacements } from "~/models/placement.server";
import { requireActor } from "~/session.server";

export async function myListLoader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  // Only the list page itself needs the list (child routes render instead of it).
  const isList = new URL(request.url).pathname.replace(/\/$/, "") === "/me";
  const lng = await remixI18n.getLocale(request);
  const mine = isList ? listOwnApplications(actor) : [];
  const applied = new Set(mine.map((a) => a.editionId));
  // Village leaders apply; a host coordinator, focal point or organizer with no application of
  // their own is not offered "Apply" (issue 12, new user's item 8): the header links them to their
  // workspaces.
  const staff =
    landingPath({
      isOrganizer: actor.isOrganizer,
      isFocalPoint: actor.focalPointCountries.length > 0,
      isHostCoordinator: actor.isHostCoordinator,
    }) !== "/me";
  const offerApply = !staff || mine.length > 0;
  return json({
    openSurveys: isList ? countOpenSurveys(actor) : 0,
    placements: isList
      ? listOwnPlacements(actor).map((p) => ({
          id: p.id,
          status: p.status,
          visit: visitName(p, lng),
          dates: `${formatDate(p.arrivalOn, lng)} – ${formatDate(p.departureOn, lng)}`,
          replyBy: p.status === "offered" ? formatDate(p.replyBy, lng) : null,
        }))
      : [],
    name: actor.displayName,
    applications: mine.map((a) => ({
      id: a.id,
      status: a.status,
      editionId: a.editionId,
      editionName: pickField(a.editionName, a.editionTranslations, "name", lng),
      dates: `${formatDate(a.startsOn, lng)} – ${formatDate(a.endsOn, lng)}`,
      closesOn: formatDate(a.applicationsCloseOn, lng),
      editable: a.status === "draft" && windowState(a) === "open",
      // Links only where they can work (issue 12 item 5): check-in while the edition runs, the
      // certificate once it has begun; none for a future edition.
      canCheckIn: a.status === "accepted" && a.startsOn <= todayIn(a.timeZone) && todayIn(a.timeZone) <= a.endsOn,
      hasCertificate: a.status === "accepted" && a.startsOn <= todayIn(a.timeZone),
    })),
    open: (isList && offerApply ? listOpenEditions() : [])
      .filter((e) => !applied.has(e.id))
      .map((e) => ({ id: e.id, name: pickField(e.name, e.translations, "name", lng), closesOn: formatDate(e.applicationsCloseOn, lng) })),
  });
}

/**
 * A placement's visit as the participant reads it: the visit title in their language (else
 * English, else the first given), or the host site's name when the visit has no title.
 */
function visitName(
  p: {
    visitTitle: string | null;
    visitTranslations: Translations<"title" | "notes"> | null;
    siteName: string;
    siteNameLatin: string | null;
    siteTranslations: Translations<"name"> | null;
    countryCode: string;
  },
  lng: string,
): Shown {
  const site = siteNameShown({ name: p.siteName, nameLatin: p.siteNameLatin, countryCode: p.countryCode, translations: p.siteTranslations }, lng);
  return visitTitleShown(p.visitTitle, p.visitTranslations, site, lng);
}
