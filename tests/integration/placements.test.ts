// Placement board, manual changes and offers (issue 4) against a real SQLite file: every hard rule,
// every life-cycle step, the waiting list, scope (404), and a board the engine cannot satisfy.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import type { Actor } from "~/models/actor";
import { FieldErrors, NotFoundError, RuleError } from "~/models/errors";
import { buildInstance, runBoardEngine, saveProposal } from "~/models/placement/board.server";
import { getBoard } from "~/models/placement/board-view.server";
import { acceptOffer, declineOffer, expireOffers, getOwnPlacement, listOwnPlacements } from "~/models/placement/offers.server";
import {
  acceptFromWaitlist,
  assignParticipant,
  cancelPlacement,
  movePlacement,
  publishOffers,
  setPlacementLock,
  unassignPlacement,
} from "~/models/placement/placements.server";
import { listWhoIsComing } from "~/models/hosts/visit-participants.server";
import * as boardRoute from "~/routes/admin.editions.$id_.placement";
import * as placementRoute from "~/routes/admin.placements.$placementId";
import * as offerRoute from "~/routes/me_.placements.$placementId";
import { call, cookieFor, createUser } from "../support/factories";
import { makeEdition, makeParticipant, makeSite, makeVisit, place } from "./hosts-fixtures";

let organizer: Actor;
let host: Actor;

beforeAll(async () => {
  organizer = await createUser({ name: "Organizer", roles: [{ role: "organizer" }] });
  host = await createUser({ name: "Host", roles: [{ role: "host_coordinator" }] });
});

/** A fresh edition hosted in TH and VN: a Thai visit (2 seats, 1 per country) and a Vietnamese one (3 seats, 2 per country). */
function world() {
  const edition = makeEdition();
  const th = makeSite({ countryCode: "TH", timeZone: "Asia/Bangkok" }, [host.id]);
  const vn = makeSite({ name: "Bản Lác", nameLatin: "Ban Lac", countryCode: "VN", timeZone: "Asia/Ho_Chi_Minh", languages: ["vi"] }, [host.id]);
  const vTH = makeVisit(edition.id, th.id, { title: "Thai homestay", capacity: 2, perCountryCap: 1, languages: ["th"], interpreterLanguages: ["en"] });
  const vVN = makeVisit(edition.id, vn.id, { title: "Vietnam terraces", capacity: 3, perCountryCap: 2, languages: ["vi"], interpreterLanguages: ["en"] });
  return { edition, vTH, vVN };
}

const person = (editionId: number, cc: string, over: Partial<typeof t.applications.$inferInsert> = {}) =>
  makeParticipant(editionId, { nationality: cc, preferredHostCountries: ["TH", "VN"], availableFrom: "2031-07-01", availableTo: "2031-08-31", ...over });

const placementRow = (id: number) => db().select().from(t.placements).where(eq(t.placements.id, id)).get()!;
const audits = (id: number) =>
  db()
    .select()
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.entityType, "placement"), eq(t.auditEvents.entityId, id)))
    .all();

