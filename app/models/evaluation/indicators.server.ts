/**
 * The indicator library (organizer): what the evaluation measures, grouped as economic
 * development, social progress, environment and ecological protection, learning and satisfaction.
 * ensureStarterIndicators(db) adds the starter set (idempotent; by code) at start and in the seed.
 */
import type { Translations } from "../../domain/local-text";
import { asc, eq, isNull } from "drizzle-orm";
import { db as defaultDb, immediate, t, type Db } from "../../db.server";
import { localText } from "../../domain/evaluation/text";
import type { Actor } from "../actor";
import { requireOrganizer } from "../actor";
import { recordAudit } from "../audit.server";
import { FieldErrors, NotFoundError } from "../errors";
import { STARTER_DISAGGREGATIONS, STARTER_INDICATORS } from "./starter";
import type { ChoiceOption, Disaggregation, IndicatorGroup, IndicatorType } from "../../../db/schema/evaluation";

export type Indicator = typeof t.indicators.$inferSelect;

/** Inserts the starter indicators that are missing (by code); returns code -> id of all starter ones. */
export function ensureStarterIndicators(db: Db = defaultDb()): Record<string, number> {
  return immediate(db, (tx) => {
    const have = new Map(
      tx
        .select({ id: t.indicators.id, code: t.indicators.code })
        .from(t.indicators)
        .all()
        .map((r) => [r.code, r.id]),
    );
    for (const s of STARTER_INDICATORS) {
      if (have.has(s.code)) continue;
      const id = tx
        .insert(t.indicators)
        .values({
          code: s.code,
          name: s.name,
          group: s.group,
          type: s.type,
          unit: s.unit ?? {},
          options: s.options ?? [],
          direction: s.direction ?? "higher_better",
          disaggregations: STARTER_DISAGGREGATIONS,
          starter: true,
        })
        .returning({ id: t.indicators.id })
        .get().id;
      have.set(s.code, id);
    }
    return Object.fromEntries(STARTER_INDICATORS.map((s) => [s.code, have.get(s.code)!]));
  });
}

/** Every indicator (archived last), ordered by group and code. */
export function listIndicators(opts: { includeArchived?: boolean } = {}): Indicator[] {
  const q = defaultDb().select().from(t.indicators);
  const rows = (opts.includeArchived ? q : q.where(isNull(t.indicators.archivedAt))).orderBy(asc(t.indicators.group), asc(t.indicators.code)).all();
  return rows;
}

export function indicatorsById(): Map<number, Indicator> {
  return new Map(listIndicators({ includeArchived: true }).map((i) => [i.id, i]));
}

export type IndicatorInput = {
  code: string;
  nameEn: string;
  nameVi?: string;
  group: IndicatorGroup;
  type: IndicatorType;
  unitEn?: string;
  unitVi?: string;
  /** Name and unit in other languages (issue 11). */
  tr?: Translations<"name" | "unit">;
  /** One option per line: "value = English label | Vietnamese label". */
  options?: string;
  direction: "higher_better" | "lower_better";
  disaggregations: Disaggregation[];
};

/** Parses option lines "value = English | Vietnamese" (the value may be omitted: derived from English). */
export function parseOptions(text: string): ChoiceOption[] | null {
  const out: ChoiceOption[] = [];
  for (const line of text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [left, right] = line.includes("=") ? [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)] : ["", line];
    const [en, vi] = right.split("|").map((s) => s.trim());
    const value = (left.trim() || en)
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\p{L}\p{N}]+/gu, "_")
      .replace(/^_|_$/g, "");
    if (!en || !value) return null;
    if (out.some((o) => o.value === value)) return null;
    out.push({ value, label: vi ? { en, vi } : { en } });
  }
  return out;
}

/** Organizer: adds an indicator to the library; FieldErrors for a taken code or bad options. */
export function createIndicator(actor: Actor, input: IndicatorInput): number {
  requireOrganizer(actor);
  const code = input.code.trim().toUpperCase();
  const choice = input.type === "single_choice" || input.type === "multiple_choice";
  const options = choice ? parseOptions(input.options ?? "") : [];
  if (choice && (!options || options.length < 2)) throw FieldErrors.one("options", "evaluation.errors.options");
  return immediate(defaultDb(), (tx) => {
    if (tx.select().from(t.indicators).where(eq(t.indicators.code, code)).get()) throw FieldErrors.one("code", "evaluation.errors.codeTaken");
    const name: Record<string, string> = { en: input.nameEn.trim() };
    if (input.nameVi?.trim()) name.vi = input.nameVi.trim();
    const unit: Record<string, string> = {};
    if (input.unitEn?.trim()) unit.en = input.unitEn.trim();
    if (input.unitVi?.trim()) unit.vi = input.unitVi.trim();
    Object.assign(name, input.tr?.name);
    // A unit's translations only where the unit has an English form (a unitless indicator stays so).
    if (unit.en) Object.assign(unit, input.tr?.unit);
    const id = tx
      .insert(t.indicators)
      .values({
        code,
        name,
        group: input.group,
        type: input.type,
        unit,
        options: options ?? [],
        direction: input.direction,
        disaggregations: input.disaggregations,
      })
      .returning({ id: t.indicators.id })
      .get().id;
    recordAudit(actor, { entityType: "indicator", entityId: id, action: "create", toState: "active", details: { code } }, tx);
    return id;
  });
}

/** Organizer: archives (hides from new questions) or restores an indicator. Answers keep it. */
export function setIndicatorArchived(actor: Actor, id: number, archived: boolean): void {
  requireOrganizer(actor);
  immediate(defaultDb(), (tx) => {
    const row = tx.select().from(t.indicators).where(eq(t.indicators.id, id)).get();
    if (!row) throw new NotFoundError("indicator");
    tx.update(t.indicators)
      .set({ archivedAt: archived ? new Date().toISOString() : null })
      .where(eq(t.indicators.id, id))
      .run();
    recordAudit(actor, { entityType: "indicator", entityId: id, action: archived ? "archive" : "restore" }, tx);
  });
}

/** The indicator's name in `lng` (English fallback). */
export function indicatorName(i: Pick<Indicator, "name">, lng: string): string {
  return localText(i.name, lng);
}
