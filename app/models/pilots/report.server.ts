/**
 * The pilot report as CSV (issue 16, item 5, part): one row per project the reader may see (the
 * overview's scope and filters), with its village and place, status, milestones (total, reached,
 * late), planned and actual spending in the project's currency (major units, as typed) and, for
 * reports, in US dollars at the latest stored rate with that rate and its date in their own
 * columns (empty when no rate), monitoring visits (count, last date, open agreed actions, photos:
 * the photos themselves are served only on the project page, in scope). Machine-readable headers (snake_case, as the other exports);
 * UTF-8 with a BOM; formula-looking cells neutralised (app/domain/csv.ts).
 */
import { stringify } from "csv-stringify/sync";
import { countryName } from "../../domain/countries";
import { neutraliseCell } from "../../domain/csv";
import { minorToInput, toUsd } from "../../domain/pilots/money";
import type { Actor } from "../actor";
import { latestRate } from "./plan.server";
import { listPilots, type PilotFilters } from "./views.server";

const HEADERS = [
  "country",
  "country_name",
  "province",
  "district",
  "village",
  "village_latin",
  "latitude",
  "longitude",
  "households",
  "population",
  "project_id",
  "project",
  "component",
  "component_other",
  "status",
  "starts_on",
  "ends_on",
  "local_lead",
  "from_action_plan",
  "milestones_total",
  "milestones_done",
  "milestones_late",
  "currency",
  "planned",
  "actual",
  "budget_used_percent",
  "usd_rate",
  "usd_rate_on",
  "planned_usd",
  "actual_usd",
  "monitoring_visits",
  "last_visit_on",
  "open_agreed_actions",
  "visit_photos",
  "plan_adjustments",
  "last_adjustment_at",
  "completed_on",
  "expost_12_due_on",
  "expost_12_state",
  "expost_24_due_on",
  "expost_24_state",
];

/** The CSV text (with BOM) of the projects `actor` may see, filtered as the overview. */
export function pilotReportCsv(actor: Actor, filters: PilotFilters, lng = "en", now: Date = new Date()): string {
  const rates = new Map<string, ReturnType<typeof latestRate>>();
  const rateOf = (c: string) => (rates.has(c) ? rates.get(c)! : (rates.set(c, latestRate(c)), rates.get(c)!));
  const usd = (minor: number, currency: string, rate: string) => toUsd(minor, currency, rate).toFixed(2);
  const rows = listPilots(actor, filters, now).flatMap(({ village: v, projects }) =>
    projects.map((p) => {
      const r = rateOf(p.currency);
      return [
        v.countryCode,
        countryName(v.countryCode, lng),
        v.province,
        v.district,
        v.name,
        v.nameLatin,
        v.latitude ?? "",
        v.longitude ?? "",
        v.households ?? "",
        v.population ?? "",
        p.id,
        p.title,
        p.component,
        p.componentOther,
        p.status,
        p.startsOn ?? "",
        p.endsOn ?? "",
        p.localLeadName,
        p.fromActionPlan ? "yes" : "no",
        p.milestones.total,
        p.milestones.done,
        p.milestones.late,
        p.currency,
        minorToInput(p.plannedMinor, p.currency),
        minorToInput(p.actualMinor, p.currency),
        p.used === null ? "" : (p.used * 100).toFixed(1),
        r?.rate ?? "",
        r?.rateOn ?? "",
        r ? usd(p.plannedMinor, p.currency, r.rate) : "",
        r ? usd(p.actualMinor, p.currency, r.rate) : "",
        p.visits.visits,
        p.visits.lastVisitOn ?? "",
        p.visits.openActions,
        p.visits.photos,
        p.adjustments.length,
        p.adjustments.length ? [...p.adjustments].sort().pop()! : "",
        p.expost?.completedOn ?? "",
        p.expost?.measures[0].dueOn ?? "",
        p.expost?.measures[0].state ?? "",
        p.expost?.measures[1].dueOn ?? "",
        p.expost?.measures[1].state ?? "",
      ].map((c) => (typeof c === "string" ? neutraliseCell(c) : c));
    }),
  );
  return stringify(rows, { bom: true, header: true, columns: HEADERS });
}