async function thrown(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("instance and engine run", () => {
  it("builds the instance from the database: preferences, languages, availability, offered/locked kept", async () => {
    const { edition, vTH, vVN } = world();
    const a = await person(edition.id, "KH", {
      languages: [
        { code: "km", level: "native" },
        { code: "en", level: "working" },
      ],
    });
    const b = await person(edition.id, "LA", { availableFrom: null, availableTo: null });
    place(vVN.id, b.app.id, "offered");
    const { instance, excluded } = buildInstance(edition.id);
    const pa = instance.participants.find((p) => p.id === String(a.app.id))!;
    expect(pa).toMatchObject({
      country: "KH",
      languages: ["km", "en"],
      availability: { from: "2031-07-01", to: "2031-08-31" },
      preferences: [{ country: "TH" }, { country: "VN" }],
    });
    expect(instance.participants.find((p) => p.id === String(b.app.id))!.availability).toEqual({ from: "0000-01-01", to: "9999-12-31" });
    expect(instance.visits.map((v) => [v.id, v.hostCountry, v.capacity, v.countryCap])).toEqual([
      [String(vTH.id), "TH", 2, 1],
      [String(vVN.id), "VN", 3, 2],
    ]);
    expect(instance.locked).toEqual({ [String(b.app.id)]: String(vVN.id) });
    expect(excluded).toEqual([]);
  });

  it("runs both modes, explains each choice and compares; a Vietnamese participant is never proposed in Vietnam", async () => {
    const { edition, vTH, vVN } = world();
    const vn1 = await person(edition.id, "VN");
    const kh = await person(edition.id, "KH");
    for (const mode of ["optimal", "stable"] as const) {
      const run = runBoardEngine(organizer, edition.id, mode);
      expect(run.result.assignment[String(vn1.app.id)]).toBe(String(vTH.id));
      expect(run.summary).toMatchObject({ participants: 2, placed: 2, unplaced: 0 });
      expect(run.comparison.extraPlaced).toBeGreaterThanOrEqual(0);
      const ex = run.result.explanations.find((e) => e.participantId === String(kh.app.id))!;
      expect(ex.status).toBe("placed");
      expect(run.diff.every((d) => d.kind === "new")).toBe(true);
    }
    void vVN;
  });

  it("answers a board the engine cannot satisfy with who cannot be placed and why, never an exception", async () => {
    const { edition, vTH, vVN } = world();
    // Two Thai-speakers-only from TH and VN's own countries, and locks over capacity put there directly.
    const th = await person(edition.id, "TH", { languages: [{ code: "th", level: "native" }], preferredHostCountries: ["TH"] });
    const l1 = await person(edition.id, "KH");
    const l2 = await person(edition.id, "LA");
    const l3 = await person(edition.id, "MM");
    for (const x of [l1, l2, l3]) db().insert(t.placements).values({ visitId: vTH.id, applicationId: x.app.id, status: "proposed", locked: true }).run();
    const run = runBoardEngine(organizer, edition.id, "optimal");
    const thEx = run.result.explanations.find((e) => e.participantId === String(th.app.id))!;
    expect(thEx.status).toBe("unplaced");
    expect(thEx.blockers.map((b) => b.code)).toEqual(expect.arrayContaining(["own_country"]));
    const lockEx = run.result.explanations.filter((e) => e.locked);
    expect(lockEx.flatMap((e) => e.overrides.map((o) => o.code))).toEqual(expect.arrayContaining(["capacity_exceeded"]));
    // The route answers 200 with the same data.
    const res = await call(boardRoute.action, `/admin/editions/${edition.id}/placement`, {
      cookie: await cookieFor(organizer.id),
      params: { id: String(edition.id) },
      form: { intent: "run", mode: "stable", acceptUnranked: "on" },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.run.summary.unplaced).toBeGreaterThanOrEqual(1);
    void vVN;
  });
});

describe("saving a proposal", () => {
  it("writes proposed placements, keeps locked ones on a re-run and replaces unlocked proposals", async () => {
    const { edition, vTH, vVN } = world();
    const kh = await person(edition.id, "KH", { preferredHostCountries: ["TH"] });
    const la = await person(edition.id, "LA", { preferredHostCountries: ["TH"] });
    const r1 = saveProposal(organizer, edition.id, "optimal", true);
    expect(r1.added).toBe(2);
    const rows = () =>
      db()
        .select()
        .from(t.placements)
        .where(inArray(t.placements.applicationId, [kh.app.id, la.app.id]))
        .all();
    expect(rows().every((p) => p.status === "proposed" && p.visitId === vTH.id)).toBe(true);
    expect(
      db()
        .select()
        .from(t.auditEvents)
        .where(and(eq(t.auditEvents.entityType, "edition"), eq(t.auditEvents.entityId, edition.id)))
        .all(),
    ).toHaveLength(1);

    // Lock KH's, move LA's by hand to VN (locked by the move), then unlock LA's: a re-run keeps KH's.
    const khRow = rows().find((p) => p.applicationId === kh.app.id)!;
    setPlacementLock(organizer, khRow.id, true);
    const laRow = rows().find((p) => p.applicationId === la.app.id)!;
    movePlacement(organizer, laRow.id, { visitId: vVN.id });
    setPlacementLock(organizer, laRow.id, false);
    const run = runBoardEngine(organizer, edition.id, "optimal");
    expect(run.diff.find((d) => d.applicationId === kh.app.id)!.kind).toBe("locked");
    expect(run.diff.find((d) => d.applicationId === la.app.id)).toMatchObject({ kind: "moved", from: vVN.id, to: vTH.id });
    saveProposal(organizer, edition.id, "optimal", true, run.fingerprint);
    expect(placementRow(khRow.id)).toMatchObject({ visitId: vTH.id, locked: true, status: "proposed" });
    expect(db().select().from(t.placements).where(eq(t.placements.id, laRow.id)).get()).toBeUndefined();
    expect(rows().find((p) => p.applicationId === la.app.id)!.visitId).toBe(vTH.id);
  });

  it("refuses to save a proposal the board has moved on from", async () => {
    const { edition, vVN } = world();
    const kh = await person(edition.id, "KH");
    const run = runBoardEngine(organizer, edition.id, "optimal");
    place(vVN.id, kh.app.id, "offered");
    const e = await thrown(() => saveProposal(organizer, edition.id, "optimal", true, run.fingerprint));
    expect(e).toBeInstanceOf(RuleError);
    expect((e as RuleError).key).toBe("placement.errors.boardChanged");
  });
});

describe("manual changes", () => {
  it("an override of a hard rule needs a written reason, is locked, and is audited with the rules broken", async () => {
    const { edition, vVN } = world();
    const vn = await person(edition.id, "VN", { availableTo: "2031-07-06" });
    const e = await thrown(() => assignParticipant(organizer, { applicationId: vn.app.id, visitId: vVN.id }));
    expect(e).toBeInstanceOf(FieldErrors);
    expect((e as FieldErrors).fields.reason).toEqual([
      "placement.errors.overrideNeedsReason",
      "placement.rules.own_country",
      "placement.rules.dates_outside_availability",
    ]);
    expect(db().select().from(t.placements).where(eq(t.placements.applicationId, vn.app.id)).all()).toHaveLength(0);

    // Through the route: 400 with the reasons next to the field, nothing written.
    const res = await call(boardRoute.action, `/admin/editions/${edition.id}/placement`, {
      cookie: await cookieFor(organizer.id),
      params: { id: String(edition.id) },
      form: { intent: "assign", applicationId: String(vn.app.id), visitId: String(vVN.id), reason: "" },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("placement.rules.own_country");

    const id = assignParticipant(organizer, { applicationId: vn.app.id, visitId: vVN.id, reason: "Co-learner from the host country" });
    expect(placementRow(id)).toMatchObject({ status: "proposed", locked: true, overrideReason: "Co-learner from the host country" });
    const [ev] = audits(id);
    expect(ev).toMatchObject({ action: "assign_override", actorUserId: organizer.id, reason: "Co-learner from the host country", toState: "proposed" });
    expect((ev.details as { rulesBroken: { code: string }[] }).rulesBroken.map((r) => r.code)).toEqual(["own_country", "dates_outside_availability"]);
    // A re-run keeps it (as a lock) and reports the override.
    const run = runBoardEngine(organizer, edition.id, "optimal");
    const ex = run.result.explanations.find((x) => x.participantId === String(vn.app.id))!;
    expect(ex).toMatchObject({ locked: true, visitId: String(vVN.id) });
    expect(ex.overrides.map((o) => o.code)).toContain("own_country");
  });

  it("a language rule needs a reason too; a placement keeping every rule needs none", async () => {
    const { edition, vTH } = world();
    const mute = await person(edition.id, "MM", { languages: [{ code: "my", level: "native" }] });
    const e = await thrown(() => assignParticipant(organizer, { applicationId: mute.app.id, visitId: vTH.id }));
    expect((e as FieldErrors).fields.reason).toContain("placement.rules.no_shared_language");
    const ok = await person(edition.id, "KH");
    const id = assignParticipant(organizer, { applicationId: ok.app.id, visitId: vTH.id });
    expect(audits(id)[0]).toMatchObject({ action: "assign", reason: null });
  });

  it("capacity and the country cap can never be overridden, reason or not", async () => {
    const { edition, vTH } = world();
    const kh1 = await person(edition.id, "KH");
    const kh2 = await person(edition.id, "KH");
    const la = await person(edition.id, "LA");
    const mm = await person(edition.id, "MM");
    assignParticipant(organizer, { applicationId: kh1.app.id, visitId: vTH.id });
    const cap = await thrown(() => assignParticipant(organizer, { applicationId: kh2.app.id, visitId: vTH.id, reason: "Please" }));
    expect(cap).toBeInstanceOf(RuleError);
    expect((cap as RuleError).key).toBe("placement.errors.countryCapReached");
    assignParticipant(organizer, { applicationId: la.app.id, visitId: vTH.id });
    const full = await thrown(() => assignParticipant(organizer, { applicationId: mm.app.id, visitId: vTH.id, reason: "Please" }));
    expect((full as RuleError).key).toBe("placement.errors.visitFull");
    // A second seat for one person is refused too.
    const twice = await thrown(() => assignParticipant(organizer, { applicationId: la.app.id, visitId: vTH.id }));
    expect((twice as RuleError).key).toBe("placement.errors.alreadyPlaced");
  });

  it("moves a proposal in place; moving an offer cancels it and makes a new proposal; unassign removes only proposals", async () => {
    const { edition, vTH, vVN } = world();
    const kh = await person(edition.id, "KH");
    const id = assignParticipant(organizer, { applicationId: kh.app.id, visitId: vTH.id });
    expect(movePlacement(organizer, id, { visitId: vVN.id })).toBe(id);
    expect(placementRow(id).visitId).toBe(vVN.id);
    db().update(t.placements).set({ status: "offered", replyBy: "2031-06-01" }).where(eq(t.placements.id, id)).run();
    const newId = movePlacement(organizer, id, { visitId: vTH.id });
    expect(newId).not.toBe(id);
    expect(placementRow(id).status).toBe("cancelled");
    expect(placementRow(newId)).toMatchObject({ status: "proposed", visitId: vTH.id, locked: true });
    expect(((await thrown(() => unassignPlacement(organizer, id))) as RuleError).key).toBe("placement.errors.onlyProposed");
    unassignPlacement(organizer, newId);
    expect(db().select().from(t.placements).where(eq(t.placements.id, newId)).get()).toBeUndefined();
    expect(audits(newId).map((a) => a.action)).toEqual(["move", "unassign"]);
  });
});

describe("offers", () => {
  it("publishes proposals as offers with a reply-by date and mails each participant in their language", async () => {
    const { edition, vTH } = world();
    const vi = await person(edition.id, "VN");
    db().update(t.users).set({ locale: "vi" }).where(eq(t.users.id, vi.user.id)).run();
    saveProposal(organizer, edition.id, "optimal", true);
    const past = await thrown(() => publishOffers(organizer, edition.id, "2020-01-01"));
    expect((past as FieldErrors).fields.replyBy).toEqual(["placement.errors.replyByPast"]);
    const late = await thrown(() => publishOffers(organizer, edition.id, "2031-07-05"));
    expect((late as FieldErrors).fields.replyBy[0]).toMatch(/^placement\.errors\.replyByAfterArrival/);
    expect(await publishOffers(organizer, edition.id, "2031-06-15")).toBe(1);
    const p = db().select().from(t.placements).where(eq(t.placements.applicationId, vi.app.id)).get()!;
    expect(p).toMatchObject({ status: "offered", replyBy: "2031-06-15", visitId: vTH.id });
    expect(p.offeredAt).toBeTruthy();
    expect(audits(p.id).map((a) => a.action)).toEqual(["offer"]);
    const mail = db().select().from(t.outbox).where(eq(t.outbox.toAddress, vi.user.email)).all().at(-1)!;
    expect(mail.subject).toContain("Chỗ của bạn");
    expect(mail.text).toContain(`/me/placements/${p.id}`);
    // The site's zone by its name in the participant's language (issue 11), not "Asia/Bangkok".
    expect(mail.text).toContain("(theo Giờ Đông Dương)");
    expect(mail.text).not.toContain("Asia/");
    expect(((await thrown(() => publishOffers(organizer, edition.id, "2031-06-15"))) as RuleError).key).toBe("placement.errors.nothingToPublish");
    // The participant sees it; the host sees them coming.
    expect(listOwnPlacements(vi.user).map((x) => x.id)).toEqual([p.id]);
    expect(listWhoIsComing(host, vTH.id).map((x) => x.placementId)).toContain(p.id);
  });

  it("the participant accepts or declines their own offer; anyone else gets 404; a proposal is not theirs to see", async () => {
    const { edition, vTH, vVN } = world();
    const a = await person(edition.id, "KH");
    const b = await person(edition.id, "LA");
    const pa = place(vTH.id, a.app.id, "offered");
    const pb = place(vVN.id, b.app.id, "offered");
    db()
      .update(t.placements)
      .set({ replyBy: "2031-06-15" })
      .where(inArray(t.placements.id, [pa.id, pb.id]))
      .run();
    const now = new Date("2031-06-01T00:00:00Z");

    expect(await thrown(() => acceptOffer(b.user, pa.id, now))).toBeInstanceOf(NotFoundError);
    const cb = await cookieFor(b.user.id);
    const params = { placementId: String(pa.id) };
    expect((await call(offerRoute.loader, `/me/placements/${pa.id}`, { cookie: cb, params })).status).toBe(404);
    expect((await call(offerRoute.action, `/me/placements/${pa.id}`, { cookie: cb, params, form: { intent: "accept" } })).status).toBe(404);
    expect(placementRow(pa.id).status).toBe("offered");

    const ca = await cookieFor(a.user.id);
    expect((await call(offerRoute.loader, `/me/placements/${pa.id}`, { cookie: ca, params })).status).toBe(200);
    acceptOffer(a.user, pa.id, now);
    expect(placementRow(pa.id)).toMatchObject({ status: "accepted" });
    expect(placementRow(pa.id).respondedAt).toBeTruthy();
    expect(audits(pa.id).at(-1)).toMatchObject({ action: "accept", actorUserId: a.user.id, fromState: "offered", toState: "accepted" });
    expect(((await thrown(() => acceptOffer(a.user, pa.id, now))) as RuleError).key).toBe("placement.errors.notOffered");
    expect(listWhoIsComing(host, vTH.id).find((x) => x.placementId === pa.id)?.status).toBe("accepted");

    declineOffer(b.user, pb.id, "Harvest", now);
    expect(placementRow(pb.id).status).toBe("declined");
    expect(audits(pb.id).at(-1)).toMatchObject({ action: "decline", reason: "Harvest" });
    expect(listWhoIsComing(host, vVN.id).map((x) => x.placementId)).not.toContain(pb.id);

    const c = await person(edition.id, "MM");
    const pc = place(vVN.id, c.app.id, "proposed");
    expect(await thrown(() => getOwnPlacement(c.user, pc.id))).toBeInstanceOf(NotFoundError);
  });

  it("expires offers after their reply-by date in the site's zone; idempotent; the seat is free again", async () => {
    const { edition, vTH } = world();
    const a = await person(edition.id, "KH");
    const p = place(vTH.id, a.app.id, "offered");
    db().update(t.placements).set({ replyBy: "2031-06-10" }).where(eq(t.placements.id, p.id)).run();
    // 23:30 on the 10th in Bangkok (UTC+7): still open.
    expect(expireOffers(new Date("2031-06-10T16:30:00Z"))).toBe(0);
    expect(placementRow(p.id).status).toBe("offered");
    // 00:30 on the 11th in Bangkok: expired, once.
    expect(expireOffers(new Date("2031-06-10T17:30:00Z"))).toBe(1);
    expect(expireOffers(new Date("2031-06-10T17:30:00Z"))).toBe(0);
    expect(placementRow(p.id).status).toBe("expired");
    expect(audits(p.id).at(-1)).toMatchObject({ action: "expire", actorUserId: null, toState: "expired" });
    expect(((await thrown(() => acceptOffer(a.user, p.id))) as RuleError).key).toBe("placement.errors.notOffered");
    // Seat free: the board counts none taken, and the participant is left out of the next run.
    const board = getBoard(organizer, edition.id);
    expect(board.visits.find((v) => v.id === vTH.id)!.taken).toBe(0);
    expect(buildInstance(edition.id).excluded).toEqual([{ applicationId: a.app.id, why: "expired" }]);
  });

  it("accepting after the reply-by date expires the offer instead", async () => {
    const { edition, vTH } = world();
    const a = await person(edition.id, "KH");
    const p = place(vTH.id, a.app.id, "offered");
    db().update(t.placements).set({ replyBy: "2031-06-10" }).where(eq(t.placements.id, p.id)).run();
    const e = await thrown(() => acceptOffer(a.user, p.id, new Date("2031-06-11T03:00:00Z")));
    expect((e as RuleError).key).toBe("placement.errors.offerExpired");
    expect(placementRow(p.id).status).toBe("expired");
  });

  it("accepting never puts a visit over its capacity, even if offers outnumber its seats", async () => {
    const { edition, vTH } = world();
    const a = await person(edition.id, "KH");
    const b = await person(edition.id, "LA");
    const c = await person(edition.id, "MM");
    const ps = [a, b, c].map((x) => place(vTH.id, x.app.id, "offered"));
    acceptOffer(a.user, ps[0].id);
    acceptOffer(b.user, ps[1].id);
    const e = await thrown(() => acceptOffer(c.user, ps[2].id));
    expect((e as RuleError).key).toBe("placement.errors.visitFull");
  });

  it("an organizer cancels a placement from any state with a reason; the participant is told", async () => {
    const { edition, vTH } = world();
    const a = await person(edition.id, "KH");
    const p = place(vTH.id, a.app.id, "accepted");
    expect(await thrown(() => cancelPlacement(organizer, p.id, " "))).toBeInstanceOf(FieldErrors);
    const res = await call(placementRoute.action, `/admin/placements/${p.id}`, {
      cookie: await cookieFor(organizer.id),
      params: { placementId: String(p.id) },
      form: { intent: "cancel", reason: "Visa refused" },
    });
    expect(res.status).toBe(302);
    expect(placementRow(p.id).status).toBe("cancelled");
    expect(audits(p.id).at(-1)).toMatchObject({ action: "cancel", fromState: "accepted", toState: "cancelled", reason: "Visa refused" });
    expect(db().select().from(t.outbox).where(eq(t.outbox.toAddress, a.user.email)).all().at(-1)!.text).toContain("Visa refused");
    expect(((await thrown(() => cancelPlacement(organizer, p.id, "again"))) as RuleError).key).toBe("placement.errors.alreadyCancelled");
    expect(getBoard(organizer, edition.id).visits.find((v) => v.id === vTH.id)!.taken).toBe(0);
  });
});

describe("waiting list", () => {
  it("suggests waitlisted applicants whose rules fit a freed seat, and accepts and places one", async () => {
    const { edition, vTH } = world();
    const gone = await person(edition.id, "KH");
    place(vTH.id, gone.app.id, "declined");
    const fits = await person(edition.id, "LA", { status: "waitlisted" });
    const ownCountry = await person(edition.id, "TH", { status: "waitlisted" });
    const board = getBoard(organizer, edition.id);
    const s = board.suggestions.find((x) => x.visitId === vTH.id)!;
    expect(s).toMatchObject({ free: 2, freed: 1 });
    expect(s.candidates.map((c) => c.applicationId)).toEqual([fits.app.id]);
    expect(s.candidates.map((c) => c.applicationId)).not.toContain(ownCountry.app.id);

    const id = await acceptFromWaitlist(organizer, fits.app.id, vTH.id);
    expect(db().select().from(t.applications).where(eq(t.applications.id, fits.app.id)).get()!.status).toBe("accepted");
    expect(placementRow(id)).toMatchObject({ status: "proposed", visitId: vTH.id, locked: true });
    expect(((await thrown(() => acceptFromWaitlist(organizer, fits.app.id, vTH.id))) as RuleError).key).toBe("placement.errors.notWaitlisted");
  });
});

describe("scope", () => {
  it("answers 404 to anyone but an organizer, for reads and writes", async () => {
    const { edition, vTH } = world();
    const a = await person(edition.id, "KH");
    const p = place(vTH.id, a.app.id, "proposed");
    const participant = await cookieFor(a.user.id);
    const hostCookie = await cookieFor(host.id);
    for (const cookie of [participant, hostCookie]) {
      const params = { id: String(edition.id) };
      expect((await call(boardRoute.loader, `/admin/editions/${edition.id}/placement`, { cookie, params })).status).toBe(404);
      expect(
        (await call(boardRoute.action, `/admin/editions/${edition.id}/placement`, { cookie, params, form: { intent: "run", mode: "optimal" } })).status,
      ).toBe(404);
      const pp = { placementId: String(p.id) };
      expect((await call(placementRoute.loader, `/admin/placements/${p.id}`, { cookie, params: pp })).status).toBe(404);
      expect((await call(placementRoute.action, `/admin/placements/${p.id}`, { cookie, params: pp, form: { intent: "unassign" } })).status).toBe(404);
    }
    expect(placementRow(p.id).status).toBe("proposed");
    const org = await cookieFor(organizer.id);
    expect((await call(boardRoute.loader, `/admin/editions/999999/placement`, { cookie: org, params: { id: "999999" } })).status).toBe(404);
    expect((await call(placementRoute.loader, `/admin/placements/999999`, { cookie: org, params: { placementId: "999999" } })).status).toBe(404);
    expect((await call(boardRoute.loader, `/admin/editions/${edition.id}/placement`, { cookie: org, params: { id: String(edition.id) } })).status).toBe(200);
  });
});
