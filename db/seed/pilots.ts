/**
 * Demo pilot programmes (issue 16, item 6): the six pilot villages of the East Asia poverty-
 * reduction cooperation (two each in Laos, Cambodia and Myanmar) with projects in every state of
 * the life cycle (and its audit trail): roads, water supply, livestock, crops, skills training and
 * a health post. Milestones (one late), monthly budget lines with actual spending in kip, riel and
 * kyat (minor units), exchange rates for reports with their dates, and, per country, one project
 * proposed from the action plan of an alumnus of the 9th edition (who leads it), and indicator
 * values (baseline, periodic, final, ex post) from the starter indicator library. Village names
 * and figures are illustrative. Dates are relative to `today`.
 */
import { and, eq } from "drizzle-orm";
import { addDays } from "../../app/domain/dates";
import { minorDigits } from "../../app/domain/pilots/money";
import { currencyOf } from "../../app/domain/pilots/money.server";
import type { Db } from "../client";
import * as t from "../schema";
import type { PilotComponent, PilotStage, PilotStatus } from "../schema/pilots";

type ProjectSeed = {
  title: string;
  component: PilotComponent;
  objectives: string;
  status: PilotStatus;
  /** Days from today. */
  start: number;
  end: number;
  lead?: string;
  /** Link to an alumnus's action plan item of the village's country; the alumnus leads. */
  fromAlumnus?: "organizer" | "participant";
  suspendReason?: string;
  /** Title, due (days from today), reached (days from today) or null. */
  milestones: [string, number, number | null][];
  /** Item, month offset (0 = this month), planned major units, actual major units or null. */
  budget: [string, number, number, number | null][];
  /** Indicator code, stage, days from today, value. */
  indicators?: [string, PilotStage, number, number][];
};
type VillageSeed = Omit<typeof t.pilotVillages.$inferInsert, "id"> & { projects: ProjectSeed[] };

