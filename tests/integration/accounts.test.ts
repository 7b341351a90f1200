import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db, t } from "~/db.server";
import { action as signupAction } from "~/routes/signup";
import { action as loginAction } from "~/routes/login";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "~/routes/reset.$token";
import { action as logoutAction } from "~/routes/logout";
import { action as languageAction } from "~/routes/language";
import { getActor } from "~/session.server";
import { call, cookieFor, createUser, TEST_PASSWORD } from "../support/factories";

const countUsers = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(t.users)
    .get()!.n;
const cookieOf = (r: Response) => r.headers.get("Set-Cookie")!.split(";")[0];

describe("sign up", () => {
  it("creates an account, logs in, and stores the e-mail trimmed and lower-cased", async () => {
    const r = await call(signupAction, "/signup", {
      form: { displayName: "Nguyễn Thị Ánh", email: "  Anh.Nguyen@Example.ORG ", password: "a-long-password", passwordConfirm: "a-long-password" },
    });
    expect(r.status).toBe(302);
    const user = db().select().from(t.users).where(eq(t.users.email, "anh.nguyen@example.org")).get();
    expect(user?.displayName).toBe("Nguyễn Thị Ánh");
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    const actor = await getActor(new Request("http://x/", { headers: { Cookie: cookieOf(r) } }));
    expect(actor?.id).toBe(user!.id);
  });

  it("refuses an address already registered in another letter case or with spaces, keeping the typed values", async () => {
    await createUser({ email: "taken@example.org" });
    const before = countUsers();
    const r = await call(signupAction, "/signup", {
      form: { displayName: "ສົມພອນ", email: " TAKEN@example.org", password: "a-long-password", passwordConfirm: "a-long-password" },
    });
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.error.email).toEqual(["errors.emailTaken"]);
    expect(body.initialValue.displayName).toBe("ສົມພອນ");
    expect(countUsers()).toBe(before);
  });

  it("answers 400 with errors next to each bad field and writes nothing", async () => {
    const before = countUsers();
    const r = await call(signupAction, "/signup", {
      form: { displayName: "", email: "not-an-address", password: "short", passwordConfirm: "other" },
    });
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(Object.keys(body.error).sort()).toEqual(["displayName", "email", "password", "passwordConfirm"]);
    expect(body.initialValue.email).toBe("not-an-address");
    expect(countUsers()).toBe(before);
  });

  it("limits sign-ups per client address and per e-mail (429 with Retry-After)", async () => {
    const form = (email: string) => ({ displayName: "Somchai", email, password: "a-long-password", passwordConfirm: "a-long-password" });
    for (let i = 0; i < 5; i++) {
      const r = await call(signupAction, "/signup", { form: form("again@example.org"), context: { clientIp: `203.0.113.${i}` } });
      expect(r.status).toBe(i === 0 ? 302 : 400);
    }
    const sixth = await call(signupAction, "/signup", { form: form("again@example.org"), context: { clientIp: "203.0.113.77" } });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("Retry-After"))).toBeGreaterThan(0);
    for (let i = 0; i < 20; i++) {
      expect((await call(signupAction, "/signup", { form: form(`hall${i}@example.org`), context: { clientIp: "203.0.113.200" } })).status).toBe(302);
    }
    const before = countUsers();
    expect((await call(signupAction, "/signup", { form: form("hall-late@example.org"), context: { clientIp: "203.0.113.200" } })).status).toBe(429);
    expect(countUsers()).toBe(before);
  });

  it("answers 400 to a request that is not a form", async () => {
    const request = new Request("http://localhost/signup", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } });
    const r = await signupAction({ request, params: {}, context: {} }).catch((e: Response) => e);
    expect((r as Response).status).toBe(400);
  });
});

