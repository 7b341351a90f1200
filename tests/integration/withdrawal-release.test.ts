// Issue 12 item 4: withdrawing an accepted application (or rejecting it after acceptance) frees
// the visit seat and every training seat in the same transaction, promotes the next person on
// the training's waiting list, drops her from the host's "who is coming" list, and is audited.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, immediate, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import { transitionApplication, withdrawApplication } from "~/models/applications/applications.server";
import { auditTrail } from "~/models/audit.server";
import { listWhoIsComing } from "~/models/hosts/visit-participants.server";
import { createUser } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";

let edition: ReturnType<typeof makeEdition>;
let visit: ReturnType<typeof makeVisit>;
let host: Actor;
let organizer: Actor;
let venue: number;
let slot = 0;

beforeAll(async () => {
  edition = makeEdition();
  host = await createUser({ roles: [{ role: "host_coordinator" }], name: "Host" });
  organizer = await createUser({ roles: [{ role: "organizer" }], name: "Organizer" });
  const site = makeSite({}, [host.id]);
  visit = makeVisit(edition.id, site.id, { capacity: 1 });
  venue = db().insert(t.venues).values({ name: "Hall", countryCode: "TH", timeZone: "Asia/Bangkok" }).returning().get().id;
});

function training(capacity: number) {
  slot += 1;
  const start = Date.UTC(2031, 6, 6, 1) + slot * 3 * 3600_000;
  return db()
    .insert(t.trainingSessions)
    .values({
      editionId: edition.id,
      title: `Optional ${slot}`,
      type: "workshop",
      venueId: venue,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3600_000).toISOString(),
      timeZone: "Asia/Bangkok",
      audience: "enrol",
      capacity,
      status: "scheduled",
    })
    .returning()
    .get();
}
const enrol = (trainingSessionId: number, applicationId: number, status: "enrolled" | "waitlisted", position: number | null) =>
  db().insert(t.trainingEnrolments).values({ trainingSessionId, applicationId, status, position }).run();
const enrolment = (trainingSessionId: number, applicationId: number) =>
  db()
    .select()
    .from(t.trainingEnrolments)
    .where(and(eq(t.trainingEnrolments.trainingSessionId, trainingSessionId), eq(t.trainingEnrolments.applicationId, applicationId)))
    .get()!;
const placement = (id: number) => db().select().from(t.placements).where(eq(t.placements.id, id)).get()!;

describe("withdrawal releases seats", () => {
  it("withdrawing frees the visit seat and the training seat, promotes the waiting list, tells the host, audits", async () => {
    const her = await makeParticipant(edition.id);
    const next = await makeParticipant(edition.id);
    const seat = place(visit.id, her.app.id, "accepted");
    const tr = training(1);
    enrol(tr.id, her.app.id, "enrolled", null);
    enrol(tr.id, next.app.id, "waitlisted", 1);
    expect(listWhoIsComing(host, visit.id).map((p) => p.placementId)).toContain(seat.id);

    withdrawApplication(her.user, her.app.id);

    expect(placement(seat.id).status).toBe("cancelled");
    expect(listWhoIsComing(host, visit.id).map((p) => p.placementId)).not.toContain(seat.id);
    expect(enrolment(tr.id, her.app.id).status).toBe("cancelled");
    expect(enrolment(tr.id, next.app.id)).toMatchObject({ status: "enrolled", position: null });
    expect(auditTrail("placement", seat.id).map((e) => e.action)).toContain("cancel");
    // The freed visit seat can be taken by someone else.
    const other = await makeParticipant(edition.id);
    const seats = db()
      .select()
      .from(t.placements)
      .where(and(eq(t.placements.visitId, visit.id), eq(t.placements.status, "accepted")))
      .all();
    expect(seats).toHaveLength(0);
    place(visit.id, other.app.id, "offered");
  });

  it("rejecting after acceptance releases the seats too", async () => {
    const her = await makeParticipant(edition.id);
    const v2 = makeVisit(edition.id, makeSite({}, [host.id]).id, { capacity: 2 });
    const seat = place(v2.id, her.app.id, "offered");
    const tr = training(3);
    enrol(tr.id, her.app.id, "waitlisted", 1);
    immediate(db(), (tx) => transitionApplication(tx, organizer, { id: her.app.id, status: "accepted" }, "reject", "organizer", "No longer eligible"));
    expect(placement(seat.id).status).toBe("cancelled");
    expect(enrolment(tr.id, her.app.id).status).toBe("cancelled");
  });
});