const VILLAGES: VillageSeed[] = [
  {
    name: "ບ້ານຊຽງດາ",
    nameLatin: "Ban Xiengda",
    countryCode: "LA",
    province: "Vientiane Capital",
    district: "Xaythany",
    latitude: "18.0461",
    longitude: "102.7347",
    households: 210,
    population: 1040,
    languages: ["lo"],
    timeZone: "Asia/Vientiane",
    localPartner: "Xaythany District Agriculture and Forestry Office",
    projects: [
      {
        title: "All-weather village road (2.1 km)",
        component: "infrastructure",
        objectives: "A gravel road with culverts so that the village reaches the district market and school in the rainy season.",
        status: "completed",
        start: -420,
        end: -120,
        lead: "Khamphone Sihalath (village head)",
        milestones: [
          ["Route surveyed with the villagers", -400, -398],
          ["Culverts laid", -300, -290],
          ["Gravel surface and drainage done", -140, -125],
        ],
        budget: [
          ["Gravel and culverts", -13, 950_000_000, 938_500_000],
          ["Labour (village work teams)", -12, 310_000_000, 322_000_000],
          ["Engineer supervision", -11, 95_000_000, 95_000_000],
        ],
        indicators: [
          ["ECO-COOP-HOUSEHOLDS", "baseline", -430, 22],
          ["ECO-COOP-HOUSEHOLDS", "periodic", -250, 27],
          ["ECO-COOP-HOUSEHOLDS", "final", -118, 34],
          ["SOC-PEOPLE-REACHED", "final", -118, 1040],
        ],
      },
      {
        title: "Sewing and motorbike repair training for young people",
        component: "skills_training",
        objectives: "Forty young people trained in a trade that earns an income in the village or nearby town; half of them women.",
        status: "in_progress",
        start: -60,
        end: 120,
        lead: "Vongdeuan Phommachanh (Lao Women's Union)",
        milestones: [
          ["Trainees chosen with the village committee", -50, -48],
          ["First sewing course finished", 20, null],
          ["Repair workshop equipped", 60, null],
        ],
        budget: [
          ["Sewing machines", -1, 48_000_000, 46_200_000],
          ["Trainers' fees", 0, 36_000_000, null],
          ["Workshop tools", 1, 52_000_000, null],
        ],
      },
    ],
  },
  {
    name: "ບ້ານຫ້ວຍຄູນ",
    nameLatin: "Ban Houaykhoun",
    countryCode: "LA",
    province: "Luang Prabang",
    district: "Nane",
    latitude: "19.6523",
    longitude: "102.1840",
    households: 96,
    population: 512,
    languages: ["lo"],
    timeZone: "Asia/Vientiane",
    localPartner: "Luang Prabang Provincial Rural Development Office",
    projects: [
      {
        title: "Gravity-fed water supply for the upper hamlet",
        component: "infrastructure",
        objectives: "Clean water at six tap stands within 100 m of every house of the upper hamlet, kept by a village water committee with women members.",
        status: "in_progress",
        start: -90,
        end: 150,
        fromAlumnus: "organizer",
        milestones: [
          ["Spring intake protected", -70, -66],
          ["Main pipe laid (3.4 km)", -10, null],
          ["Tap stands and water committee", 90, null],
        ],
        budget: [
          ["Pipes and fittings", -2, 185_000_000, 179_400_000],
          ["Intake and tank (cement, sand)", -1, 64_000_000, 71_300_000],
          ["Tap stands", 1, 42_000_000, null],
        ],
        indicators: [
          ["ENV-CLEAN-WATER", "baseline", -95, 31],
          ["SOC-WOMEN-DECISION", "baseline", -95, 10],
          ["ENV-CLEAN-WATER", "periodic", -20, 44],
          ["SOC-WOMEN-DECISION", "periodic", -20, 20],
        ],
      },
    ],
  },
  {
    name: "ភូមិស្វាយអាត់",
    nameLatin: "Phum Svay At",
    countryCode: "KH",
    province: "Kandal",
    district: "Kien Svay",
    latitude: "11.4870",
    longitude: "105.0310",
    households: 182,
    population: 860,
    languages: ["km"],
    timeZone: "Asia/Phnom_Penh",
    localPartner: "Kandal Provincial Department of Rural Development",
    projects: [
      {
        title: "Drip irrigation for the vegetable groups",
        component: "technology_upgrade",
        objectives:
          "Three vegetable groups (45 households) grow in the dry season with drip lines fed from the pond, and sell to the Phnom Penh buyers together.",
        status: "approved",
        start: 30,
        end: 270,
        lead: "Sokha Chan (commune councillor)",
        milestones: [
          ["Pond deepened", 60, null],
          ["Drip lines installed on 3 ha", 120, null],
        ],
        budget: [
          ["Drip lines and filters", 2, 28_500_000, null],
          ["Pond works", 1, 12_000_000, null],
        ],
      },
      {
        title: "Health post renovation",
        component: "public_service",
        objectives: "A dry, clean health post with a birth room and a water tank, open five days a week.",
        status: "proposed",
        start: 90,
        end: 240,
        lead: "Srey Mom (village health volunteer)",
        milestones: [],
        budget: [],
      },
    ],
  },
  {
    name: "ភូមិត្រពាំងស្វាយ",
    nameLatin: "Phum Trapeang Svay",
    countryCode: "KH",
    province: "Takeo",
    district: "Bati",
    latitude: "11.1902",
    longitude: "104.7745",
    households: 134,
    population: 645,
    languages: ["km"],
    timeZone: "Asia/Phnom_Penh",
    localPartner: "Bati District Office of Agriculture",
    projects: [
      {
        title: "Chicken vaccination and improved coops",
        component: "technology_upgrade",
        objectives: "Chick mortality halved in 80 households through a vaccination round every three months with the commune vet and raised coops.",
        status: "in_progress",
        start: -120,
        end: 240,
        fromAlumnus: "organizer",
        milestones: [
          ["Village animal health worker trained", -100, -101],
          ["First vaccination round", -60, -55],
          ["Second vaccination round", -5, null],
        ],
        budget: [
          ["Vaccines and cold box", -3, 4_100_000, 3_980_000],
          ["Coop materials", -2, 16_000_000, 15_240_000],
          ["Vaccination round 2", 0, 4_100_000, null],
        ],
        indicators: [
          ["ENV-CHEMICAL-PESTICIDES", "baseline", -125, 64],
          ["ENV-CHEMICAL-PESTICIDES", "periodic", -30, 51],
          ["ECO-COOP-HOUSEHOLDS", "baseline", -125, 15],
          ["ECO-COOP-HOUSEHOLDS", "periodic", -30, 26],
        ],
      },
    ],
  },
  {
    name: "အေးချမ်းသာကျေးရွာ",
    nameLatin: "Aye Chan Thar",
    countryCode: "MM",
    province: "Nay Pyi Taw",
    district: "Tatkon",
    latitude: "20.1305",
    longitude: "96.1980",
    households: 158,
    population: 720,
    languages: ["my"],
    timeZone: "Asia/Yangon",
    localPartner: "Department of Rural Development, Tatkon Township",
    projects: [
      {
        title: "Concrete village road and drainage",
        component: "infrastructure",
        objectives: "1.2 km of concrete road with side drains from the village to the highway, passable all year.",
        status: "suspended",
        start: -150,
        end: 60,
        lead: "U Aung Min (village administrator)",
        suspendReason: "Monsoon flooding washed out the side drains; work resumes after the water goes down and the design is checked.",
        milestones: [
          ["Road bed prepared", -120, -118],
          ["First 600 m concreted", -40, null],
        ],
        budget: [
          ["Cement and steel", -4, 52_000_000, 49_500_000],
          ["Labour", -3, 18_000_000, 17_200_000],
          ["Drain repair", 1, 9_500_000, null],
        ],
      },
      {
        title: "Solar pump for the village pond",
        component: "infrastructure",
        objectives: "A solar pump and storage tank give drinking water to every household in the dry season.",
        status: "completed",
        start: -380,
        end: -200,
        lead: "Daw Khin Khin Aye (water committee)",
        milestones: [
          ["Pump and panels installed", -260, -262],
          ["Tank and taps handed over", -210, -205],
        ],
        budget: [
          ["Solar pump and panels", -12, 21_000_000, 20_400_000],
          ["Storage tank and taps", -11, 8_000_000, 8_650_000],
        ],
        indicators: [
          ["ENV-CLEAN-WATER", "baseline", -390, 42],
          ["ENV-CLEAN-WATER", "final", -200, 88],
          ["ENV-CLEAN-WATER", "ex_post", -20, 91],
        ],
      },
    ],
  },
  {
    name: "သပြေကုန်းကျေးရွာ",
    nameLatin: "Tha Pyay Kone",
    countryCode: "MM",
    province: "Nay Pyi Taw",
    district: "Pyinmana",
    latitude: "19.7391",
    longitude: "96.2075",
    households: 121,
    population: 560,
    languages: ["my"],
    timeZone: "Asia/Yangon",
    localPartner: "Pyinmana Township Livestock Breeding and Veterinary Department",
    projects: [
      {
        title: "Improved pig breeding and home-made feed",
        component: "technology_upgrade",
        objectives: "Twenty households raise pigs with a shared boar, vaccinations and feed mixed from local maize and rice bran.",
        status: "proposed",
        start: 45,
        end: 400,
        fromAlumnus: "participant",
        milestones: [],
        budget: [],
      },
    ],
  },
];

