// Issue 12 (new user's fixes) item 6: the applicant's history read "Submitted · Submitted": the
// badge repeated the status the action's own name states. It stays where it adds something.
import { describe, expect, it } from "vitest";
import { showsStatusBadge } from "~/domain/application-history";
import { recordAudit } from "~/models/audit.server";
import { applicationStatusView, startApplication } from "~/models/applications.server";
import { createUser } from "../support/factories";
import { makeEdition } from "../integration/hosts-fixtures";

describe("application history badges", () => {
  it("leave out a status the action already names", () => {
    expect(showsStatusBadge("submit", "submitted")).toBe(false);
    expect(showsStatusBadge("accept", "accepted")).toBe(false);
    expect(showsStatusBadge("withdraw", "withdrawn")).toBe(false);
    expect(showsStatusBadge("create", "draft")).toBe(false);
    expect(showsStatusBadge("reject", null)).toBe(false);
  });

  it("keep one that is news", () => {
    expect(showsStatusBadge("return", "draft")).toBe(true);
    expect(showsStatusBadge("update", "draft")).toBe(true);
  });

  it("reach the applicant's status page that way", async () => {
    const u = await createUser();
    const edition = makeEdition({
      name: "History edition",
      applicationsOpenOn: "2020-01-01",
      applicationsCloseOn: "2099-01-01",
      startsOn: "2099-03-01",
      endsOn: "2099-03-10",
    });
    const app = startApplication(u, edition.id);
    recordAudit(u, { entityType: "application", entityId: app.id, action: "submit", fromState: "draft", toState: "submitted" });
    recordAudit(null, { entityType: "application", entityId: app.id, action: "return", fromState: "submitted", toState: "draft", reason: "Add your village" });
    const view = applicationStatusView(u, app.id, "en");
    expect(view.trail.map((e) => [e.action, e.badge])).toEqual([
      ["create", false],
      ["submit", false],
      ["return", true],
    ]);
  });
});
