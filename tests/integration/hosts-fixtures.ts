/**
 * Records for the host and visit integration tests: editions, host sites with coordinators,
 * accepted applications (with sensitive fields filled, to prove they never reach a host) and
 * placements. Dates are far in the future so every visit is "upcoming".
 */
import { eq } from "drizzle-orm";
import { db, t } from "~/db.server";
import { createUser } from "../support/factories";

export const EDITION_FROM = "2031-07-01";
export const EDITION_TO = "2031-08-31";

export function makeEdition(over: Partial<typeof t.editions.$inferInsert> = {}) {
  return db()
    .insert(t.editions)
    .values({
      name: "Test edition 2031",
      ordinal: 99,
      mode: "in_person",
      hostCountries: ["TH", "VN"],
      startsOn: EDITION_FROM,
      endsOn: EDITION_TO,
      applicationsOpenOn: "2031-01-01",
      applicationsCloseOn: "2031-03-31",
      timeZone: "Asia/Bangkok",
      themes: ["rural_tourism"],
      ...over,
    })
    .returning()
    .get();
}

export function makeSite(over: Partial<typeof t.hostSites.$inferInsert> = {}, coordinatorIds: number[] = []) {
  const site = db()
    .insert(t.hostSites)
    .values({
      name: "บ้านนาต้นจั่น",
      nameLatin: "Ban Na Ton Chan",
      countryCode: "TH",
      province: "Sukhothai",
      timeZone: "Asia/Bangkok",
      themes: ["rural_tourism"],
      languages: ["th"],
      accommodation: ["homestay"],
      beds: 30,
      contacts: [{ name: "Khun Somchai", phone: "+66812345678" }],
      vettingStatus: "vetted",
      ...over,
    })
    .returning()
    .get();
  for (const userId of coordinatorIds) db().insert(t.hostSiteCoordinators).values({ hostSiteId: site.id, userId }).run();
  return site;
}

export function makeVisit(editionId: number, hostSiteId: number, over: Partial<typeof t.exchangeVisits.$inferInsert> = {}) {
  return db()
    .insert(t.exchangeVisits)
    .values({
      editionId,
      hostSiteId,
      title: "Homestay week",
      arrivalOn: "2031-07-05",
      departureOn: "2031-07-12",
      capacity: 10,
      perCountryCap: 3,
      themes: ["rural_tourism"],
      languages: ["th"],
      interpreterLanguages: ["en"],
      homestay: true,
      ...over,
    })
    .returning()
    .get();
}

/** Values of the sensitive fields a host must never see; every one is unique to find in output. */
export const SECRET = {
  birthDate: "1971-03-14",
  phone: "+84901234567",
  emergencyContactName: "Trần Văn Bí Mật",
  emergencyContactPhone: "+84987654321",
  emergencyContactRelation: "spouse-secret",
  motivation: "motivation-secret-text",
};

let n = 0;
export async function makeParticipant(editionId: number, over: Partial<typeof t.applications.$inferInsert> = {}) {
  n += 1;
  const user = await createUser({ email: `participant${n}-${Date.now()}@example.org`, name: `Participant ${n}` });
  const app = db()
    .insert(t.applications)
    .values({
      editionId,
      userId: user.id,
      status: "accepted",
      givenName: "Thị Ánh",
      familyName: "Nguyễn",
      givenNameLatin: "Thi Anh",
      familyNameLatin: "Nguyen",
      nameOrder: "family_first",
      gender: "female",
      nationality: "VN",
      languages: [
        { code: "vi", level: "native" },
        { code: "en", level: "working" },
      ],
      dietaryNeeds: "no pork",
      accessibilityNeeds: "ground floor room",
      sensitiveConsentAt: "2031-01-10T00:00:00.000Z",
      ...SECRET,
      ...over,
    })
    .returning()
    .get();
  return { user, app };
}

export function place(visitId: number, applicationId: number, status: (typeof t.placements.$inferInsert)["status"]) {
  return db().insert(t.placements).values({ visitId, applicationId, status }).returning().get();
}

export function getSiteRow(id: number) {
  return db().select().from(t.hostSites).where(eq(t.hostSites.id, id)).get();
}

export function getVisitRow(id: number) {
  return db().select().from(t.exchangeVisits).where(eq(t.exchangeVisits.id, id)).get();
}

/** A complete, valid profile form. */
export function siteForm(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    name: "大寨村",
    nameLatin: "Dazhai Cun",
    countryCode: "VN",
    province: "Lào Cai",
    district: "Sa Pa",
    latitude: "22.3364",
    longitude: "103.8438",
    description: "Ruộng bậc thang và du lịch cộng đồng.",
    themes: ["rural_tourism", "cooperatives"],
    languages: ["vi"],
    "interpreters[0].name": "Lê Hoa",
    "interpreters[0].languages": ["en", "zh"],
    "interpreters[1].name": "",
    accommodation: ["homestay", "guesthouse"],
    beds: "24",
    dietaryAbilities: ["halal", "vegetarian"],
    dietaryOther: "no seafood",
    accessibility: "Steep paths; one ground-floor homestay.",
    "contacts[0].name": "Nguyễn Văn Nam",
    "contacts[0].role": "Village head",
    "contacts[0].phone": "0912 345 678",
    "contacts[0].email": " Nam@Example.org ",
    "contacts[1].name": "",
    ...over,
  };
}

/** A complete, valid visit form for `editionId`. */
export function visitForm(editionId: number, over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    editionId: String(editionId),
    title: "Tuần homestay",
    arrivalOn: "2031-07-10",
    departureOn: "2031-07-17",
    capacity: "8",
    perCountryCap: "2",
    themes: ["rural_tourism"],
    languages: ["th"],
    interpreterLanguages: ["en", "vi"],
    homestay: "on",
    notes: "Mang áo mưa.",
    ...over,
  };
}
