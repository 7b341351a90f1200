// Issue 12, item 10: after logging in each person lands on their own workspace; several roles pick.
import { describe, expect, it } from "vitest";
import { landingPath, workspacesFor } from "~/domain/workspaces";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { loader as chooserLoader } from "~/routes/workspaces";
import { call, cookieFor, createUser, TEST_PASSWORD } from "../support/factories";

let ip = 0;
const login = (email: string, redirectTo = "") =>
  call(loginAction, "/login", { form: { email, password: TEST_PASSWORD, redirectTo }, context: { clientIp: `10.9.0.${++ip}` } });

describe("landing after login", () => {
  it("takes each role to its own workspace", async () => {
    await createUser({ email: "org-land@example.org", roles: [{ role: "organizer" }] });
    await createUser({ email: "focal-land@example.org", roles: [{ role: "focal_point", countryCode: "VN" }] });
    await createUser({ email: "host-land@example.org", roles: [{ role: "host_coordinator" }] });
    await createUser({ email: "leader-land@example.org" });
    expect((await login("org-land@example.org")).headers.get("Location")).toBe("/admin");
    expect((await login("focal-land@example.org")).headers.get("Location")).toBe("/focal");
    expect((await login("host-land@example.org")).headers.get("Location")).toBe("/host");
    expect((await login("leader-land@example.org")).headers.get("Location")).toBe("/me");
  });

  it("sends a person with several roles to the chooser, which lists every workspace", async () => {
    const u = await createUser({
      email: "both-land@example.org",
      roles: [{ role: "organizer" }, { role: "host_coordinator" }],
    });
    expect((await login("both-land@example.org")).headers.get("Location")).toBe("/workspaces");
    const r = await call(chooserLoader, "/workspaces", { cookie: await cookieFor(u.id) });
    const body = await r.json();
    expect(body.workspaces.map((w: { path: string }) => w.path)).toEqual(["/admin", "/host", "/me"]);
  });

  it("lets a safe redirectTo win, and ignores an off-site one", async () => {
    await createUser({ email: "org-redirect@example.org", roles: [{ role: "organizer" }] });
    expect((await login("org-redirect@example.org", "/admin/editions")).headers.get("Location")).toBe("/admin/editions");
    expect((await login("org-redirect@example.org", "//evil.example")).headers.get("Location")).toBe("/admin");
    expect((await login("org-redirect@example.org", "https://evil.example/")).headers.get("Location")).toBe("/admin");
  });

  it("sends a signed-in person who opens /login to their workspace", async () => {
    const u = await createUser({ email: "focal-open@example.org", roles: [{ role: "focal_point", countryCode: "TH" }] });
    const r = await call(loginLoader, "/login", { cookie: await cookieFor(u.id) });
    expect(r.headers.get("Location")).toBe("/focal");
  });

  it("the chooser needs a login", async () => {
    const r = await call(chooserLoader, "/workspaces");
    expect(r.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("workspacesFor / landingPath", () => {
  const none = { isOrganizer: false, isFocalPoint: false, isHostCoordinator: false };
  it("always offers My applications last", () => {
    expect(workspacesFor(none)).toEqual([{ role: "applicant", path: "/me" }]);
    expect(workspacesFor({ ...none, isFocalPoint: true }).at(-1)?.path).toBe("/me");
  });
  it("lands on the chooser only for two or more staff roles", () => {
    expect(landingPath(none)).toBe("/me");
    expect(landingPath({ ...none, isHostCoordinator: true })).toBe("/host");
    expect(landingPath({ isOrganizer: true, isFocalPoint: true, isHostCoordinator: false })).toBe("/workspaces");
  });
});
