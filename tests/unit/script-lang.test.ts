import { describe, expect, it } from "vitest";
import { langOfText } from "~/domain/script-lang";
import { SCRIPT_FONTS } from "~/fonts";

describe("langOfText", () => {
  it("names the language of a name's script", () => {
    expect(langOfText("សុខ ចាន់ថា")).toBe("km");
    expect(langOfText("ສົມພອນ ວົງສາ")).toBe("lo");
    expect(langOfText("အောင်ကျော်")).toBe("my");
    expect(langOfText("สมชาย ใจดี")).toBe("th");
    expect(langOfText("さとう はなこ")).toBe("ja");
    expect(langOfText("김민준")).toBe("ko");
  });
  it("lets the country settle Han and Latin text", () => {
    expect(langOfText("佐藤花子", "JP")).toBe("ja");
    expect(langOfText("王秀英", "CN")).toBe("zh");
    expect(langOfText("Nguyễn Thị Ánh", "VN")).toBe("vi");
    expect(langOfText("Maria Santos")).toBeUndefined();
  });
});

describe("script fonts", () => {
  it("cover only their script's blocks, so Latin text (also Vietnamese) loads none", () => {
    const inRange = (cp: number, range: string) =>
      range.split(",").some((r) => {
        const [a, b] = r
          .replace("U+", "")
          .split("-")
          .map((x) => parseInt(x, 16));
        return cp >= a && cp <= (b ?? a);
      });
    const latin = "The quick brown fox – Nguyễn Thị Ánh, Ñandú, 82 % «»";
    for (const f of SCRIPT_FONTS) for (const ch of latin.normalize("NFD")) expect(inRange(ch.codePointAt(0)!, f.range), `${f.family} ${ch}`).toBe(false);
  });
});
