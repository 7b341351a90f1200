// Issue 12 (new user's fixes) item 7: "Mark as held" was offered for a session in the future. It is
// offered only once the session has started, and the server refuses an earlier POST with a 400
// and a clear message (whichever page sends it), writing nothing.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import * as newRoute from "~/routes/admin.editions.$id_.trainings.new";
import * as editRoute from "~/routes/admin.trainings.$trainingId";
import * as hostRoute from "~/routes/host.visits.$visitId.trainings";
import { call, cookieFor, createUser } from "../support/factories";
import { makeEdition, makeSite, makeVisit } from "./hosts-fixtures";

let cOrg: string, cHost: string;
let editionId: number, visitId: number, hall: number;

beforeAll(async () => {
  const organizer = await createUser({ roles: [{ role: "organizer" }] });
  const host = await createUser({ roles: [{ role: "host_coordinator" }] });
  [cOrg, cHost] = await Promise.all([cookieFor(organizer.id), cookieFor(host.id)]);
  const edition = makeEdition();
  editionId = edition.id;
  visitId = makeVisit(edition.id, makeSite({}, [host.id]).id).id;
  hall = db().insert(t.venues).values({ name: "Held hall", countryCode: "TH", timeZone: "Asia/Bangkok" }).returning().get().id;
});

async function newTraining(title: string): Promise<number> {
  const res = await call(newRoute.action, `/admin/editions/${editionId}/trainings/new`, {
    cookie: cOrg,
    params: { id: String(editionId) },
    form: {
      intent: "save",
      title,
      type: "workshop",
      visitId: String(visitId),
      venueId: String(hall),
      startDate: "2031-07-07",
      startTime: title.length % 2 ? "09:00" : "13:00",
      endTime: title.length % 2 ? "11:00" : "15:00",
      deliveryLanguage: "th",
      audience: "visit",
      status: "scheduled",
    },
  });
  expect(res.status).toBe(302);
  return Number(/\/admin\/trainings\/(\d+)/.exec(res.headers.get("Location")!)![1]);
}
const statusOf = (id: number) => db().select().from(t.trainingSessions).where(eq(t.trainingSessions.id, id)).get()!.status;

describe("marking a training as held", () => {
  it("is neither offered nor accepted before the session starts", async () => {
    const id = await newTraining("Future session");
    const page = await (await call(editRoute.loader, `/admin/trainings/${id}`, { cookie: cOrg, params: { trainingId: String(id) } })).json();
    expect(page.training.started).toBe(false);
    const res = await call(editRoute.action, `/admin/trainings/${id}`, {
      cookie: cOrg,
      params: { trainingId: String(id) },
      form: { intent: "status", to: "held" },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("training.errors.notStarted");
    const host = await call(hostRoute.action, `/host/visits/${visitId}/trainings?edit=${id}`, {
      cookie: cHost,
      params: { visitId: String(visitId) },
      form: { intent: "status", to: "held" },
    });
    expect(host.status).toBe(400);
    const hostPage = await (
      await call(hostRoute.loader, `/host/visits/${visitId}/trainings?edit=${id}`, { cookie: cHost, params: { visitId: String(visitId) } })
    ).json();
    expect(hostPage.edit.started).toBe(false);
    expect(statusOf(id)).toBe("scheduled");
  });

  it("is offered and accepted once the session has begun", async () => {
    const id = await newTraining("Past session!");
    db()
      .update(t.trainingSessions)
      .set({ startsAt: "2020-01-01T02:00:00.000Z", endsAt: "2020-01-01T04:00:00.000Z" })
      .where(eq(t.trainingSessions.id, id))
      .run();
    const page = await (await call(editRoute.loader, `/admin/trainings/${id}`, { cookie: cOrg, params: { trainingId: String(id) } })).json();
    expect(page.training.started).toBe(true);
    const res = await call(editRoute.action, `/admin/trainings/${id}`, {
      cookie: cOrg,
      params: { trainingId: String(id) },
      form: { intent: "status", to: "held" },
    });
    expect(res.status).toBe(302);
    expect(statusOf(id)).toBe("held");
  });
});
