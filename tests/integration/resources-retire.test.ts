/**
 * Issue 12 item 20 (rest): venues, trainers and interpreters can be edited and retired; retired
 * ones stay (for the trainings that had them, and history) but are not offered for new trainings.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { formChoices } from "~/components/training/views.server";
import { db, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import { createInterpreter, createTrainer, createVenue, setRetired } from "~/models/training.server";
import * as venuesRoute from "~/routes/admin.editions.$id_.venues";
import { call, cookieFor, createUser } from "../support/factories";
import { makeEdition } from "./hosts-fixtures";

let organizer: Actor;
let cookie: string;
let editionId: number;

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }], name: "Org", email: "org.retire@example.org" });
  cookie = await cookieFor(organizer.id);
  editionId = makeEdition().id;
});

const audits = (type: string, id: number) =>
  db()
    .select()
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.entityType, type), eq(t.auditEvents.entityId, id)))
    .all();
const post = (form: Record<string, string | string[]>) =>
  call(venuesRoute.action, `/admin/editions/${editionId}/venues`, { cookie, params: { id: String(editionId) }, form });

describe("retiring and editing training resources", () => {
  it("a retired venue, trainer or interpreter is not offered for new trainings, but kept where it is used", async () => {
    const venue = createVenue(organizer, { name: "Old hall", countryCode: "TH" } as never);
    const trainer = createTrainer(organizer, { name: "Dr. Lan", languages: ["vi"] } as never);
    const interp = createInterpreter(organizer, { name: "Mai", pairs: "vi-en" } as never);
    expect((await post({ intent: "retire", kind: "venue", id: String(venue) })).status).toBe(302);
    setRetired(organizer, "trainer", trainer, true);
    setRetired(organizer, "interpreter", interp, true);
    const fresh = formChoices(organizer, editionId, "en");
    expect(fresh.venues.map((v) => v.id)).not.toContain(venue);
    expect(fresh.trainers.map((v) => v.id)).not.toContain(trainer);
    expect(fresh.interpreters.map((v) => v.id)).not.toContain(interp);
    const editing = formChoices(organizer, editionId, "en", { venueId: venue, trainerIds: [trainer], interpreterIds: [interp] });
    expect(editing.venues.map((v) => v.id)).toContain(venue);
    expect(editing.trainers.map((v) => v.id)).toContain(trainer);
    expect(editing.interpreters.map((v) => v.id)).toContain(interp);
    // Kept in the database, audited, and back on request.
    expect(db().select().from(t.venues).where(eq(t.venues.id, venue)).get()!.retiredAt).not.toBeNull();
    expect(audits("venue", venue).map((a) => a.action)).toEqual(["create", "retire"]);
    expect((await post({ intent: "restore", kind: "venue", id: String(venue) })).status).toBe(302);
    expect(formChoices(organizer, editionId, "en").venues.map((v) => v.id)).toContain(venue);
    expect((await post({ intent: "retire", kind: "venue", id: "987654" })).status).toBe(404);
  });

  it("edits a trainer, an interpreter and a venue; bad input answers 400 and writes nothing", async () => {
    const trainer = createTrainer(organizer, { name: "Prof. Wang", languages: ["zh"] } as never);
    expect((await post({ intent: "editTrainer", id: String(trainer), name: "Prof. Wang Li", organisation: "CAU", languages: ["zh", "en"] })).status).toBe(302);
    expect(db().select().from(t.trainers).where(eq(t.trainers.id, trainer)).get()).toMatchObject({
      name: "Prof. Wang Li",
      organisation: "CAU",
      languages: ["zh", "en"],
    });
    expect(audits("trainer", trainer).at(-1)!.action).toBe("update");
    const bad = await post({ intent: "editTrainer", id: String(trainer), name: "", languages: [] });
    expect(bad.status).toBe(400);
    expect(db().select().from(t.trainers).where(eq(t.trainers.id, trainer)).get()!.name).toBe("Prof. Wang Li");
    const interp = createInterpreter(organizer, { name: "Somsak", pairs: "th-en" } as never);
    expect((await post({ intent: "editInterpreter", id: String(interp), name: "Somsak P.", pairs: "th-en, th>zh" })).status).toBe(302);
    expect(db().select().from(t.interpreters).where(eq(t.interpreters.id, interp)).get()!.languagePairs).toEqual([
      { from: "th", to: "en" },
      { from: "th", to: "zh", oneWay: true },
    ]);
    const venue = createVenue(organizer, { name: "Hall A", countryCode: "VN" } as never);
    expect((await post({ intent: "editVenue", id: String(venue), name: "Hall A (new wing)", address: "12 Road", capacity: "40" })).status).toBe(302);
    expect(db().select().from(t.venues).where(eq(t.venues.id, venue)).get()).toMatchObject({
      name: "Hall A (new wing)",
      address: "12 Road",
      capacity: 40,
      countryCode: "VN",
    });
  });
});
