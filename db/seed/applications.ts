/**
 * The demo applicants: one account and one application each, with an audit trail that follows
 * the life cycle (app/domain/application-lifecycle.ts) step by step, as the use cases write it:
 * create (or nominate, by the focal point), submit (applicant), return or endorse (the country's
 * focal point), waitlist / accept / reject (an organizer), withdraw (applicant). Instants are
 * spread over the application window and always lie in the past.
 */
import type { ApplicationAction } from "../../app/domain/application-lifecycle";
import { defaultNameOrder, defaultTimeZone } from "../../app/domain/countries";
import { addDays, daysBetween } from "../../app/domain/dates";
import { displayName, searchText, userNameColumns, type PersonName } from "../../app/domain/names";
import type { Db } from "../client";
import type { ApplicationStatus, LanguageSkill } from "../schema/programme";
import * as t from "../schema";
import type { SeededEdition } from "./editions";
import type { PersonSeed } from "./types";
import { applicantEmail, instantOn, iso, mobileNumber, type Rng, countryLanguage } from "./util";

type Step = { action: ApplicationAction | "create" | "nominate"; to: ApplicationStatus; by: "applicant" | "focal" | "organizer"; reason?: string | null };

const LEVELS: Record<string, LanguageSkill["level"]> = { n: "native", f: "fluent", w: "working", b: "basic" };

export function parseLanguages(spec: string): LanguageSkill[] {
  return spec.split(/\s+/).map((pair) => {
    const [code, level] = pair.split("/");
    if (!LEVELS[level]) throw new Error(`bad language level in "${spec}"`);
    return { code, level: LEVELS[level] };
  });
}

/** The steps that lead to the person's status (without the withdrawal's origin, `from`). */
function stepsTo(p: PersonSeed, status: ApplicationStatus): Step[] {
  const steps: Step[] = [{ action: p.nominated ? "nominate" : "create", to: "draft", by: p.nominated ? "focal" : "applicant" }];
  if (status === "draft") {
    if (p.returned) steps.push({ action: "submit", to: "submitted", by: "applicant" }, { action: "return", to: "draft", by: "focal", reason: p.returned });
    return steps;
  }
  steps.push({ action: "submit", to: "submitted", by: "applicant" });
  if (status === "submitted") return steps;
  steps.push({ action: "endorse", to: "endorsed", by: "focal" });
  if (status === "endorsed") return steps;
  if (status === "accepted") {
    if (p.viaWaitlist) steps.push({ action: "waitlist", to: "waitlisted", by: "organizer" });
    steps.push({ action: "accept", to: "accepted", by: "organizer" });
  } else if (status === "waitlisted") steps.push({ action: "waitlist", to: "waitlisted", by: "organizer", reason: p.reason });
  else if (status === "rejected") steps.push({ action: "reject", to: "rejected", by: "organizer", reason: p.reason });
  else throw new Error(`no path to ${status}`);
  return steps;
}

export function storySteps(p: PersonSeed): Step[] {
  if (p.status !== "withdrawn") return stepsTo(p, p.status);
  const before = stepsTo({ ...p, reason: undefined }, p.from ?? "submitted");
  return [...before, { action: "withdraw", to: "withdrawn", by: "applicant", reason: p.reason }];
}

/** Days between consecutive steps of the story (create is placed separately). */
const GAP: Record<Step["action"], [number, number]> = {
  create: [0, 0],
  nominate: [0, 0],
  submit: [0, 3],
  return: [1, 4],
  endorse: [1, 4],
  waitlist: [2, 5],
  accept: [1, 5],
  reject: [2, 5],
  withdraw: [1, 4],
};

/**
 * Instants of the steps: the first a few days after the window opened, then gaps per step; the
 * whole story is shifted back when it would end after `lastDay` (a day offset from today).
 */
function timeline(steps: Step[], today: string, openDay: number, lastDay: number, rng: Rng): number[] {
  const days: number[] = [];
  let d = openDay + rng.int(0, 6);
  for (const s of steps) {
    const [lo, hi] = GAP[s.action];
    if (days.length) d += rng.int(lo, hi);
    days.push(d);
  }
  const shift = Math.max(0, days[days.length - 1] - lastDay);
  let prev = 0;
  return days.map((day) => {
    let ms = instantOn(today, Math.max(openDay, day - shift), rng.int(1, 9), rng.int(0, 59));
    if (ms <= prev) ms = prev + rng.int(20, 150) * 60_000;
    prev = ms;
    return ms;
  });
}

