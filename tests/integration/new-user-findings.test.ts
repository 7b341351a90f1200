/**
 * Fixes for what a new user stumbled on (issue 12 spirit), against a real SQLite file: the
 * status text matches a waiting offer or an accepted place; a planned visit whose dates are over
 * reads "Ended" (a display, the stored status stays planned); a visit day's attendance page lists
 * who accepted and says why offered seats are not listed; organizers keep their sub-menu on /pilots
 * (the page knows the reader is an organizer; the e2e test sees the menu).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { addDays, todayIn } from "~/domain/dates";
import { shownVisitStatus } from "~/domain/visits";
import type { Actor } from "~/models/actor";
import * as statusRoute from "~/routes/me.applications.$id";
import * as visitRoute from "~/routes/host.visits.$visitId._index";
import * as dayRoute from "~/routes/attendance.visit.$visitId.$date";
import * as pilotsPage from "~/routes/pilots._index";
import { call, cookieFor, createUser } from "../support/factories";

const today = todayIn("Asia/Shanghai");
let organizer: Actor;
let offered: Actor;
let placed: Actor;
let editionId: number;
let siteId: number;
const apps: Record<string, number> = {};
const placements: Record<string, number> = {};

function visit(arrivalOn: string, departureOn: string) {
  return db()
    .insert(t.exchangeVisits)
    .values({ editionId, hostSiteId: siteId, arrivalOn, departureOn, capacity: 8, perCountryCap: 3, title: `Visit ${arrivalOn}` })
    .returning({ id: t.exchangeVisits.id })
    .get().id;
}

function accepted(actor: Actor, cc: string) {
  return db()
    .insert(t.applications)
    .values({ editionId, userId: actor.id, status: "accepted", givenName: actor.displayName, nationality: cc, gender: "female", positionKind: "village_head" })
    .returning({ id: t.applications.id })
    .get().id;
}

let futureVisit: number;
let pastVisit: number;

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }], name: "Org" });
  offered = await createUser({ name: "Offered Person" });
  placed = await createUser({ name: "Placed Person" });
  editionId = db()
    .insert(t.editions)
    .values({
      name: "Findings edition",
      ordinal: 71,
      mode: "in_person",
      hostCountries: ["CN"],
      startsOn: addDays(today, -30),
      endsOn: addDays(today, 30),
      applicationsOpenOn: addDays(today, -90),
      applicationsCloseOn: addDays(today, -40),
      timeZone: "Asia/Shanghai",
      themes: ["rural_tourism"],
    })
    .returning({ id: t.editions.id })
    .get().id;
  siteId = db()
    .insert(t.hostSites)
    .values({ name: "Longji", nameLatin: "Longji", countryCode: "CN", timeZone: "Asia/Shanghai", vettingStatus: "vetted" })
    .returning({ id: t.hostSites.id })
    .get().id;
  futureVisit = visit(addDays(today, 10), addDays(today, 14));
  pastVisit = visit(addDays(today, -20), addDays(today, -16));
  apps.offered = accepted(offered, "VN");
  apps.placed = accepted(placed, "TH");
  placements.offered = db()
    .insert(t.placements)
    .values({ visitId: futureVisit, applicationId: apps.offered, status: "offered", replyBy: addDays(today, 5) })
    .returning({ id: t.placements.id })
    .get().id;
  placements.placed = db()
    .insert(t.placements)
    .values({ visitId: futureVisit, applicationId: apps.placed, status: "accepted" })
    .returning({ id: t.placements.id })
    .get().id;
});

describe("status text matches the placement", () => {
  it("says an offer is waiting (with the reply-by date and a link), not that one will come", async () => {
    const res = await call(statusRoute.loader, "/", { cookie: await cookieFor(offered.id), params: { id: String(apps.offered) } });
    const data = await res.json();
    expect(data.placement).toMatchObject({ id: placements.offered, status: "offered" });
    expect(data.placement.replyBy).not.toBe("");
  });

  it("says the place is accepted once it is, and keeps the generic text without a placement", async () => {
    const res = await call(statusRoute.loader, "/", { cookie: await cookieFor(placed.id), params: { id: String(apps.placed) } });
    expect((await res.json()).placement).toMatchObject({ id: placements.placed, status: "accepted" });
    const someone = await createUser({ name: "Selected only" });
    const id = accepted(someone, "KH");
    const plain = await call(statusRoute.loader, "/", { cookie: await cookieFor(someone.id), params: { id: String(id) } });
    expect((await plain.json()).placement).toBeNull();
  });
});

describe("a visit whose dates are over", () => {
  it("reads Ended, while its stored status stays planned; a visit on its departure day is still planned", async () => {
    expect(shownVisitStatus("planned", addDays(today, -1), today)).toBe("ended");
    expect(shownVisitStatus("planned", today, today)).toBe("planned");
    expect(shownVisitStatus("cancelled", addDays(today, -1), today)).toBe("cancelled");
    const cookie = await cookieFor(organizer.id);
    const past = await (await call(visitRoute.loader, "/", { cookie, params: { visitId: String(pastVisit) } })).json();
    expect(past).toMatchObject({ shownStatus: "ended", visit: { status: "planned" } });
    const future = await (await call(visitRoute.loader, "/", { cookie, params: { visitId: String(futureVisit) } })).json();
    expect(future.shownStatus).toBe("planned");
  });
});

describe("attendance of a future visit day", () => {
  it("lists who accepted before the day, and counts the offered seats it does not list", async () => {
    const day = addDays(today, 11);
    const res = await call(dayRoute.loader, "/", { cookie: await cookieFor(organizer.id), params: { visitId: String(futureVisit), date: day } });
    const data = await res.json();
    expect(data.open).toBe(false);
    expect(data.people.map((p: { applicationId: number }) => p.applicationId)).toEqual([apps.placed]);
    expect(data.pending).toEqual({ offered: 1, proposed: 0 });
  });
});

describe("the pilot overview", () => {
  it("knows the reader is an organizer, so it shows the organizer's sub-menu", async () => {
    const org = await (await call(pilotsPage.loader, "/pilots", { cookie: await cookieFor(organizer.id) })).json();
    expect(org.isOrganizer).toBe(true);
    // Someone with no pilot in scope gets no page at all (and so no organizer menu).
    expect((await call(pilotsPage.loader, "/pilots", { cookie: await cookieFor(placed.id) })).status).not.toBe(200);
  });
});