describe("log in", () => {
  it("logs in with the right password whatever the address's case, and rejects a wrong one", async () => {
    const u = await createUser({ email: "leader@example.org" });
    const ok = await call(loginAction, "/login", { form: { email: " LEADER@example.org ", password: TEST_PASSWORD, redirectTo: "/me" } });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/me");
    expect((await getActor(new Request("http://x/", { headers: { Cookie: cookieOf(ok) } })))?.id).toBe(u.id);
    const bad = await call(loginAction, "/login", { form: { email: "leader@example.org", password: "wrong password" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error[""]).toEqual(["errors.badCredentials"]);
  });

  it("never redirects off-site after login", async () => {
    await createUser({ email: "redirect@example.org" });
    const r = await call(loginAction, "/login", { form: { email: "redirect@example.org", password: TEST_PASSWORD, redirectTo: "//evil.example" } });
    expect(r.headers.get("Location")).toBe("/me");
  });

  it("locks an account for one address after 5 failures (429 with Retry-After, even with the right password) but not for its owner elsewhere", async () => {
    await createUser({ email: "guessed@example.org" });
    for (let i = 0; i < 5; i++) {
      const r = await call(loginAction, "/login", { form: { email: "guessed@example.org", password: `guess ${i}` }, context: { clientIp: "10.0.0.66" } });
      expect(r.status).toBe(400);
    }
    const sixth = await call(loginAction, "/login", { form: { email: "guessed@example.org", password: TEST_PASSWORD }, context: { clientIp: "10.0.0.66" } });
    expect(sixth.status).toBe(429);
    const retry = Number(sixth.headers.get("Retry-After"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(900);
    expect((await sixth.json()).error[""][0]).toMatch(/^errors\.rateLimited/);
    // The owner, from their own address, is not locked out by the stranger (ASVS 5.0 6.3).
    const owner = await call(loginAction, "/login", { form: { email: "guessed@example.org", password: TEST_PASSWORD }, context: { clientIp: "10.0.2.1" } });
    expect(owner.status).toBe(302);
  });

  it("a correct password clears the account's failures from that address", async () => {
    await createUser({ email: "typo@example.org" });
    const attempt = (password: string) => call(loginAction, "/login", { form: { email: "typo@example.org", password }, context: { clientIp: "10.0.3.3" } });
    for (let i = 0; i < 4; i++) expect((await attempt(`typo ${i}`)).status).toBe(400);
    expect((await attempt(TEST_PASSWORD)).status).toBe(302);
    for (let i = 0; i < 4; i++) expect((await attempt(`typo again ${i}`)).status).toBe(400);
    expect((await attempt(TEST_PASSWORD)).status).toBe(302);
  });

  it("limits one client address spraying many accounts", async () => {
    for (let i = 0; i < 20; i++) {
      await call(loginAction, "/login", { form: { email: `nobody${i}@example.org`, password: "x" }, context: { clientIp: "192.0.2.9" } });
    }
    const r = await call(loginAction, "/login", { form: { email: "nobody-else@example.org", password: "x" }, context: { clientIp: "192.0.2.9" } });
    expect(r.status).toBe(429);
  });
});

describe("password reset by mailed link", () => {
  it("mails a link that sets a new password once, and revokes existing sessions", async () => {
    const u = await createUser({ email: "forgetful@example.org" });
    const oldCookie = await cookieFor(u.id);
    const r = await call(forgotAction, "/forgot-password", { form: { email: "Forgetful@example.org" } });
    expect(r.status).toBe(200);
    const mail = db().select().from(t.outbox).where(eq(t.outbox.toAddress, "forgetful@example.org")).get()!;
    const token = /\/reset\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect((await call(resetLoader, `/reset/${token}`, { params: { token } })).status).toBe(200);
    const done = await call(resetAction, `/reset/${token}`, {
      params: { token },
      form: { password: "brand-new-password", passwordConfirm: "brand-new-password" },
    });
    expect(done.status).toBe(302);
    expect(await getActor(new Request("http://x/", { headers: { Cookie: oldCookie } }))).toBeNull();
    const login = await call(loginAction, "/login", { form: { email: "forgetful@example.org", password: "brand-new-password" } });
    expect(login.status).toBe(302);
    const again = await call(resetAction, `/reset/${token}`, {
      params: { token },
      form: { password: "another-password", passwordConfirm: "another-password" },
    });
    expect(again.status).toBe(404);
  });

  it("limits reset requests per e-mail (mail bombing) and per client address, with Retry-After", async () => {
    await createUser({ email: "bombed@example.org" });
    const ask = (email: string, ip: string) => call(forgotAction, "/forgot-password", { form: { email }, context: { clientIp: ip } });
    for (let i = 0; i < 5; i++) expect((await ask("bombed@example.org", `198.51.100.${i}`)).status).toBe(200);
    const sixth = await ask("Bombed@example.org", "198.51.100.99");
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await sixth.json()).error[""][0]).toMatch(/^errors\.tooManyAttempts\|\{"count":\d+\}$/);
    expect(db().select().from(t.outbox).where(eq(t.outbox.toAddress, "bombed@example.org")).all()).toHaveLength(5);
    for (let i = 0; i < 20; i++) expect((await ask(`someone${i}@example.org`, "198.51.100.200")).status).toBe(200);
    expect((await ask("someone-else@example.org", "198.51.100.200")).status).toBe(429);
  });

  it("answers the same for an unknown address and mails nothing", async () => {
    const before = db()
      .select({ n: sql<number>`count(*)` })
      .from(t.outbox)
      .get()!.n;
    const r = await call(forgotAction, "/forgot-password", { form: { email: "nobody@example.org" } });
    expect(r.status).toBe(200);
    expect(
      db()
        .select({ n: sql<number>`count(*)` })
        .from(t.outbox)
        .get()!.n,
    ).toBe(before);
  });
});

describe("sessions", () => {
  it("log out deletes the session server-side so the old cookie stops working", async () => {
    const u = await createUser();
    const cookie = await cookieFor(u.id);
    expect(await getActor(new Request("http://x/", { headers: { Cookie: cookie } }))).not.toBeNull();
    await call(logoutAction, "/logout", { cookie, form: {} });
    expect(await getActor(new Request("http://x/", { headers: { Cookie: cookie } }))).toBeNull();
  });

  it("the session cookie is httpOnly and SameSite=Lax", async () => {
    await createUser({ email: "cookie@example.org" });
    const r = await call(loginAction, "/login", { form: { email: "cookie@example.org", password: TEST_PASSWORD } });
    const sc = r.headers.get("Set-Cookie")!;
    expect(sc).toMatch(/HttpOnly/i);
    expect(sc).toMatch(/SameSite=Lax/i);
  });
});

describe("language switcher", () => {
  it("remembers the choice in a cookie and on the account", async () => {
    const u = await createUser();
    const r = await call(languageAction, "/language", { cookie: await cookieFor(u.id), form: { lng: "vi", redirectTo: "/me" } });
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe("/me");
    expect(r.headers.get("Set-Cookie")).toMatch(/^lng=/);
    expect(db().select().from(t.users).where(eq(t.users.id, u.id)).get()!.locale).toBe("vi");
  });

  it("refuses an unknown language with 400", async () => {
    const r = await call(languageAction, "/language", { form: { lng: "xx" } });
    expect(r.status).toBe(400);
  });
});