export type People = { taken: Set<string>; focalByCountry: Record<string, number>; organizers: number[]; passwordHash: string };

/** Inserts the person's account, application and audit trail; returns the user's e-mail. */
export function seedApplicant(tx: Db, p: PersonSeed, edition: SeededEdition, today: string, ctx: People, rng: Rng): string {
  const name: PersonName = {
    givenName: p.given,
    familyName: p.family ?? "",
    givenNameLatin: p.givenLatin,
    familyNameLatin: p.familyLatin ?? "",
    nameOrder: defaultNameOrder(p.cc),
  };
  const email = applicantEmail(p.givenLatin, p.familyLatin ?? "", p.cc, ctx.taken);
  const userId = tx
    .insert(t.users)
    .values({
      email,
      passwordHash: ctx.passwordHash,
      ...userNameColumns(displayName(name)),
      locale: countryLanguage(p.cc),
      timeZone: p.tz ?? defaultTimeZone(p.cc),
    })
    .returning({ id: t.users.id })
    .get().id;

  const steps = storySteps(p);
  // Stories end before today, and a week before the edition began when it already has.
  const openDay = daysBetween(today, edition.opensOn);
  const lastDay = Math.min(-2, daysBetween(today, edition.startsOn) - 7);
  const at = timeline(steps, today, openDay, lastDay, rng);
  const [from, to] = p.avail ?? [-1, 1];
  const sensitive = !!(p.diet || p.access);
  const last = steps[steps.length - 1];
  const submitAt = steps.map((s, i) => (s.action === "submit" ? at[i] : 0)).reduce((a, b) => Math.max(a, b), 0);

  const appId = tx
    .insert(t.applications)
    .values({
      editionId: edition.id,
      userId,
      nominatedBy: p.nominated ? ctx.focalByCountry[p.cc] : null,
      status: last.to,
      ...name,
      familyName: name.familyName ?? "",
      givenNameLatin: name.givenNameLatin ?? "",
      familyNameLatin: name.familyNameLatin ?? "",
      searchName: searchText(name),
      gender: p.sex,
      birthDate: p.born,
      nationality: p.cc,
      village: p.place[0],
      district: p.place[1],
      province: p.place[2],
      position: p.pos[0],
      positionKind: p.pos[1],
      yearsInPosition: p.pos[2],
      languages: parseLanguages(p.langs),
      themes: p.themes,
      preferredHostCountries: ["CN"],
      availableFrom: addDays(edition.startsOn, from),
      availableTo: addDays(edition.endsOn, to),
      dietaryNeeds: p.diet ?? "",
      accessibilityNeeds: p.access ?? "",
      sensitiveConsentAt: sensitive ? iso(at[0]) : null,
      emergencyContactName: p.contact[0],
      emergencyContactRelation: p.contact[1],
      emergencyContactPhone: mobileNumber(p.cc, rng),
      phone: mobileNumber(p.cc, rng),
      motivation: p.motivation,
      statusReason: last.reason ?? null,
      submittedAt: submitAt ? iso(submitAt) : null,
      createdAt: iso(at[0]),
      updatedAt: iso(at[at.length - 1]),
    })
    .returning({ id: t.applications.id })
    .get().id;

  let state: ApplicationStatus | null = null;
  steps.forEach((s, i) => {
    const actor = s.by === "applicant" ? userId : s.by === "focal" ? ctx.focalByCountry[p.cc] : ctx.organizers[rng.int(0, 3) === 0 ? 1 : 0];
    tx.insert(t.auditEvents)
      .values({
        at: iso(at[i]),
        actorUserId: actor,
        entityType: "application",
        entityId: appId,
        action: s.action,
        fromState: state,
        toState: s.to,
        reason: s.reason ?? null,
        details: s.action === "nominate" ? { nomineeUserId: userId } : null,
      })
      .run();
    state = s.to;
  });
  return email;
}