/** Exchange rates for reports (currency per US dollar), dated about a month ago. */
const RATES: Record<string, { rate: string; source: string }> = {
  LAK: { rate: "21450", source: "Bank of the Lao PDR reference rate" },
  KHR: { rate: "4065", source: "National Bank of Cambodia official rate" },
  MMK: { rate: "2100", source: "Central Bank of Myanmar reference rate" },
};

const PATH: Record<PilotStatus, PilotStatus[]> = {
  proposed: [],
  approved: ["approved"],
  in_progress: ["approved", "in_progress"],
  completed: ["approved", "in_progress", "completed"],
  suspended: ["approved", "in_progress", "suspended"],
};

const month = (today: string, offset: number) => {
  const [y, m] = today.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return d.toISOString().slice(0, 7);
};
const stamp = (date: string, hour: number) => `${date}T${String(hour).padStart(2, "0")}:00:00.000Z`;

/** A submitted action plan item of an alumnus of `cc` not yet linked to a project, with its author. */
function alumnusItem(tx: Db, cc: string) {
  const rows = tx
    .select({ id: t.actionPlanItems.id, userId: t.applications.userId })
    .from(t.actionPlanItems)
    .innerJoin(t.surveyResponses, eq(t.surveyResponses.id, t.actionPlanItems.responseId))
    .innerJoin(t.applications, eq(t.applications.id, t.actionPlanItems.applicationId))
    .where(and(eq(t.applications.nationality, cc), eq(t.surveyResponses.status, "submitted")))
    .orderBy(t.actionPlanItems.id)
    .all();
  const used = new Set(
    tx
      .select({ id: t.pilotProjects.actionPlanItemId })
      .from(t.pilotProjects)
      .all()
      .map((r) => r.id),
  );
  return rows.find((r) => !used.has(r.id)) ?? null;
}

