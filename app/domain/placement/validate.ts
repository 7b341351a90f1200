/**
 * Instance validation with zod (v4). Every error names the field path (e.g.
 * `participants[3].availability.from`), so the CLI and the app can point at the culprit.
 * Cross-references (unique ids, locked and ranked visits that exist, from <= to) are checked in
 * a refinement so a bad instance is rejected before the solver sees it; rules the engine can
 * not satisfy (nobody eligible, locked over capacity) are not errors: they are reported per
 * participant in the result.
 */
import * as z from "zod";
import type { Options, PlacementInstance, Weights } from "./types";
import { costBoundProblem } from "./cost-bound";
import { fastValid } from "./validate-fast";

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Calendar check on the text itself: no JS Date, so no time-zone shift. */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

const isoDate = z.string().refine(isIsoDate, { message: "expected a date as YYYY-MM-DD" });
const country = z.string().regex(/^[A-Z]{2}$/, { message: "expected an ISO 3166-1 alpha-2 code (e.g. TH)" });
const language = z.string().regex(/^[a-z]{2}$/, { message: "expected an ISO 639-1 code (e.g. th)" });
const id = z.string().min(1, { message: "expected a non-empty id" });
const theme = z.string().min(1);
const count = z.number().int().min(0);

const preferenceEntry = z.union([z.object({ visit: id }).strict(), z.object({ country }).strict()]);

export const participantSchema = z.object({
  id,
  country,
  gender: z.enum(["female", "male", "other", "undisclosed"]).optional(),
  languages: z.array(language),
  availability: z.object({ from: isoDate, to: isoDate }),
  preferences: z.array(preferenceEntry),
  themes: z.array(theme).optional(),
});

export const visitSchema = z.object({
  id,
  hostCountry: country,
  arrival: isoDate,
  departure: isoDate,
  capacity: count,
  countryCap: count.nullable().optional(),
  languages: z.array(language),
  interpreterLanguages: z.array(language).optional(),
  themes: z.array(theme).optional(),
});

export const instanceSchema = z
  .object({
    participants: z.array(participantSchema),
    visits: z.array(visitSchema),
    locked: z.record(z.string(), id).optional(),
    weights: z.object({ rank: count.optional(), theme: count.optional() }).optional(),
    options: z
      .object({
        acceptUnranked: z.boolean().optional(),
        seed: z.number().int().optional(),
        genderBalance: z.boolean().optional(),
      })
      .optional(),
  })
  .superRefine((inst, ctx) => {
    const pids = new Set<string>();
    inst.participants.forEach((p, i) => {
      if (pids.has(p.id)) ctx.addIssue({ code: "custom", path: ["participants", i, "id"], message: `duplicate participant id "${p.id}"` });
      pids.add(p.id);
      if (p.availability.from > p.availability.to)
        ctx.addIssue({ code: "custom", path: ["participants", i, "availability", "to"], message: "availability ends before it starts" });
    });
    const vids = new Set<string>();
    inst.visits.forEach((v, i) => {
      if (vids.has(v.id)) ctx.addIssue({ code: "custom", path: ["visits", i, "id"], message: `duplicate visit id "${v.id}"` });
      vids.add(v.id);
      if (v.arrival > v.departure) ctx.addIssue({ code: "custom", path: ["visits", i, "departure"], message: "departure before arrival" });
    });
    inst.participants.forEach((p, i) =>
      p.preferences.forEach((e, j) => {
        if ("visit" in e && !vids.has(e.visit))
          ctx.addIssue({ code: "custom", path: ["participants", i, "preferences", j, "visit"], message: `unknown visit "${e.visit}"` });
      }),
    );
    for (const [pid, vid] of Object.entries(inst.locked ?? {})) {
      if (!pids.has(pid)) ctx.addIssue({ code: "custom", path: ["locked", pid], message: `unknown participant "${pid}"` });
      if (!vids.has(vid)) ctx.addIssue({ code: "custom", path: ["locked", pid], message: `unknown visit "${vid}"` });
    }
    const costProblem = costBoundProblem(inst);
    if (costProblem) ctx.addIssue({ code: "custom", path: ["weights"], message: costProblem });
  });

/** Formats a zod path as `participants[3].availability.from`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out === "" ? "(instance)" : out;
}

export interface ValidationIssue {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; instance: PlacementInstance } | { ok: false; issues: ValidationIssue[] };

/**
 * Validates unknown data (e.g. parsed JSON) as an instance. O(size of the instance). A valid
 * instance passes the hand-written fast path (validate-fast.ts) and comes back as given (unknown
 * keys kept); anything else goes through the zod schema, whose issues name the field.
 */
export function validateInstance(data: unknown): ValidationResult {
  if (fastValid(data)) return { ok: true, instance: data as PlacementInstance };
  const r = instanceSchema.safeParse(data);
  if (r.success) return { ok: true, instance: r.data as PlacementInstance };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}

export const DEFAULT_WEIGHTS: Weights = { rank: 10, theme: 1 };
export const DEFAULT_OPTIONS: Options = { acceptUnranked: false, seed: 0, genderBalance: true };
