// The demo data shows visa letters (issue 15, item 3): passports given with consent by placed
// participants of the open edition, letters issued for some, one missing letter and one
// participant without passport data, so "issue all missing" has work and a refusal to report.
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { issueMissingLetters, letterView, verifyVisaLetter } from "~/models/visa.server";
import { loadActor } from "~/models/accounts/accounts.server";
import { seedDemoIfEmpty } from "../../db/seed";

beforeAll(async () => {
  await seedDemoIfEmpty(db());
});

describe("demo visa letters", () => {
  it("has passports with consent, valid letters that verify and render in English and Chinese", async () => {
    const passports = db().select().from(t.applicationPassports).all();
    const letters = db().select().from(t.visaLetters).all();
    expect(passports.length).toBeGreaterThanOrEqual(2);
    expect(passports.every((p) => p.consentAt && /^[A-Z0-9]{6,12}$/.test(p.passportNumber))).toBe(true);
    expect(letters.length).toBeGreaterThanOrEqual(1);
    const organizer = loadActor(letters[0].issuedBy!)!;
    expect(organizer.isOrganizer).toBe(true);
    const v = await letterView(organizer, letters[0].id);
    expect(v.blocks.map((b) => b.lang)).toEqual(["en", "zh"]);
    expect(verifyVisaLetter(letters[0].code, "en").status).toBe("valid");
  });

  it("leaves one missing letter to issue and one participant without passport data to refuse", () => {
    const organizer = loadActor(db().select().from(t.visaLetters).all()[0].issuedBy!)!;
    const editionId = db().select().from(t.visaLetters).all()[0].editionId;
    const report = issueMissingLetters(organizer, editionId);
    expect(report.some((r) => r.outcome === "issued")).toBe(true);
    expect(report.some((r) => r.outcome === "noPassport")).toBe(true);
    expect(report.some((r) => r.outcome === "already")).toBe(true);
  });
});
