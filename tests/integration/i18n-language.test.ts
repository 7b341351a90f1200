// The page language: saved preference, then ?lng=, then cookie, then Accept-Language; new accounts
// keep the language they signed up in; mail goes out in the recipient's saved language.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import "~/forms/zod-errors";
import { db, t } from "~/db.server";
import { getLocale, lngCookie, lngQueryCookie, translatorFor } from "~/i18n.server";
import { action as signupAction } from "~/routes/signup";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as languageAction } from "~/routes/language";
import { call, cookieFor, createUser } from "../support/factories";

async function request(url: string, h: { session?: string; lng?: string; accept?: string } = {}) {
  const cookies = [h.session, h.lng ? (await lngCookie.serialize(h.lng)).split(";")[0] : undefined].filter(Boolean);
  const headers = new Headers();
  if (cookies.length) headers.set("Cookie", cookies.join("; "));
  if (h.accept) headers.set("Accept-Language", h.accept);
  return new Request(new URL(url, "http://localhost"), { headers });
}

describe("getLocale", () => {
  it("takes the saved preference first, then ?lng=, then the cookie, then Accept-Language, then English", async () => {
    const u = await createUser({ locale: "km" });
    const session = await cookieFor(u.id);
    expect(await getLocale(await request("/?lng=lo", { session, lng: "my", accept: "th" }))).toBe("km");
    expect(await getLocale(await request("/?lng=lo", { lng: "my", accept: "th" }))).toBe("lo");
    expect(await getLocale(await request("/", { lng: "my", accept: "th" }))).toBe("my");
    expect(await getLocale(await request("/", { accept: "th-TH,th;q=0.9,en;q=0.5" }))).toBe("th");
    expect(await getLocale(await request("/"))).toBe("en");
  });

  it("maps regional tags and ignores unknown values", async () => {
    expect(await getLocale(await request("/", { accept: "ms-BN" }))).toBe("ms");
    expect(await getLocale(await request("/", { accept: "zh-SG" }))).toBe("zh");
    expect(await getLocale(await request("/", { accept: "tl-PH" }))).toBe("fil");
    expect(await getLocale(await request("/?lng=zh-Hans-CN"))).toBe("zh");
    expect(await getLocale(await request("/?lng=xx", { accept: "ko" }))).toBe("ko");
    // A forged cookie value is skipped like any unknown one.
    const forged = new Request("http://localhost/", { headers: { Cookie: "lng=not-json", "Accept-Language": "ja" } });
    expect(await getLocale(forged)).toBe("ja");
  });

  it("remembers a valid ?lng= in the cookie, ignores an unknown one", async () => {
    const set = await lngQueryCookie(await request("/apply?lng=th"));
    expect(await lngCookie.parse(set!.split(";")[0])).toBe("th");
    expect(await lngQueryCookie(await request("/apply?lng=xx"))).toBeNull();
  });

  it("the switcher goes back to the page without its ?lng=", async () => {
    const r = await call(languageAction, "/language", { form: { lng: "lo", redirectTo: "/signup?lng=th&x=1" } });
    expect(r.headers.get("Location")).toBe("/signup?x=1");
  });
});

describe("new accounts and mail", () => {
  const form = (email: string) => ({ displayName: "ສົມພອນ", email, password: "a-long-password", passwordConfirm: "a-long-password" });

  it("a new account keeps the language it signed up in (?lng=, cookie or browser)", async () => {
    await call(signupAction, "/signup?lng=lo", { form: form("lo-signup@example.org") });
    expect(db().select().from(t.users).where(eq(t.users.email, "lo-signup@example.org")).get()!.locale).toBe("lo");
    const cookie = (await lngCookie.serialize("my")).split(";")[0];
    await call(signupAction, "/signup", { cookie, form: form("my-signup@example.org") });
    expect(db().select().from(t.users).where(eq(t.users.email, "my-signup@example.org")).get()!.locale).toBe("my");
  });

  it("mail goes out in the recipient's saved language, whatever the page's language", async () => {
    const u = await createUser({ email: "khmer-reader@example.org", locale: "km" });
    // The reset is asked for from an English page (?lng=en).
    await call(forgotAction, "/forgot-password?lng=en", { form: { email: u.email } });
    const mail = db().select().from(t.outbox).where(eq(t.outbox.toAddress, u.email)).all().at(-1)!;
    const km = translatorFor("km");
    expect(mail.subject).toBe(km("mail.reset.subject"));
    expect(mail.subject).not.toBe(translatorFor("en")("mail.reset.subject"));
    expect(mail.text).toMatch(/[\u1780-\u17FF]/); // Khmer script
  });
});
