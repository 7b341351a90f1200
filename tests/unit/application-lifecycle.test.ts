// Every (status, action, role) triple: the allowed transitions exist, every other one is refused.
import { describe, expect, it } from "vitest";
import { allowedActions, nextStatus, type ActingRole, type ApplicationAction } from "~/domain/application-lifecycle";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../db/schema/programme";

const ACTIONS: ApplicationAction[] = ["submit", "return", "endorse", "accept", "waitlist", "reject", "withdraw"];
const ROLES: ActingRole[] = ["applicant", "focal_point", "organizer"];

/** The expected table, written out by hand from docs/design.md "Life cycles" (from, action, role → to). */
const ALLOWED: [ApplicationStatus, ApplicationAction, ActingRole, ApplicationStatus][] = [
  ["draft", "submit", "applicant", "submitted"],
  ["draft", "submit", "focal_point", "submitted"],
  ["submitted", "return", "focal_point", "draft"],
  ["submitted", "endorse", "focal_point", "endorsed"],
  ["endorsed", "accept", "organizer", "accepted"],
  ["waitlisted", "accept", "organizer", "accepted"],
  ["rejected", "accept", "organizer", "accepted"],
  ["endorsed", "waitlist", "organizer", "waitlisted"],
  ["accepted", "waitlist", "organizer", "waitlisted"],
  ["rejected", "waitlist", "organizer", "waitlisted"],
  ["endorsed", "reject", "organizer", "rejected"],
  ["waitlisted", "reject", "organizer", "rejected"],
  ["accepted", "reject", "organizer", "rejected"],
  ["draft", "withdraw", "applicant", "withdrawn"],
  ["submitted", "withdraw", "applicant", "withdrawn"],
  ["endorsed", "withdraw", "applicant", "withdrawn"],
  ["accepted", "withdraw", "applicant", "withdrawn"],
  ["waitlisted", "withdraw", "applicant", "withdrawn"],
];

describe("application life cycle", () => {
  const key = (s: string, a: string, r: string) => `${s}|${a}|${r}`;
  const allowed = new Map(ALLOWED.map(([s, a, r, to]) => [key(s, a, r), to]));

  for (const from of APPLICATION_STATUSES) {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        const expected = allowed.get(key(from, action, role)) ?? null;
        it(`${from} --${action} by ${role}--> ${expected ?? "refused"}`, () => {
          expect(nextStatus(from, action, role)).toBe(expected);
        });
      }
    }
  }

  it("a withdrawn application is final for everyone", () => {
    for (const role of ROLES) expect(allowedActions("withdrawn", role)).toEqual([]);
  });

  it("a rejected application cannot be withdrawn (it is already out)", () => {
    expect(nextStatus("rejected", "withdraw", "applicant")).toBeNull();
  });

  it("allowedActions lists exactly the allowed transitions", () => {
    for (const from of APPLICATION_STATUSES) {
      for (const role of ROLES) {
        const exp = ACTIONS.filter((a) => allowed.has(key(from, a, role)));
        expect(allowedActions(from, role).sort()).toEqual(exp.sort());
      }
    }
  });
});