/** Seeds the six pilot villages with their projects; returns the project ids. */
export function seedPilots(tx: Db, today: string, organizerId: number): number[] {
  const ids: number[] = [];
  for (const { projects, ...village } of VILLAGES) {
    const villageId = tx
      .insert(t.pilotVillages)
      .values({ ...village, createdAt: stamp(addDays(today, -450), 3) })
      .returning({ id: t.pilotVillages.id })
      .get().id;
    tx.insert(t.auditEvents)
      .values({ at: stamp(addDays(today, -450), 3), actorUserId: organizerId, entityType: "pilot_village", entityId: villageId, action: "create" })
      .run();
    for (const p of projects) {
      const item = p.fromAlumnus ? alumnusItem(tx, village.countryCode) : null;
      const proposer = item && p.fromAlumnus === "participant" ? item.userId : organizerId;
      const created = addDays(today, Math.min(p.start, 0) - 40);
      const id = tx
        .insert(t.pilotProjects)
        .values({
          villageId,
          title: p.title,
          component: p.component,
          objectives: p.objectives,
          status: p.status,
          currency: currencyOf(village.countryCode),
          startsOn: addDays(today, p.start),
          endsOn: addDays(today, p.end),
          localLeadUserId: item?.userId ?? null,
          localLeadName: p.lead ?? "",
          organizerUserId: organizerId,
          actionPlanItemId: item?.id ?? null,
          proposedByUserId: proposer,
          createdAt: stamp(created, 2),
          updatedAt: stamp(created, 2),
        })
        .returning({ id: t.pilotProjects.id })
        .get().id;
      ids.push(id);
      const audit = (at: string, action: string, from: string | null, to: string | null, actor = organizerId, reason: string | null = null) =>
        tx
          .insert(t.auditEvents)
          .values({ at, actorUserId: actor, entityType: "pilot_project", entityId: id, action, fromState: from, toState: to, reason })
          .run();
      audit(stamp(created, 2), proposer === organizerId ? "create" : "propose", null, "proposed", proposer);
      let from: PilotStatus = "proposed";
      PATH[p.status].forEach((to, i) => {
        const when =
          to === "approved"
            ? addDays(created, 10)
            : to === "in_progress"
              ? addDays(today, Math.min(p.start, -1))
              : addDays(today, Math.min(p.end, -1) - (to === "suspended" ? 130 : 0) + i);
        audit(stamp(when, 4), "status", from, to, organizerId, to === "suspended" ? (p.suspendReason ?? null) : null);
        from = to;
      });
      for (const [title, due, done] of p.milestones) {
        tx.insert(t.pilotMilestones)
          .values({ projectId: id, title, dueOn: addDays(today, due), doneOn: done === null ? null : addDays(today, done) })
          .run();
      }
      for (const [code, stage, days, value] of p.indicators ?? []) {
        const indicatorId = tx.select({ id: t.indicators.id }).from(t.indicators).where(eq(t.indicators.code, code)).get()!.id;
        tx.insert(t.pilotIndicatorValues)
          .values({ projectId: id, indicatorId, stage, measuredOn: addDays(today, days), value, recordedBy: organizerId })
          .run();
      }
      // Figures above are in major units (kip, riel, kyat); stored in the currency's minor units.
      const unit = 10 ** minorDigits(currencyOf(village.countryCode));
      for (const [itemName, offset, planned, actual] of p.budget) {
        tx.insert(t.pilotBudgetLines)
          .values({
            projectId: id,
            period: month(today, offset),
            item: itemName,
            plannedMinor: planned * unit,
            actualMinor: actual === null ? null : actual * unit,
          })
          .run();
      }
    }
  }
  for (const [currency, r] of Object.entries(RATES)) {
    tx.insert(t.pilotExchangeRates)
      .values({ currency, rate: r.rate, rateOn: addDays(today, -30), source: r.source, createdBy: organizerId })
      .run();
  }
  return ids;
}
