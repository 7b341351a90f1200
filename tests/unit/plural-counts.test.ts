// Issue 12 (new user's fixes) item 5: "1 drafts", "1 result": counts shown in the UI go through
// i18next plurals. Every English string that shows {{count}} beside a word is a plural key (the
// i18n test then checks each language has exactly its own plural forms), and the training list's
// three counts each take their own plural.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { trainingCounts } from "~/components/training/counts";
import { translatorFor } from "~/i18n.server";

/** Counts shown with no noun that could change with the number ("Page 2 of {{count}}", "Offers sent: {{count}}."). */
const NO_NOUN = new Set(["admin.applications.pageOf", "placement.board.done.publish"]);

function leaves(obj: Record<string, unknown>, prefix = ""): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v as Record<string, unknown>, `${prefix}${k}.`),
  );
}

/** Burmese digits read back as Latin ones: counts are written in the language's digits (Intl). */
const latin = (s: string) => s.replace(/[\u1040-\u1049]/g, (c) => String(c.charCodeAt(0) - 0x1040));

describe("counts in words", () => {
  it("every English string with {{count}} is a plural key", () => {
    const bad: string[] = [];
    for (const f of fs.readdirSync("app/locales/en")) {
      for (const [key, value] of leaves(JSON.parse(fs.readFileSync(`app/locales/en/${f}`, "utf8")))) {
        if (value.includes("{{count}}") && !/_(one|other)$/.test(key) && !NO_NOUN.has(key)) bad.push(key);
      }
    }
    expect(bad).toEqual([]);
  });

  it("the training list says 1 draft, not 1 drafts", () => {
    const en = translatorFor("en");
    expect(trainingCounts(en, { total: 1, draft: 1, cancelled: 0 })).toBe("1 session, 1 draft, 0 cancelled");
    expect(trainingCounts(en, { total: 15, draft: 2, cancelled: 1 })).toBe("15 sessions, 2 drafts, 1 cancelled");
    expect(en("common.results", { count: 1 })).toBe("1 result");
    expect(en("common.results", { count: 152 })).toBe("152 results");
    for (const lng of ["vi", "th", "km", "lo", "my", "id", "ms", "fil", "zh", "ja", "ko"]) {
      const text = trainingCounts(translatorFor(lng), { total: 15, draft: 1, cancelled: 0 });
      expect(latin(text), lng).toMatch(/15\D+1\D+0/);
      if (lng === "my") expect(text).not.toMatch(/[0-9]/);
      expect(text, lng).not.toContain("training.list");
    }
  });
});

describe("single counts with a noun", () => {
  const en = translatorFor("en");
  it("say 1 month, 1 seat, 1 participant, 1 new nomination", async () => {
    const { stageLabel } = await import("~/components/evaluation/SurveyHeader");
    expect(stageLabel(en, "follow_up", 1, "en")).toBe("Follow-up after 1 month");
    expect(stageLabel(en, "follow_up", [6, 3], "en")).toBe("Follow-up after 3, 6 months");
    expect(en("placement.errors.visitFull", { count: 1 })).toContain("(1 seat)");
    expect(en("placement.errors.countryCapReached", { count: 1 })).toContain("1 participant from");
    expect(en("tracking.import.done", { count: 1, already: 0 })).toContain("1 new nomination (");
    for (const lng of ["vi", "th", "km", "lo", "my", "id", "ms", "fil", "zh", "ja", "ko"]) {
      const t = translatorFor(lng);
      expect(latin(t("placement.errors.visitFull", { count: 7 })), lng).toContain("7");
      expect(latin(t("tracking.import.done", { count: 4, already: 2 })), lng).toMatch(/4[\s\S]*2|2[\s\S]*4/);
    }
  });
});
