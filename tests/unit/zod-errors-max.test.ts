// Issue 12, item 18: a too-long value's error says the maximum, with the reader's plural rules.
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import "~/forms/zod-errors";
import en from "~/locales/en/common.json";

describe("too-long errors", () => {
  it("carry the maximum, and English says 'at most N characters'", async () => {
    const r = z.object({ title: z.string().max(120) }).safeParse({ title: "x".repeat(121) });
    expect(r.success).toBe(false);
    const msg = r.error!.issues[0]!.message;
    const [key, params] = msg.split("|");
    expect(key).toBe("errors.tooLongMax");
    expect(JSON.parse(params!)).toEqual({ count: 120 });
    const i = i18next.createInstance();
    await i.init({ lng: "en", resources: { en: { translation: en } } });
    expect(i.t(key!, JSON.parse(params!))).toBe("This is too long: at most 120 characters.");
  });
});
