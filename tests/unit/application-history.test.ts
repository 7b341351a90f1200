// Issue 12 (new user's fixes) item 6: the applicant's history read "Submitted · Submitted": the
// badge repeated the status the action's own name states. It stays where it adds something.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HistoryList, showsStatusBadge } from "~/components/application/HistoryList";

const ev = (id: number, action: string, fromState: string | null, toState: string | null) => ({
  id,
  when: "5 Dec 2026",
  action,
  fromState,
  toState,
  reason: null,
  actorName: null,
});

describe("application history", () => {
  it("shows no badge that repeats the action", () => {
    const html = renderToStaticMarkup(
      createElement(HistoryList, { events: [ev(1, "create", null, "draft"), ev(2, "submit", "draft", "submitted"), ev(3, "accept", "endorsed", "accepted")] }),
    );
    expect(html.match(/class="badge /g) ?? []).toHaveLength(0);
    expect(html.match(/<li>/g)).toHaveLength(3);
  });

  it("keeps the badge where the status is news", () => {
    const html = renderToStaticMarkup(createElement(HistoryList, { events: [ev(1, "return", "submitted", "draft"), ev(2, "update", "draft", "draft")] }));
    expect(html.match(/class="badge badge-draft"/g) ?? []).toHaveLength(2);
    expect(showsStatusBadge("withdraw", "withdrawn")).toBe(false);
    expect(showsStatusBadge("reject", null)).toBe(false);
  });
});
