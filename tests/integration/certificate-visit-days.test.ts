/**
 * Issue 12 item 5: for an in-person edition, attendance of exchange-visit days and training
 * sessions both count toward the certificate's 80 %.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/models/actor";
import { getCertificateForOrganizer } from "~/models/tracking.server";
import { createUser, makeTraining } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";
import { attend, attendDay } from "./tracking-fixtures";

const NOW = new Date("2031-09-15T00:00:00.000Z"); // after the edition
let organizer: Actor;
let dayOnly: number, mixed: number, short: number;

beforeAll(async () => {
  organizer = await createUser({ roles: [{ role: "organizer" }] });
  const ed = makeEdition().id;
  const visit = makeVisit(ed, makeSite().id, { arrivalOn: "2031-07-05", departureOn: "2031-07-09" }).id; // 5 days
  const training = makeTraining(ed, {
    audience: "visit",
    visitId: visit,
    status: "held",
    startsAt: "2031-07-06T02:00:00.000Z",
    endsAt: "2031-07-06T04:00:00.000Z",
  }).id;
  for (const key of ["dayOnly", "mixed", "short"] as const) {
    const { app } = await makeParticipant(ed);
    place(visit, app.id, "accepted");
    if (key === "dayOnly") dayOnly = app.id;
    if (key === "mixed") mixed = app.id;
    if (key === "short") short = app.id;
  }
  const days = ["2031-07-05", "2031-07-06", "2031-07-07", "2031-07-08", "2031-07-09"];
  // dayOnly: all 5 days, absent from the one session: 5 of 6 = 83 %.
  for (const d of days) attendDay(visit, d, dayOnly, "present");
  attend(training, dayOnly, "absent");
  // mixed: 4 days and the session: 5 of 6.
  for (const d of days.slice(0, 4)) attendDay(visit, d, mixed, "late");
  attend(training, mixed, "present");
  // short: the session only, 2 days: 3 of 6 = 50 % (100 % of sessions would have passed before).
  attend(training, short, "present");
  for (const d of days.slice(0, 2)) attendDay(visit, d, short, "present");
});

describe("certificate of an in-person edition", () => {
  it("counts the visit days with the sessions", () => {
    const c = getCertificateForOrganizer(organizer, dayOnly, 80, NOW);
    expect({ s: [c.sessionsAttended, c.sessionsExpected], d: [c.daysAttended, c.daysExpected], all: [c.attended, c.expected] }).toEqual({
      s: [0, 1],
      d: [5, 5],
      all: [5, 6],
    });
    expect(c.completed).toBe(true);
    const m = getCertificateForOrganizer(organizer, mixed, 80, NOW);
    expect([m.attended, m.expected, m.completed]).toEqual([5, 6, true]);
  });

  it("a participant who skipped most visit days has not completed, whatever the sessions", () => {
    const c = getCertificateForOrganizer(organizer, short, 80, NOW);
    expect([c.sessionsAttended, c.sessionsExpected, c.daysAttended, c.daysExpected]).toEqual([1, 1, 2, 5]);
    expect(c.completed).toBe(false);
  });
});
