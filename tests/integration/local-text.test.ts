// Programme content in several languages (issue 11, item 8): the reading order (reader's language,
// else English, else the first given) with the shown language's `lang`, the translations column's
// round trip (any script, after NFC), and the edition form posting translations without JavaScript.
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import "~/forms/zod-errors";

// The interface languages (app/i18n.ts may still list only en and vi on this branch).
vi.mock("~/i18n", async (orig) => ({
  ...(await orig<typeof import("~/i18n")>()),
  supportedLngs: ["en", "vi", "th", "km", "lo", "my", "id", "ms", "fil", "zh", "ja", "ko"],
}));

import { LocalText } from "~/components/i18n/LocalText";
import { db, t } from "~/db.server";
import { cleanTranslations, pickField, pickText } from "~/domain/local-text";
import { action as editAction, loader as editLoader } from "~/routes/admin.editions.$id";
import { action as newAction } from "~/routes/admin.editions.new";
import { loader as homeLoader } from "~/routes/_index";
import { call, cookieFor, createUser } from "../support/factories";

const valid = (over: Record<string, string | string[]> = {}) => ({
  name: "12th edition",
  ordinal: "12",
  mode: "in_person",
  hostCountries: ["KH"],
  startsOn: "2028-07-05",
  endsOn: "2028-07-11",
  applicationsOpenOn: "2028-03-01",
  applicationsCloseOn: "2028-04-30",
  timeZone: "",
  themes: ["rural_tourism"],
  description: "Homestays by the Mekong.",
  ...over,
});

describe("reading order", () => {
  const text = { en: "Edition", km: "វគ្គ", th: "" };
  it("shows the reader's language, else English, else the first given, with its lang", () => {
    expect(pickText(text, "km")).toEqual({ text: "វគ្គ", lang: "km" });
    expect(pickText(text, "th")).toEqual({ text: "Edition", lang: "en" }); // empty counts as missing
    expect(pickText(text, "xx")).toEqual({ text: "Edition", lang: "en" }); // unknown language
    expect(pickText({ lo: "ລຸ້ນ", my: "အကြိမ်" }, "ja")).toEqual({ text: "ລຸ້ນ", lang: "lo" }); // first in the language order
    expect(pickText({ zh: "届" }, "zh-Hans")).toEqual({ text: "届", lang: "zh" });
    expect(pickText(null, "km")).toEqual({ text: "", lang: "en" });
    expect(pickField("Yunnan", { name: { my: "ယူနန်" } }, "name", "my")).toEqual({ text: "ယူနန်", lang: "my" });
    expect(pickField("Yunnan", { name: { my: "ယူနန်" } }, "name", "vi")).toEqual({ text: "Yunnan", lang: "en" });
  });

  it("renders the shown text with the lang of its language", () => {
    expect(renderToStaticMarkup(createElement(LocalText, { value: pickText(text, "km") }))).toBe('<span lang="km">វគ្គ</span>');
    expect(renderToStaticMarkup(createElement(LocalText, { value: pickText(text, "lo"), as: "h2" }))).toBe('<h2 lang="en">Edition</h2>');
  });

  it("keeps only interface languages, trims, drops empty values, normalises to NFC", () => {
    const decomposed = "Vie\u0302\u0323t"; // "Việt" with combining marks
    expect(cleanTranslations({ name: { vi: ` ${decomposed} `, km: "", xx: "?", en: "English is the plain column" } }, ["name"])).toEqual({
      name: { vi: "Việt" },
    });
  });
});

describe("translations column", () => {
  it("round-trips text in every script unchanged after NFC", () => {
    const samples: Record<string, string> = {
      vi: "Trao đổi Trưởng thôn",
      th: "ผู้ใหญ่บ้าน",
      km: "មេភូមិ",
      lo: "ນາຍບ້ານ",
      my: "ကျေးရွာအုပ်ချုပ်ရေးမှူး",
      id: "Kepala desa",
      ms: "Ketua kampung",
      fil: "Punong barangay",
      zh: "村官",
      ja: "村長",
      ko: "이장",
    };
    const id = db()
      .insert(t.editions)
      .values({
        name: "Round trip",
        ordinal: 90,
        mode: "online",
        hostCountries: ["CN"],
        startsOn: "2029-01-01",
        endsOn: "2029-01-02",
        applicationsOpenOn: "2028-01-01",
        applicationsCloseOn: "2028-02-01",
        timeZone: "Asia/Shanghai",
        themes: [],
        translations: { name: { ...samples, vi: "Vie\u0302\u0323t" } },
      })
      .returning({ id: t.editions.id })
      .get().id;
    const row = db().select().from(t.editions).where(eq(t.editions.id, id)).get()!;
    expect(row.translations.name).toEqual({ ...samples, vi: "Việt" });
  });
});

