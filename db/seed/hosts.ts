/**
 * Demo host sites and the exchange visits of the Yunnan edition. Four vetted sites in China
 * (a Yao homestay village and a Dai village in Xishuangbanna, a tea cooperative on Jingmai
 * Mountain in Pu'er, the Longji terraces in Guangxi) and two pending ones (Laos, Thailand).
 * Visits lie inside the edition's week; their seats (32) roughly match the accepted participants.
 * No placements: the placement engine makes those. Coordinates are approximate (for the pilot map).
 */
import { addDays } from "../../app/domain/dates";
import type { Db } from "../client";
import * as t from "../schema";
import { mobileNumber, type Rng } from "./util";
import { VISIT_TITLES } from "./content-tr-titles";
import { SITE_TEXTS, VISIT_NOTES } from "./content-tr-texts";

type SiteSeed = Omit<typeof t.hostSites.$inferInsert, "contacts" | "lastCheckedOn"> & {
  contacts: { name: string; role: string; email?: string }[];
  /** Days before today of the last vetting check (vetted sites). */
  checkedDaysAgo?: number;
};

export const HOST_SITES: Record<string, SiteSeed> = {
  hebian: {
    name: "河边村",
    nameLatin: "Hebian Village (Yao), Mengla County",
    countryCode: "CN",
    province: "Yunnan",
    district: "Mengla County, Xishuangbanna",
    latitude: "21.6300",
    longitude: "101.4700",
    timeZone: "Asia/Shanghai",
    description:
      "A Yao village of 59 households in the rainforest of Mengla County. Since 2015 the villagers, with China " +
      "Agricultural University, have built guest rooms inside their own houses: poverty reduction through homestays " +
      "run by the families. Yao (Iu Mien) and Chinese are spoken.",
    themes: ["poverty_governance", "rural_tourism", "rural_revitalisation"],
    languages: ["zh"],
    interpreters: [
      { name: "李娜 Li Na", languages: ["zh", "en"] },
      { name: "Nguyễn Văn Hải", languages: ["zh", "vi"] },
    ],
    accommodation: ["homestay"],
    beds: 30,
    dietaryAbilities: ["vegetarian"],
    accessibility: "Steep paths between the houses; no step-free rooms.",
    contacts: [
      { name: "邓永福 Deng Yongfu", role: "Head of the village committee" },
      { name: "玉香 Yu Xiang", role: "Host coordinator", email: "host.xishuangbanna@vlx.demo" },
    ],
    vettingStatus: "vetted",
    vettingNotes: "Visited by the IPRCC secretariat; 15 family guest rooms meet the programme's standard.",
    checkedDaysAgo: 40,
  },
  manchunman: {
    name: "曼春满村",
    nameLatin: "Manchunman Village (Dai), Ganlanba",
    countryCode: "CN",
    province: "Yunnan",
    district: "Menghan Town, Jinghong, Xishuangbanna",
    latitude: "21.8600",
    longitude: "100.9300",
    timeZone: "Asia/Shanghai",
    description:
      "A Dai village of stilt houses around a Theravada temple on the Lancang (Mekong) river. Families run " +
      "guesthouses and fruit gardens. Dai (Tai Lü) is close to Thai and Lao.",
    themes: ["rural_tourism", "eco_agriculture", "rural_revitalisation"],
    languages: ["zh"],
    interpreters: [
      { name: "玉罕 Yu Han", languages: ["zh", "th", "lo"] },
      { name: "王磊 Wang Lei", languages: ["zh", "en"] },
    ],
    accommodation: ["guesthouse", "homestay"],
    beds: 40,
    dietaryAbilities: ["vegetarian", "halal", "no_pork"],
    accessibility: "Two ground-floor guest rooms; the temple grounds are flat.",
    contacts: [
      { name: "岩香 Yan Xiang", role: "Village head" },
      { name: "玉香 Yu Xiang", role: "Host coordinator", email: "host.xishuangbanna@vlx.demo" },
    ],
    vettingStatus: "vetted",
    vettingNotes: "Halal meals come from a Hui restaurant in Jinghong.",
    checkedDaysAgo: 38,
  },
  jingmai: {
    name: "芒景村古茶专业合作社",
    nameLatin: "Mangjing Village tea cooperative, Jingmai Mountain",
    countryCode: "CN",
    province: "Yunnan",
    district: "Huimin Town, Lancang County, Pu'er",
    latitude: "22.1900",
    longitude: "100.0300",
    timeZone: "Asia/Shanghai",
    description:
      "Blang and Dai villages among the old tea forests of Jingmai Mountain (UNESCO World Heritage since 2023). " +
      "The villagers' cooperative picks, processes and sells the tea and trains young growers.",
    themes: ["cooperatives", "eco_agriculture", "rural_tourism"],
    languages: ["zh"],
    interpreters: [
      { name: "岩温 Yan Wen", languages: ["zh", "en"] },
      { name: "Souliya Phommavong", languages: ["zh", "lo", "th"] },
    ],
    accommodation: ["guesthouse"],
    beds: 24,
    dietaryAbilities: ["vegetarian", "halal"],
    accessibility: "Tea-garden walks on uneven slopes; vehicles reach the cooperative.",
    contacts: [{ name: "岩坎 Yan Kan", role: "Cooperative chair", email: "host.jingmai@vlx.demo" }],
    vettingStatus: "vetted",
    vettingNotes: "Guesthouse inspected; the cooperative keeps a first-aid post.",
    checkedDaysAgo: 35,
  },
  longji: {
    name: "龙脊村",
    nameLatin: "Longji Village, Longsheng",
    countryCode: "CN",
    province: "Guangxi",
    district: "Longsheng County, Guilin",
    latitude: "25.7600",
    longitude: "110.1200",
    timeZone: "Asia/Shanghai",
    description:
      "Zhuang and Yao villages on the Longji rice terraces. Terrace farming is kept alive by sharing tourism " +
      "income with the families who farm the terraces.",
    themes: ["rural_tourism", "eco_agriculture", "poverty_governance"],
    languages: ["zh", "en"],
    interpreters: [
      { name: "黄海燕 Huang Haiyan", languages: ["zh", "vi"] },
      { name: "潘明 Pan Ming", languages: ["zh", "en"] },
    ],
    accommodation: ["guesthouse", "homestay"],
    beds: 36,
    dietaryAbilities: ["vegetarian", "halal", "no_pork"],
    accessibility: "Stone steps throughout the village; porters carry luggage.",
    contacts: [{ name: "潘玉玲 Pan Yuling", role: "Host coordinator", email: "host.longji@vlx.demo" }],
    vettingStatus: "vetted",
    vettingNotes: "Vetted for the Guangxi group of the Yunnan edition.",
    checkedDaysAgo: 30,
  },
  nalan: {
    name: "ບ້ານນາລານ",
    nameLatin: "Ban Nalan, Nam Ha protected area",
    countryCode: "LA",
    province: "Luang Namtha",
    district: "Namtha",
    latitude: "20.9900",
    longitude: "101.4400",
    timeZone: "Asia/Vientiane",
    description: "A Khmu village on the edge of the Nam Ha protected area, running forest treks with village guides.",
    themes: ["rural_tourism", "eco_agriculture"],
    languages: ["lo", "en"],
    interpreters: [{ name: "Khamla Sengdara", languages: ["lo", "en", "th"] }],
    accommodation: ["homestay"],
    beds: 16,
    dietaryAbilities: ["vegetarian"],
    accessibility: "Forest trails only.",
    contacts: [{ name: "Khamla Sengdara", role: "Host coordinator", email: "host.nalan@vlx.demo" }],
    vettingStatus: "pending",
    vettingNotes: "Profile received; awaiting a visit by the secretariat.",
  },
  maekampong: {
    name: "บ้านแม่กำปอง",
    nameLatin: "Ban Mae Kampong",
    countryCode: "TH",
    province: "Chiang Mai",
    district: "Mae On",
    latitude: "18.8650",
    longitude: "99.3510",
    timeZone: "Asia/Bangkok",
    description: "A hill village known for its community homestays, tea (miang) and coffee, and a village-run micro hydropower plant.",
    themes: ["rural_tourism", "cooperatives", "eco_agriculture"],
    languages: ["th", "en"],
    interpreters: [{ name: "Nattapong Srisuwan", languages: ["th", "en", "zh"] }],
    accommodation: ["homestay"],
    beds: 40,
    dietaryAbilities: ["vegetarian", "halal"],
    accessibility: "Hilly; some homestays have ground-floor rooms.",
    contacts: [{ name: "Prasit Kaewmueang", role: "Host coordinator", email: "host.maekampong@vlx.demo" }],
    vettingStatus: "pending",
    vettingNotes: "Proposed by Thailand's focal point for the next edition.",
  },
};

