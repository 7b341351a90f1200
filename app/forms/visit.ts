/**
 * Forms of exchange visits (schedule, edit, cancel), shared by the pages and their actions.
 * Rules that need the database (inside the edition's dates, capacity floor, beds, participants'
 * availability) are checked in app/models/hosts/visits.server.ts.
 */
import * as z from "zod";
import { THEMES, LANGUAGES } from "~/domain/vocabulary";
import { isoDate } from "./edition";
import { toArray } from "./to-array";
import { translationsField } from "./translations";

const datePair = z.object({ arrivalOn: isoDate, departureOn: isoDate });
const seatPair = z.object({ capacity: z.coerce.number().int().min(1), perCountryCap: z.coerce.number().int().min(1) });

export const visitSchema = z
  .object({
    editionId: z.coerce.number().int().positive(),
    title: z.string().trim().max(200).optional(),
    arrivalOn: isoDate,
    departureOn: isoDate,
    capacity: z.coerce.number().int().min(1, { error: "hosts.errors.capacityPositive" }).max(500),
    perCountryCap: z.coerce.number().int().min(1, { error: "hosts.errors.capPositive" }).max(500),
    themes: z.preprocess(toArray, z.array(z.enum(THEMES)).min(1)),
    languages: z.preprocess(toArray, z.array(z.enum(LANGUAGES)).min(1)),
    interpreterLanguages: z.preprocess(toArray, z.array(z.enum(LANGUAGES))),
    homestay: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    notes: z.string().trim().max(4000).optional(),
    tr: translationsField({ title: 200, notes: 4000 }),
  })
  // `when`: each cross-field check runs as soon as its own fields are valid, even while others
  // are still wrong, so every error shows on the first submit.
  .refine((v) => v.departureOn >= v.arrivalOn, {
    path: ["departureOn"],
    error: "hosts.errors.departureBeforeArrival",
    when: (p) => datePair.safeParse(p.value).success,
  })
  .refine((v) => v.perCountryCap <= v.capacity, {
    path: ["perCountryCap"],
    error: "hosts.errors.capAboveCapacity",
    when: (p) => seatPair.safeParse(p.value).success,
  });

export type VisitInput = z.output<typeof visitSchema>;

export const cancelVisitSchema = z.object({ reason: z.string().trim().min(1).max(2000) });