describe("edition form with translations (no JavaScript: a plain form POST)", () => {
  it("stores them, shows them on the edit page, and a cleared one is removed", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const cookie = await cookieFor(org.id);
    const r = await call(newAction, "/admin/editions/new", {
      cookie,
      form: valid({ "tr.name.km": "វគ្គទី១២", "tr.name.lo": "ລຸ້ນທີ 12", "tr.description.my": "မဲခေါင်မြစ်ဘေး", "tr.name.ja": "" }),
    });
    expect(r.status).toBe(302);
    const e = db().select().from(t.editions).where(eq(t.editions.ordinal, 12)).get()!;
    expect(e.name).toBe("12th edition");
    expect(e.translations).toEqual({ name: { km: "វគ្គទី១២", lo: "ລຸ້ນທີ 12" }, description: { my: "မဲခေါင်မြစ်ဘေး" } });

    const page = await (await call(editLoader, `/admin/editions/${e.id}`, { cookie, params: { id: String(e.id) } })).json();
    expect(page.defaultValue.tr).toEqual(e.translations);

    // The edit form posts every translation input; the organizer empties the Lao one.
    const lngs = ["vi", "th", "km", "lo", "my", "id", "ms", "fil", "zh", "ja", "ko"];
    const inputs = Object.fromEntries(
      lngs.flatMap((l) => [
        [`tr.name.${l}`, l === "km" ? "វគ្គទី១២" : ""],
        [`tr.description.${l}`, ""],
      ]),
    );
    const r2 = await call(editAction, `/admin/editions/${e.id}`, { cookie, params: { id: String(e.id) }, form: valid(inputs) });
    expect(r2.status).toBe(302);
    expect(db().select().from(t.editions).where(eq(t.editions.id, e.id)).get()!.translations).toEqual({ name: { km: "វគ្គទី១២" } });

    // Every translation input emptied: none is left.
    const empty = Object.fromEntries(
      lngs.flatMap((l) => [
        [`tr.name.${l}`, ""],
        [`tr.description.${l}`, ""],
      ]),
    );
    const r3 = await call(editAction, `/admin/editions/${e.id}`, { cookie, params: { id: String(e.id) }, form: valid(empty) });
    expect(r3.status).toBe(302);
    expect(db().select().from(t.editions).where(eq(t.editions.id, e.id)).get()!.translations).toEqual({});
  });

  it("refuses a translation longer than its field with 400 under its input, keeps typed values, writes nothing", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const cookie = await cookieFor(org.id);
    const r = await call(newAction, "/admin/editions/new", { cookie, form: valid({ ordinal: "13", "tr.name.th": "ก".repeat(201), "tr.name.zh": "第十三届" }) });
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.error["tr.name.th"]).toEqual(["errors.tooLong"]);
    expect(body.initialValue.tr.name).toMatchObject({ zh: "第十三届" });
    expect(db().select().from(t.editions).where(eq(t.editions.ordinal, 13)).get()).toBeUndefined();
  });
});

describe("reader", () => {
  it("the home page shows an open edition's name in the reader's language, else English, with its lang", async () => {
    const org = await createUser({ roles: [{ role: "organizer" }] });
    const cookie = await cookieFor(org.id);
    const today = new Date().toISOString().slice(0, 10);
    const add = (d: number) => new Date(Date.now() + d * 86400000).toISOString().slice(0, 10);
    expect(today).toBe(add(0));
    const r = await call(newAction, "/admin/editions/new", {
      cookie,
      form: valid({
        ordinal: "14",
        name: "Open edition",
        applicationsOpenOn: add(-1),
        applicationsCloseOn: add(10),
        startsOn: add(20),
        endsOn: add(25),
        "tr.name.vi": "Khóa đang mở",
      }),
    });
    expect(r.status).toBe(302);
    const vi = await (await call(homeLoader, "/?lng=vi")).json();
    expect(vi.editions.find((e: { name: { text: string } }) => e.name.text === "Khóa đang mở")?.name).toEqual({ text: "Khóa đang mở", lang: "vi" });
    const en = await (await call(homeLoader, "/?lng=en")).json();
    expect(en.editions.map((e: { name: unknown }) => e.name)).toContainEqual({ text: "Open edition", lang: "en" });
  });
});