type VisitSeed = Omit<typeof t.exchangeVisits.$inferInsert, "editionId" | "hostSiteId" | "arrivalOn" | "departureOn"> & {
  site: string;
  /** Arrival and departure as day offsets from the edition's first day. */
  days: [number, number];
};

const VISITS: VisitSeed[] = [
  {
    site: "hebian",
    title: "Yao homestay and community-led poverty reduction",
    days: [2, 5],
    capacity: 8,
    perCountryCap: 2,
    themes: ["poverty_governance", "rural_tourism"],
    languages: ["zh"],
    interpreterLanguages: ["en", "vi"],
    homestay: true,
    notes: "Participants sleep in family guest rooms, two per room.",
  },
  {
    site: "manchunman",
    title: "Dai village tourism and fruit gardens",
    days: [2, 5],
    capacity: 8,
    perCountryCap: 2,
    themes: ["rural_tourism", "eco_agriculture"],
    languages: ["zh"],
    interpreterLanguages: ["en", "th", "lo"],
    homestay: false,
  },
  {
    site: "jingmai",
    title: "Tea cooperatives of Jingmai Mountain",
    days: [2, 5],
    capacity: 8,
    perCountryCap: 2,
    themes: ["cooperatives", "eco_agriculture"],
    languages: ["zh"],
    interpreterLanguages: ["en", "lo", "th"],
    homestay: false,
  },
  {
    site: "longji",
    title: "Terrace farming and shared tourism income at Longji",
    days: [1, 4],
    capacity: 8,
    perCountryCap: 3,
    themes: ["rural_tourism", "eco_agriculture", "poverty_governance"],
    languages: ["zh", "en"],
    interpreterLanguages: ["vi"],
    homestay: true,
  },
];

