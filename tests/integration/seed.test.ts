/**
 * The demo data (db/seed.ts): seeded once into an empty database, varied enough to demo every
 * page (all 13 countries, every status, names in their own scripts), and consistent with the
 * domain rules (life cycle and audit trail, quotas, E.164 phones, consent, dates).
 */
import { isValidPhoneNumber, parsePhoneNumber } from "libphonenumber-js";
import { beforeAll, describe, expect, it } from "vitest";
import { countryLanguage } from "../../db/seed/util";
import { sql } from "drizzle-orm";
import { db, t } from "~/db.server";
import { QUOTA_STATUSES, TRANSITIONS, type ApplicationAction } from "~/domain/application-lifecycle";
import { defaultNameOrder, MEMBER_COUNTRY_CODES } from "~/domain/countries";
import { isIsoDate, todayIn } from "~/domain/dates";
import { displayName, foldForSearch } from "~/domain/names";
import { loadActor, logIn } from "~/models/accounts/accounts.server";
import { APPLICATION_STATUSES } from "../../db/schema/programme";
import { seedDemoIfEmpty, type DemoInfo } from "../../db/seed";

let info: DemoInfo | null;
const apps = () => db().select().from(t.applications).all();
const count = (table: typeof t.users | typeof t.applications | typeof t.auditEvents | typeof t.hostSites) =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;

beforeAll(async () => {
  info = await seedDemoIfEmpty(db());
});

/** The upcoming in-person edition (the one whose applications are open). */
function upcoming() {
  const today = todayIn("Asia/Shanghai");
  return db()
    .select()
    .from(t.editions)
    .all()
    .find((e) => e.mode === "in_person" && e.startsOn > today)!;
}

