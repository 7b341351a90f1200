// Issue 12, item 12: the template list and the new-template form never read "Follow-up after 0
// months"; the list shows the months at which editions run the template, as the edition page does.
import { describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { stageLabel } from "~/components/evaluation/SurveyHeader";
import { listTemplates } from "~/models/evaluation/templates.server";

const tr = (k: string, o?: Record<string, unknown>) => (o ? `${k}:${String(o.months)}` : k);

describe("follow-up stage labels", () => {
  it("a template without months says plain Follow-up, never 0 months", () => {
    expect(stageLabel(tr, "follow_up", 0, "en")).toBe("evaluation.stages.follow_up");
    expect(stageLabel(tr, "follow_up", [], "en")).toBe("evaluation.stages.follow_up");
    expect(stageLabel(tr, "follow_up", 3, "en")).toBe("evaluation.stages.follow_up_n:3");
    expect(stageLabel(tr, "follow_up", [12, 3, 6], "en")).toBe("evaluation.stages.follow_up_n:3, 6, 12");
    expect(stageLabel(tr, "baseline", 0, "en")).toBe("evaluation.stages.baseline");
    // The months in the page's digits (a tester saw Latin digits in Burmese).
    expect(stageLabel(tr, "follow_up", [12, 3, 6], "my")).toBe("evaluation.stages.follow_up_n:၃, ၆, ၁၂");
  });

  it("the template list carries the months editions use the follow-up template at", () => {
    const tpl = db()
      .insert(t.surveyTemplates)
      .values({ family: "fu-test", version: 1, stage: "follow_up", title: { en: "Follow-up" }, questions: [] } as never)
      .returning()
      .get();
    const ed = db()
      .insert(t.editions)
      .values({
        name: "E",
        ordinal: 1,
        mode: "online",
        hostCountries: [],
        startsOn: "2026-01-10",
        endsOn: "2026-01-15",
        applicationsOpenOn: "2025-10-01",
        applicationsCloseOn: "2025-11-01",
        timeZone: "Asia/Bangkok",
        themes: [],
      })
      .returning({ id: t.editions.id })
      .get().id;
    db().insert(t.editionSurveys).values({ editionId: ed, stage: "follow_up", monthsAfter: 3, templateFamily: tpl.family }).run();
    const row = listTemplates().find((x) => x.family === "fu-test")!;
    expect(row.followUpMonths).toEqual([3]);
    expect(stageLabel(tr, row.stage, row.followUpMonths, "en")).toBe("evaluation.stages.follow_up_n:3");
  });
});
