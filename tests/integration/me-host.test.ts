// Issue 12 (new user's fixes) item 8: a host coordinator's /me offered "Apply to this edition".
// Village leaders apply; a staff member without an application of their own is not offered it
// (the header links to their workspace).
import { beforeAll, describe, expect, it } from "vitest";
import { loader } from "~/routes/me";
import { call, cookieFor, createUser } from "../support/factories";
import { makeEdition } from "./hosts-fixtures";

let editionId: number;
beforeAll(() => {
  editionId = makeEdition({
    name: "Open edition for me-host",
    applicationsOpenOn: "2020-01-01",
    applicationsCloseOn: "2099-01-01",
    startsOn: "2099-03-01",
    endsOn: "2099-03-10",
  }).id;
});

async function me(roles: NonNullable<Parameters<typeof createUser>[0]>["roles"]) {
  const u = await createUser({ roles });
  return (await call(loader, "/me", { cookie: await cookieFor(u.id) })).json();
}

describe("/me by role", () => {
  it("offers a village leader the open edition", async () => {
    const body = await me([]);
    expect(body.open.map((e: { id: number }) => e.id)).toContain(editionId);
  });

  it("does not offer a host coordinator Apply", async () => {
    expect((await me([{ role: "host_coordinator" }])).open).toEqual([]);
  });

  it("does the same for a focal point and an organizer", async () => {
    expect((await me([{ role: "focal_point", countryCode: "VN" }])).open).toEqual([]);
    expect((await me([{ role: "organizer" }])).open).toEqual([]);
  });
});
