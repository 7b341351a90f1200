/**
 * Training conflicts as the training form shows them: each conflict from the pure core
 * (app/domain/training) becomes a translation key with params under its form field, or a warning.
 */
import { inArray } from "drizzle-orm";
import { t, type Db } from "../../db.server";
import { displayName } from "../../domain/names";
import type { TrainingConflict } from "../../domain/training";

/** A conflict → translation key with params ("key|{json}") under the form field it belongs to. */
export function conflictMessages(tx: Db, conflicts: TrainingConflict[]): { errors: Record<string, string[]>; warnings: string[] } {
  const errors: Record<string, string[]> = {};
  const warnings: string[] = [];
  const add = (field: string, key: string, params: Record<string, unknown>) => (errors[field] ??= []).push(`${key}|${JSON.stringify(params)}`);
  for (const c of conflicts) {
    switch (c.code) {
      case "end_not_after_start":
        add("endTime", "training.errors.endNotAfterStart", {});
        break;
      case "outside_dates":
        add("startDate", c.scope === "visit" ? "training.errors.outsideVisit" : "training.errors.outsideEdition", { from: c.from, to: c.to });
        break;
      case "double_booked": {
        const field = { venue: "venueId", trainer: "trainerIds", interpreter: "interpreterIds", participant: "audience" }[c.resource];
        const names = resourceNames(tx, c.resource, c.resourceIds.map(Number));
        add(field, `training.errors.doubleBooked.${c.resource}`, {
          names,
          count: c.resourceIds.length,
          other: c.other.title ?? `#${c.other.id}`,
          time: c.other.localTime,
        });
        break;
      }
      case "public_holiday":
        warnings.push(`training.warnings.holiday|${JSON.stringify({ date: c.date, country: c.country, names: c.holidayNames.join(", ") })}`);
        break;
      case "interpreter_cover":
        warnings.push(
          `training.warnings.interpreterCover|${JSON.stringify({
            language: c.deliveryLanguage,
            languages: c.uncoveredLanguages.join(", "),
            people: resourceNames(tx, "participant", c.participantIds.map(Number)),
            count: c.participantIds.length,
          })}`,
        );
        break;
      case "holiday_data_unavailable":
        break;
    }
  }
  return { errors, warnings };
}

/** Display names of venues, trainers, interpreters or participants (application ids), comma-joined. */
export function resourceNames(tx: Db, kind: "venue" | "trainer" | "interpreter" | "participant", ids: number[]): string {
  if (!ids.length) return "";
  const max = 12;
  const shown = ids.slice(0, max);
  let names: string[];
  if (kind === "venue")
    names = tx
      .select({ n: t.venues.name })
      .from(t.venues)
      .where(inArray(t.venues.id, shown))
      .all()
      .map((r) => r.n);
  else if (kind === "trainer")
    names = tx
      .select({ n: t.trainers.name })
      .from(t.trainers)
      .where(inArray(t.trainers.id, shown))
      .all()
      .map((r) => r.n);
  else if (kind === "interpreter")
    names = tx
      .select({ n: t.interpreters.name })
      .from(t.interpreters)
      .where(inArray(t.interpreters.id, shown))
      .all()
      .map((r) => r.n);
  else
    names = tx
      .select({
        givenName: t.applications.givenName,
        familyName: t.applications.familyName,
        givenNameLatin: t.applications.givenNameLatin,
        familyNameLatin: t.applications.familyNameLatin,
        nameOrder: t.applications.nameOrder,
      })
      .from(t.applications)
      .where(inArray(t.applications.id, shown))
      .all()
      .map((r) => displayName(r));
  return names.join(", ") + (ids.length > max ? ` (+${ids.length - max})` : "");
}