describe("demo seed", () => {
  it("seeds the editions with applications from all 13 countries in every status", () => {
    // (How long seeding takes is not asserted here: a loaded machine is slow; speed is for bench/.)
    expect(info).not.toBeNull();
    const all = apps();
    expect(all.length).toBeGreaterThanOrEqual(55);
    expect(new Set(all.map((a) => a.nationality))).toEqual(new Set(MEMBER_COUNTRY_CODES));
    expect(new Set(all.map((a) => a.status))).toEqual(new Set(APPLICATION_STATUSES));
    const editions = db().select().from(t.editions).all();
    // The upcoming 11th (in person), the 10th (online, held) and the 9th (in person, evaluated).
    expect(editions.map((e) => e.mode).sort()).toEqual(["in_person", "in_person", "online"]);
    for (const e of editions) expect(all.filter((a) => a.editionId === e.id).length).toBeGreaterThan(10);
    const women = all.filter((a) => a.gender === "female").length / all.length;
    expect(women).toBeGreaterThan(0.4);
    expect(women).toBeLessThan(0.6);
  });

  it("dates the editions relative to today: one upcoming in person with its window open, one online already held", () => {
    const today = todayIn("Asia/Shanghai");
    const inPerson = upcoming();
    const [online] = db()
      .select()
      .from(t.editions)
      .where(sql`${t.editions.mode} = 'online'`)
      .all();
    expect(inPerson.applicationsOpenOn <= today && today <= inPerson.applicationsCloseOn).toBe(true);
    expect(inPerson.applicationsCloseOn < inPerson.startsOn).toBe(true);
    expect(online.endsOn < today).toBe(true);
    const editions = db().select().from(t.editions).all();
    for (const e of editions.filter((e) => e.id !== inPerson.id)) expect(e.endsOn < today).toBe(true);
    const quotas = db().select().from(t.editionQuotas).all();
    // The open edition sets a quota for each of the 13 countries; none names another country.
    expect(quotas.filter((q) => q.editionId === inPerson.id)).toHaveLength(13);
    for (const q of quotas) expect(MEMBER_COUNTRY_CODES as readonly string[]).toContain(q.countryCode);
  });

  it("writes names in their own scripts (at least 8) with Latin forms and the country's name order", () => {
    const all = apps();
    const scripts: Record<string, RegExp> = {
      thai: /\p{Script=Thai}/u,
      myanmar: /\p{Script=Myanmar}/u,
      khmer: /\p{Script=Khmer}/u,
      lao: /\p{Script=Lao}/u,
      han: /\p{Script=Han}/u,
      kana: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
      hangul: /\p{Script=Hangul}/u,
      vietnamese: /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu,
    };
    const names = all.map((a) => a.givenName + " " + a.familyName);
    const found = Object.entries(scripts)
      .filter(([, re]) => names.some((n) => re.test(n)))
      .map(([k]) => k);
    expect(found).toHaveLength(8);
    for (const a of all) {
      expect(a.givenName).not.toBe("");
      expect(a.givenNameLatin).toMatch(/^[\x20-\x7e]+$/);
      expect(a.nameOrder).toBe(defaultNameOrder(a.nationality));
    }
    // Mononyms: Indonesian and Burmese single names have no family name.
    expect(all.some((a) => a.nationality === "ID" && a.familyName === "")).toBe(true);
    expect(all.filter((a) => a.nationality === "MM").every((a) => a.familyName === "")).toBe(true);
  });

  it("keeps a folded search column: 'nguyen thi anh' finds Nguyễn Thị Ánh", () => {
    const q = `%${foldForSearch("Nguyen Thi Anh")}%`;
    const hits = db()
      .select()
      .from(t.applications)
      .where(sql`${t.applications.searchName} LIKE ${q}`)
      .all();
    expect(hits.map((a) => displayName(a))).toEqual(["Nguyễn Thị Ánh"]);
    const thai = `%${foldForSearch("สมชาย")}%`;
    expect(
      db()
        .select()
        .from(t.applications)
        .where(sql`${t.applications.searchName} LIKE ${thai}`)
        .all(),
    ).toHaveLength(1);
  });

  it("folds every seeded user's display name into users.search_name (the audit log's person filter)", () => {
    const users = db().select({ name: t.users.displayName, searchName: t.users.searchName }).from(t.users).all();
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((u) => u.searchName !== foldForSearch(u.name))).toEqual([]);
  });

  it("gives every application an audit trail that follows the life cycle to its status", () => {
    const grants = db().select().from(t.roleGrants).all();
    const organizers = new Set(grants.filter((g) => g.role === "organizer").map((g) => g.userId));
    const now = new Date().toISOString();
    for (const a of apps()) {
      const events = db()
        .select()
        .from(t.auditEvents)
        .where(sql`${t.auditEvents.entityType} = 'application' AND ${t.auditEvents.entityId} = ${a.id}`)
        .orderBy(t.auditEvents.id)
        .all();
      const focal = grants.find((g) => g.role === "focal_point" && g.countryCode === a.nationality)!.userId;
      expect(["create", "nominate"]).toContain(events[0].action);
      expect(events[0]).toMatchObject({ fromState: null, toState: "draft", actorUserId: events[0].action === "nominate" ? focal : a.userId });
      expect(a.nominatedBy).toBe(events[0].action === "nominate" ? focal : null);
      let state = "draft";
      let at = events[0].at;
      for (const e of events.slice(1)) {
        const tr = TRANSITIONS[e.action as ApplicationAction];
        expect(tr, `${a.id} ${e.action}`).toBeDefined();
        expect(e.fromState).toBe(state);
        expect(tr.from).toContain(state);
        expect(e.toState).toBe(tr.to);
        if (tr.reasonRequired) expect(e.reason).toBeTruthy();
        if (e.action === "submit" || e.action === "withdraw") expect(e.actorUserId).toBe(a.userId);
        else if (e.action === "endorse" || e.action === "return") expect(e.actorUserId).toBe(focal);
        else expect(organizers.has(e.actorUserId!)).toBe(true);
        expect(e.at > at).toBe(true);
        state = e.toState!;
        at = e.at;
      }
      expect(state).toBe(a.status);
      expect(at < now).toBe(true);
      expect(a.statusReason).toBe(events[events.length - 1].reason);
      if (a.status !== "draft" || events.some((e) => e.action === "submit")) expect(a.submittedAt).toBeTruthy();
      if (a.status === "rejected") expect(a.statusReason).toBeTruthy();
    }
    // One draft came back from its focal point with a reason.
    const returned = apps().filter((a) => a.status === "draft" && a.statusReason);
    expect(returned).toHaveLength(1);
  });

  it("fills fields realistically: E.164 phones, date-only values, consent for health data, themes of the edition, quotas kept", () => {
    const editions = new Map(
      db()
        .select()
        .from(t.editions)
        .all()
        .map((e) => [e.id, e]),
    );
    const quotas = db().select().from(t.editionQuotas).all();
    for (const a of apps()) {
      for (const phone of [a.phone, a.emergencyContactPhone]) {
        expect(isValidPhoneNumber(phone), `${a.givenNameLatin} ${phone}`).toBe(true);
        expect(parsePhoneNumber(phone).country).toBe(a.nationality);
      }
      expect(isIsoDate(a.birthDate!)).toBe(true);
      expect(isIsoDate(a.availableFrom!) && isIsoDate(a.availableTo!)).toBe(true);
      if (a.dietaryNeeds || a.accessibilityNeeds) expect(a.sensitiveConsentAt).toBeTruthy();
      const ed = editions.get(a.editionId)!;
      for (const th of a.themes) expect(ed.themes).toContain(th);
      expect(a.languages.length).toBeGreaterThanOrEqual(2);
      expect(a.languages.some((l) => l.level === "native" || l.level === "fluent")).toBe(true);
      // Availability around the edition's dates (a few arrive a day late).
      expect(a.availableFrom! <= ed.endsOn && a.availableTo! >= ed.endsOn && a.availableFrom! < a.availableTo!).toBe(true);
    }
    expect(apps().some((a) => a.dietaryNeeds === "halal")).toBe(true);
    expect(apps().some((a) => a.dietaryNeeds === "vegetarian")).toBe(true);
    for (const q of quotas) {
      const used = apps().filter((a) => a.editionId === q.editionId && a.nationality === q.countryCode && QUOTA_STATUSES.includes(a.status)).length;
      expect(used, `${q.countryCode}`).toBeLessThanOrEqual(q.quota);
    }
  });

  it("seeds host sites with coordinators and visits inside their in-person editions", () => {
    const sites = db().select().from(t.hostSites).all();
    expect(sites.filter((s) => s.vettingStatus === "vetted").length).toBeGreaterThanOrEqual(4);
    expect(
      sites
        .filter((s) => s.vettingStatus === "pending")
        .map((s) => s.countryCode)
        .sort(),
    ).toEqual(["LA", "TH"]);
    const links = db().select().from(t.hostSiteCoordinators).all();
    for (const s of sites) expect(links.some((l) => l.hostSiteId === s.id)).toBe(true);
    for (const s of sites) for (const c of s.contacts) if (c.phone) expect(isValidPhoneNumber(c.phone)).toBe(true);
    const ed = upcoming();
    const editions = db().select().from(t.editions).all();
    for (const v of db().select().from(t.exchangeVisits).all()) {
      const own = editions.find((e) => e.id === v.editionId)!;
      expect(own.mode).toBe("in_person");
      expect(v.arrivalOn >= own.startsOn && v.departureOn <= own.endsOn).toBe(true);
    }
    const visits = db()
      .select()
      .from(t.exchangeVisits)
      .where(sql`${t.exchangeVisits.editionId} = ${ed.id}`)
      .all();
    expect(visits.length).toBeGreaterThanOrEqual(3);
    for (const v of visits) {
      expect(v.arrivalOn >= ed.startsOn && v.departureOn <= ed.endsOn && v.arrivalOn < v.departureOn).toBe(true);
      expect(v.capacity).toBeGreaterThanOrEqual(8);
      expect(v.capacity).toBeLessThanOrEqual(20);
      expect(sites.find((s) => s.id === v.hostSiteId)!.vettingStatus).toBe("vetted");
    }
    const seats = visits.reduce((n, v) => n + v.capacity, 0);
    const accepted = apps().filter((a) => a.editionId === ed.id && a.status === "accepted").length;
    expect(seats).toBeGreaterThanOrEqual(accepted);
    expect(seats).toBeLessThanOrEqual(accepted * 1.3);
    expect(count(t.hostSites)).toBe(sites.length);
  });

  it("does nothing when seeded a second time", async () => {
    const before = [count(t.users), count(t.applications), count(t.auditEvents), count(t.hostSites)];
    expect(await seedDemoIfEmpty(db())).toBeNull();
    expect([count(t.users), count(t.applications), count(t.auditEvents), count(t.hostSites)]).toEqual(before);
  });

  it("prints working demo logins: organizers, focal points, host coordinators, applicants in three states", async () => {
    expect(info!.password).toBe("vlx-demo-2026");
    const emails = info!.accounts.map((a) => a.email);
    expect(emails).toEqual(expect.arrayContaining(["organizer@vlx.demo", "asean.secretariat@vlx.demo", "focal.vn@vlx.demo", "focal.th@vlx.demo"]));
    for (const a of info!.accounts) {
      expect(a.email).toMatch(/^[a-z0-9.-]+@vlx\.demo$/);
      const id = await logIn({ email: a.email, password: info!.password, ip: "127.0.0.1" });
      const actor = loadActor(id)!;
      if (a.email.startsWith("organizer")) expect(actor.isOrganizer).toBe(true);
      if (a.email === "focal.vn@vlx.demo") expect(actor.focalPointCountries).toEqual(["VN"]);
      if (a.email.startsWith("host.")) expect(actor.isHostCoordinator).toBe(true);
    }
    const applicants = info!.accounts.filter((a) => a.role.startsWith("applicant"));
    const statuses = applicants.map((a) => {
      const user = db()
        .select()
        .from(t.users)
        .where(sql`${t.users.email} = ${a.email}`)
        .get()!;
      return db()
        .select()
        .from(t.applications)
        .where(sql`${t.applications.userId} = ${user.id}`)
        .get()!.status;
    });
    expect(statuses).toEqual(expect.arrayContaining(["accepted", "draft", "submitted"]));
    // One village leader to try in every language, whose saved language is the one printed and
    // their country's (issue 11, item 9).
    const langs = ["en", "vi", "th", "km", "lo", "my", "id", "ms", "fil", "zh", "ja", "ko"];
    expect(new Set(applicants.map((a) => a.language))).toEqual(new Set(langs));
    for (const a of applicants) {
      const user = db()
        .select()
        .from(t.users)
        .where(sql`${t.users.email} = ${a.email}`)
        .get()!;
      const app = db()
        .select()
        .from(t.applications)
        .where(sql`${t.applications.userId} = ${user.id}`)
        .get()!;
      expect(user.locale, a.email).toBe(a.language);
      expect(countryLanguage(app.nationality!), a.email).toBe(a.language);
    }
    // Every demo village leader's saved language is their country's.
    const leaders = db()
      .select({ locale: t.users.locale, cc: t.applications.nationality })
      .from(t.applications)
      .innerJoin(t.users, sql`${t.users.id} = ${t.applications.userId}`)
      .all();
    for (const l of leaders) expect(l.locale, l.cc!).toBe(countryLanguage(l.cc!));
    // The two current editions carry translations (at least km, lo, my, th, vi, zh).
    for (const e of db()
      .select()
      .from(t.editions)
      .all()
      .filter((x) => x.ordinal >= 10))
      for (const lng of ["km", "lo", "my", "th", "vi", "zh"]) {
        expect(e.translations.name?.[lng], `${e.name} ${lng}`).toBeTruthy();
        expect(e.translations.description?.[lng], `${e.name} ${lng}`).toBeTruthy();
      }
    // Every focal point exists, one per member country, with its own address.
    const focal = db()
      .select()
      .from(t.roleGrants)
      .where(sql`${t.roleGrants.role} = 'focal_point'`)
      .all();
    expect(new Set(focal.map((g) => g.countryCode))).toEqual(new Set(MEMBER_COUNTRY_CODES));
    const all = db()
      .select({ email: t.users.email })
      .from(t.users)
      .all()
      .map((u) => u.email);
    for (const cc of MEMBER_COUNTRY_CODES) expect(all).toContain(`focal.${cc.toLowerCase()}@vlx.demo`);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("demo enrolment (issue 12, item 21)", () => {
  it("the 11th edition has an open-enrolment session that is full, with a waiting list", async () => {
    const { db: getDb, t: tables } = await import("~/db.server");
    const rows = getDb().select().from(tables.trainingEnrolments).all();
    expect(rows.some((r) => r.status === "enrolled")).toBe(true);
    expect(rows.filter((r) => r.status === "waitlisted").map((r) => r.position)).toEqual([1, 2]);
  });

  it("the past online edition has issued certificates (issue 15): one revoked and issued again, none for those below the line", async () => {
    const { verifyCertificate } = await import("~/models/tracking/certificate-issue.server");
    const certs = db().select().from(t.certificates).all();
    const online = db()
      .select()
      .from(t.editions)
      .all()
      .find((e) => e.mode === "online")!;
    const participants = db()
      .select()
      .from(t.applications)
      .all()
      .filter((a) => a.editionId === online.id && a.status === "accepted");
    expect(certs.length).toBeGreaterThan(5);
    expect(new Set(certs.map((c) => c.applicationId)).size).toBe(certs.length - 1); // one person has two
    expect(new Set(certs.map((c) => c.applicationId)).size).toBeLessThan(participants.length); // some did not complete
    const revoked = certs.filter((c) => c.revokedAt);
    expect(revoked).toHaveLength(1);
    expect(verifyCertificate(revoked[0].code, "en").status).toBe("revoked");
    expect(verifyCertificate(certs.find((c) => !c.revokedAt)!.code, "en").status).toBe("valid");
    expect(certs.every((c) => c.issuedOn > online.endsOn && c.number.startsWith(`VLX-${online.ordinal}-`))).toBe(true);
  });

  it("the open edition's form has two optional questions of its own, translated (issue 15)", async () => {
    const { formQuestions, questionsForForm } = await import("~/models/applications/questions.server");
    const qs = formQuestions(upcoming().id);
    expect(qs.map((q) => [q.v.kind, q.v.required])).toEqual([
      ["yes_no", false],
      ["single_choice", false],
    ]);
    expect(questionsForForm(qs, "zh")[1]).toMatchObject({ label: "您将如何前往云南？", lang: "zh" });
  });
});

describe("demo visit-day attendance (issue 12, item 5)", () => {
  it("every past in-person edition has visit-day attendance for its participants' visit days", () => {
    const today = todayIn("Asia/Shanghai");
    const past = db()
      .select()
      .from(t.editions)
      .all()
      .filter((e) => e.mode === "in_person" && e.endsOn < today);
    expect(past.length).toBeGreaterThan(0);
    const raw = db().$client;
    for (const e of past) {
      const r = raw
        .prepare(
          `select count(*) as recorded from attendance_records r join exchange_visits v on v.id = r.visit_id
           where r.subject_kind = 'visit_day' and v.edition_id = ?`,
        )
        .get(e.id) as { recorded: number };
      const expected = raw
        .prepare(
          `select coalesce(sum(julianday(v.departure_on) - julianday(v.arrival_on) + 1), 0) as n
           from placements pl join exchange_visits v on v.id = pl.visit_id where v.edition_id = ? and pl.status = 'accepted' and v.status <> 'cancelled'`,
        )
        .get(e.id) as { n: number };
      expect(expected.n, e.name).toBeGreaterThan(0);
      expect(r.recorded, e.name).toBe(expected.n);
    }
  });

  it("sari.id@vlx.demo sees a real figure on her 9th-edition certificate", async () => {
    const { getOwnCertificate } = await import("~/models/tracking.server");
    const user = db()
      .select()
      .from(t.users)
      .where(sql`${t.users.email} = 'sari.id@vlx.demo'`)
      .get()!;
    const actor = loadActor(user.id)!;
    const ninth = db()
      .select()
      .from(t.editions)
      .where(sql`${t.editions.ordinal} = 9`)
      .get()!;
    const c = getOwnCertificate(actor, ninth.id);
    expect(c.daysExpected).toBeGreaterThanOrEqual(5);
    expect(c.daysAttended).toBeGreaterThan(0);
    expect(c.expected).toBe(c.sessionsExpected + c.daysExpected);
  });
});
