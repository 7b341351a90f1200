// Invitations: an organizer invites by mail (the outbox holds the link); accepting grants the role
// once; an expired or used link is refused; non-organizers cannot invite (404).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import "~/forms/zod-errors";
import { db, t } from "~/db.server";
import { loadActor } from "~/models/accounts/accounts.server";
import { action as inviteAction, loader as invitationsLoader } from "~/routes/admin.invitations";
import { loader as outboxLoader } from "~/routes/admin.outbox";
import { action as acceptAction, loader as acceptLoader } from "~/routes/invite.$token";
import { call, cookieFor, createUser } from "../support/factories";

async function organizer() {
  const actor = await createUser({ roles: [{ role: "organizer" }] });
  return { actor, cookie: await cookieFor(actor.id) };
}

/**
 * Sends an invitation through the page and returns the token read from the mail as stored (the
 * recipient's copy); the outbox page shows the mail with the link masked (issue 13, finding 5).
 */
async function invite(cookie: string, form: Record<string, string>) {
  const r = await call(inviteAction, "/admin/invitations", { cookie, form });
  expect(r.status).toBe(302);
  const to = form.email.trim().toLowerCase();
  const stored = db().select().from(t.outbox).where(eq(t.outbox.toAddress, to)).all().at(-1)!;
  const token = /\/invite\/([\w-]+)/.exec(stored.text)![1];
  const outbox = await (await call(outboxLoader, "/admin/outbox", { cookie })).json();
  const mail = outbox.mails.find((m: { to: string }) => m.to === to);
  expect(mail, "the invitation is in the outbox").toBeTruthy();
  expect(mail.text, "the outbox never shows the live link").not.toContain(token);
  expect(mail.text).toMatch(/\/invite\/•+/);
  return { token, mail };
}

describe("invitations", () => {
  it("invite → mail in the outbox → a new person accepts and holds the role", async () => {
    const { cookie } = await organizer();
    const { token, mail } = await invite(cookie, { email: " Focal.VN@Example.VN ", role: "focal_point", countryCode: "VN" });
    expect(mail.subject).toBeTruthy();

    const page = await (await call(acceptLoader, `/invite/${token}`, { params: { token } })).json();
    expect(page).toMatchObject({ problem: null, role: "focal_point", email: "focal.vn@example.vn" });

    const r = await call(acceptAction, `/invite/${token}`, {
      params: { token },
      form: { displayName: "Trần Văn Minh", password: "a-long-password", passwordConfirm: "a-long-password" },
    });
    expect(r.status).toBe(302);
    const user = db().select().from(t.users).where(eq(t.users.email, "focal.vn@example.vn")).get()!;
    expect(loadActor(user.id)!.focalPointCountries).toEqual(["VN"]);

    const list = await (await call(invitationsLoader, "/admin/invitations", { cookie })).json();
    const row = list.invitations.find((i: { email: string }) => i.email === "focal.vn@example.vn");
    expect(row).toMatchObject({ state: "accepted", acceptedBy: "Trần Văn Minh", role: "focal_point" });
  });

  it("a signed-in person accepts with one button", async () => {
    const { cookie } = await organizer();
    const { token } = await invite(cookie, { email: "host@example.th", role: "host_coordinator" });
    const someone = await createUser({ email: "someone.else@example.th" });
    const r = await call(acceptAction, `/invite/${token}`, { params: { token }, cookie: await cookieFor(someone.id), form: { intent: "accept" } });
    expect(r.status).toBe(302);
    expect(loadActor(someone.id)!.isHostCoordinator).toBe(true);
  });

  it("a used link is refused and grants nothing twice", async () => {
    const { cookie } = await organizer();
    const { token } = await invite(cookie, { email: "org2@example.org", role: "organizer" });
    const first = await createUser();
    const second = await createUser();
    expect((await call(acceptAction, "/", { params: { token }, cookie: await cookieFor(first.id), form: { intent: "accept" } })).status).toBe(302);
    const again = await call(acceptAction, "/", { params: { token }, cookie: await cookieFor(second.id), form: { intent: "accept" } });
    expect(again.status).toBe(409);
    expect(loadActor(second.id)!.isOrganizer).toBe(false);
    const page = await call(acceptLoader, "/", { params: { token } });
    expect(page.status).toBe(410);
    expect((await page.json()).problem).toBe("errors.invitationUsed");
  });

  it("an expired link is refused", async () => {
    const { cookie } = await organizer();
    const { token } = await invite(cookie, { email: "late@example.my", role: "focal_point", countryCode: "MY" });
    db()
      .update(t.invitations)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(t.invitations.email, "late@example.my"))
      .run();
    const page = await call(acceptLoader, "/", { params: { token } });
    expect(page.status).toBe(410);
    expect((await page.json()).problem).toBe("errors.invitationExpired");
    const r = await call(acceptAction, "/", {
      params: { token },
      form: { displayName: "Late", password: "a-long-password", passwordConfirm: "a-long-password" },
    });
    expect(r.status).toBe(409);
    expect(db().select().from(t.users).where(eq(t.users.email, "late@example.my")).get()).toBeUndefined();
    const list = await (await call(invitationsLoader, "/admin/invitations", { cookie })).json();
    expect(list.invitations.find((i: { email: string }) => i.email === "late@example.my").state).toBe("expired");
  });

  it("a focal point needs a country; bad input writes nothing", async () => {
    const { cookie } = await organizer();
    const before = db().select().from(t.invitations).all().length;
    const r = await call(inviteAction, "/", { cookie, form: { email: "nocountry@example.org", role: "focal_point", countryCode: "" } });
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.error.countryCode).toEqual(["errors.countryRequired"]);
    expect(body.initialValue.email).toBe("nocountry@example.org");
    const bad = await call(inviteAction, "/", { cookie, form: { email: "not-an-address", role: "king" } });
    expect(bad.status).toBe(400);
    expect(db().select().from(t.invitations).all().length).toBe(before);
  });

  it("only organizers invite or read the outbox (404 for anyone else)", async () => {
    const focal = await createUser({ roles: [{ role: "focal_point", countryCode: "VN" }] });
    const cookie = await cookieFor(focal.id);
    expect((await call(inviteAction, "/", { cookie, form: { email: "x@example.org", role: "organizer" } })).status).toBe(404);
    expect((await call(outboxLoader, "/admin/outbox", { cookie })).status).toBe(404);
    expect((await call(invitationsLoader, "/admin/invitations", { cookie })).status).toBe(404);
    expect(db().select().from(t.invitations).where(eq(t.invitations.email, "x@example.org")).get()).toBeUndefined();
  });
});
