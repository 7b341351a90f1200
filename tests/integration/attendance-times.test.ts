// A tester's report: the check-in lists showed each mark's time as "HH:MM UTC" with no date. The
// loaders now send each mark's date and time on the venue's clock (the session's zone, the host
// site's zone), with the zone's short name, in the reader's language (formatInstantIn).
import { describe, expect, it } from "vitest";
import { formatInstantIn } from "~/domain/dates";
import { loader as trainingLoader } from "~/routes/attendance.training.$trainingId";
import { loader as visitDayLoader } from "~/routes/attendance.visit.$visitId.$date";
import { call, cookieFor, createUser, makeTraining } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";
import { attend, attendDay } from "./tracking-fixtures";

type Person = { applicationId: number; recordedAt: string | null; recordedAtText: string | null };

describe("formatInstantIn", () => {
  it("writes the date and the venue's wall-clock time with the zone's short name, in the reader's digits", () => {
    // 03:00 UTC is 09:30 in Yangon (UTC+06:30).
    const en = formatInstantIn("2031-07-06T03:00:00.000Z", "Asia/Yangon", "en");
    expect(en).toContain("2031");
    expect(en).toContain("Jul 6");
    expect(en).toMatch(/09:30/);
    expect(en).toContain("GMT+6:30");
    expect(en).not.toContain("UTC");
    // Burmese: Burmese digits throughout, no Latin ones.
    const my = formatInstantIn("2031-07-06T03:00:00.000Z", "Asia/Yangon", "my");
    expect(my).toContain("၀၉:၃၀");
    expect(my).not.toMatch(/[0-9]/);
    // The day is the venue's: 20:00 UTC is already the next day in Tokyo.
    expect(formatInstantIn("2031-07-06T20:00:00.000Z", "Asia/Tokyo", "ja")).toContain("2031年7月7日");
    expect(formatInstantIn("not an instant", "Asia/Tokyo", "ja")).toBe("not an instant");
  });
});

describe("check-in lists show each mark's time on the venue's clock", () => {
  it("training session (its zone) and visit day (the site's zone), in the reader's language", async () => {
    const organizerVi = await createUser({ roles: [{ role: "organizer" }], locale: "vi" });
    const organizerMy = await createUser({ roles: [{ role: "organizer" }], locale: "my" });
    const editionId = makeEdition().id;
    const site = makeSite({ timeZone: "Asia/Yangon" });
    const visitId = makeVisit(editionId, site.id).id;
    const p = await makeParticipant(editionId);
    place(visitId, p.app.id, "accepted");
    const trainingId = makeTraining(editionId, { visitId, audience: "visit", timeZone: "Asia/Tokyo" }).id;
    attend(trainingId, p.app.id, "present"); // recorded 2031-07-06T03:00Z = 12:00 in Tokyo
    attendDay(visitId, "2031-07-06", p.app.id, "late"); // recorded 2031-07-06T03:00Z = 09:30 in Yangon

    const list = await call(trainingLoader, `/attendance/training/${trainingId}`, {
      cookie: await cookieFor(organizerVi.id),
      params: { trainingId: String(trainingId) },
    });
    expect(list.status).toBe(200);
    const person = ((await list.json()).people as Person[]).find((x) => x.applicationId === p.app.id)!;
    expect(person.recordedAtText).toBe(formatInstantIn("2031-07-06T03:00:00.000Z", "Asia/Tokyo", "vi"));
    expect(person.recordedAtText).toContain("12:00");
    expect(person.recordedAtText).toContain("2031");
    expect(person.recordedAtText).toContain("GMT+9");

    const day = await call(visitDayLoader, `/attendance/visit/${visitId}/2031-07-06`, {
      cookie: await cookieFor(organizerMy.id),
      params: { visitId: String(visitId), date: "2031-07-06" },
    });
    expect(day.status).toBe(200);
    const marked = ((await day.json()).people as Person[]).find((x) => x.applicationId === p.app.id)!;
    expect(marked.recordedAtText).toContain("၀၉:၃၀");
    expect(marked.recordedAtText).toContain("၂၀၃၁");
    expect(marked.recordedAtText).not.toMatch(/[0-9]|UTC/);
  });
});