/**
 * Inserts the host sites, links their coordinators (`coordinatorsBySite`: site key -> user ids)
 * and schedules the visits of `edition`. Returns the site ids by key.
 */
/**
 * Names of some demo sites in other readers' languages (issue 11): the local-script name is the
 * site country's own, the Latin name the English one; these are the names a Vietnamese, Thai,
 * Lao, Japanese or Korean reader would write (Sino-Vietnamese, Thai and Lao cognates, kana).
 */
const SITE_NAMES: Record<string, Record<string, string>> = {
  hebian: { vi: "Làng Hà Biên", ja: "河辺村", ko: "허볜촌" },
  longji: { vi: "Làng Long Tích", th: "หมู่บ้านหลงจี๋", ja: "龍脊村", ko: "룽지촌" },
  nalan: { th: "บ้านนาลาน" },
  maekampong: { lo: "ບ້ານແມ່ກຳປອງ", ja: "メーカンポン村" },
};

export function seedHosts(
  tx: Db,
  today: string,
  rng: Rng,
  coordinatorsBySite: Record<string, number[]>,
  edition: { id: number; startsOn: string },
): Record<string, number> {
  const ids: Record<string, number> = {};
  for (const [key, { contacts, checkedDaysAgo, ...site }] of Object.entries(HOST_SITES)) {
    const id = tx
      .insert(t.hostSites)
      .values({
        ...site,
        // Description and accessibility in the eleven other languages (issue 11, item 9), and for
        // a few sites their name as neighbouring readers write it.
        translations: { ...(SITE_TEXTS[key] ?? {}), ...(SITE_NAMES[key] ? { name: SITE_NAMES[key] } : {}) },
        contacts: contacts.map((c) => ({ ...c, phone: mobileNumber(site.countryCode, rng) })),
        lastCheckedOn: checkedDaysAgo === undefined ? null : addDays(today, -checkedDaysAgo),
      })
      .returning({ id: t.hostSites.id })
      .get().id;
    ids[key] = id;
    for (const userId of coordinatorsBySite[key] ?? []) tx.insert(t.hostSiteCoordinators).values({ hostSiteId: id, userId }).run();
  }
  for (const { site, days, ...visit } of VISITS) {
    tx.insert(t.exchangeVisits)
      .values({
        ...visit,
        translations: { title: VISIT_TITLES[visit.title ?? ""] ?? {}, ...(visit.notes ? { notes: VISIT_NOTES[visit.notes] ?? {} } : {}) },
        editionId: edition.id,
        hostSiteId: ids[site],
        arrivalOn: addDays(edition.startsOn, days[0]),
        departureOn: addDays(edition.startsOn, days[1]),
      })
      .run();
  }
  return ids;
}
