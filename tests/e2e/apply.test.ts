// A new village leader signs up and applies, with JavaScript on and (another leader) off: saves a
// draft, fails a submit (every typed value, in Burmese/Thai script, is kept and errors show next to
// the fields), submits, sees the status page and withdraws. Every page: axe, 360 px, screenshots.
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/dates";
import { expectAccessible, newContext, screenshot, withDemoServer } from "../support/e2e";

const demo = withDemoServer();
let editionId: number;
let themeValue: string;

/** An edition whose window is open today (from the demo data; created here if there is none). */
function openEdition(dbPath: string): { id: number; theme: string } {
  const sqlite = new Database(dbPath);
  sqlite.pragma("busy_timeout = 5000");
  try {
    type Row = { id: number; themes: string; tz: string; open: string; close: string };
    const rows = sqlite
      .prepare("select id, themes, time_zone as tz, applications_open_on as open, applications_close_on as close from editions order by id")
      .all() as Row[];
    const open = rows.find((r) => {
      const today = todayIn(r.tz);
      return r.open <= today && today <= r.close && JSON.parse(r.themes).length > 0;
    });
    if (open) return { id: open.id, theme: JSON.parse(open.themes)[0] };
    const today = todayIn("Asia/Bangkok");
    const info = sqlite
      .prepare(
        `insert into editions (name, ordinal, mode, host_countries, starts_on, ends_on, applications_open_on,
           applications_close_on, time_zone, themes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        "E2E edition",
        99,
        "in_person",
        '["TH"]',
        addDays(today, 60),
        addDays(today, 67),
        addDays(today, -5),
        addDays(today, 20),
        "Asia/Bangkok",
        '["rural_tourism","cooperatives"]',
      );
    return { id: Number(info.lastInsertRowid), theme: "rural_tourism" };
  } finally {
    sqlite.close();
  }
}

beforeAll(() => {
  ({ id: editionId, theme: themeValue } = openEdition(demo.server.dbPath));
});

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);
/** The error line of the field holding control `name`. */
const errorOf = (page: Page, name: string) => page.locator(".field", { has: page.locator(`[name="${name}"]`) }).locator(".field-errors");

async function signUp(page: Page, name: string, email: string) {
  await page.goto(`${demo.url}/signup`);
  await expectAccessible(page, "signup");
  await field(page, "displayName").fill(name);
  await field(page, "email").fill(email);
  await field(page, "password").fill("a long enough password");
  await field(page, "passwordConfirm").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((u) => u.pathname === "/me");
  await expectAccessible(page, "me");
}

/** What the leader types before the failed submit (no village, no motivation). */
const partial = {
  givenName: "အောင်ကျော်",
  givenNameLatin: "Aung Kyaw",
  province: "မန္တလေးတိုင်း",
  position: "ကျေးရွာအုပ်ချုပ်ရေးမှူး",
  emergencyContactName: "ဒေါ်ခင်မာ",
  emergencyContactRelation: "ဇနီး",
  dietaryNeeds: "သက်သတ်လွတ်",
};

async function fillPartial(page: Page) {
  for (const [k, v] of Object.entries(partial)) await field(page, k).fill(v);
  await field(page, "gender").selectOption("male");
  await field(page, "birthDate").fill("1968-01-01");
  await field(page, "nationality").selectOption("MM");
  await field(page, "phone").fill("09 420 123 456");
  await field(page, "positionKind").selectOption("village_head");
  await field(page, "yearsInPosition").fill("7");
  await field(page, "languages[0].code").selectOption("my");
  await field(page, "languages[0].level").selectOption("native");
  await field(page, "languages[1].code").selectOption("en");
  await field(page, "languages[1].level").selectOption("basic");
  await field(page, "preferredHostCountries[0]").selectOption("TH");
  await field(page, "preferredHostCountries[1]").selectOption("CN");
  await page.check(`input[name="themes"][value="${themeValue}"]`);
  await field(page, "availableFrom").fill(addDays(todayIn("Asia/Yangon"), 40));
  await field(page, "availableTo").fill(addDays(todayIn("Asia/Yangon"), 80));
  await page.check('input[name="sensitiveConsent"]');
  await field(page, "emergencyContactPhone").fill("09 420 123 457");
}

async function expectPartialKept(page: Page) {
  for (const [k, v] of Object.entries(partial)) await expect.poll(() => field(page, k).inputValue()).toBe(v);
  expect(await field(page, "birthDate").inputValue()).toBe("1968-01-01");
  expect(await field(page, "nationality").inputValue()).toBe("MM");
  expect(await field(page, "languages[0].code").inputValue()).toBe("my");
  expect(await field(page, "languages[1].code").inputValue()).toBe("en");
  expect(await field(page, "preferredHostCountries[0]").inputValue()).toBe("TH");
  expect(await field(page, "languages[0].level").inputValue()).toBe("native");
  expect(await page.isChecked(`input[name="themes"][value="${themeValue}"]`)).toBe(true);
  expect(await page.isChecked('input[name="sensitiveConsent"]')).toBe(true);
}

async function finishAndSubmit(page: Page) {
  await field(page, "village").fill("ရွာသစ်");
  await field(page, "languages[1].level").selectOption("basic");
  await field(page, "preferredHostCountries[1]").selectOption("VN");
  await field(page, "motivation").fill("ကျေးလက်ခရီးသွားလုပ်ငန်းနှင့် သမဝါယမအကြောင်း သင်ယူလိုပါသည်။");
  await page.getByRole("button", { name: "Submit application" }).click();
  await page.waitForURL((u) => /^\/me\/applications\/\d+$/.test(u.pathname));
  await expect.poll(() => page.locator(".badge").first().textContent()).toBe("Submitted");
  await expect.poll(() => page.locator('[data-testid="birth-date"]').getAttribute("data-value")).toBe("1968-01-01");
}

async function withdraw(page: Page, label: string) {
  await page.getByText("Withdraw my application").click();
  await expectAccessible(page, `${label} withdraw open`);
  // Without the confirmation box the server refuses (and the form stays open).
  await page.getByRole("button", { name: "Withdraw application" }).click();
  await expect.poll(() => page.getByText("Tick the box to confirm").count()).toBeGreaterThan(0);
  await page.check('input[name="confirm"]');
  await page.getByRole("button", { name: "Withdraw application" }).click();
  await page.waitForURL((u) => u.searchParams.get("withdrawn") === "1");
  await expect.poll(() => page.locator(".badge").first().textContent()).toBe("Withdrawn");
  await expectAccessible(page, `${label} withdrawn`);
  await screenshot(page, `apply-${label}-withdrawn`);
}

describe.each([
  { label: "js", javaScript: true },
  { label: "nojs", javaScript: false },
])("a new leader applies ($label)", ({ label, javaScript }) => {
  it("signs up, saves a draft, fails a submit keeping every value, submits, withdraws", async () => {
    const context = await newContext(demo.browser, { javaScript });
    const page = await context.newPage();
    await signUp(page, `Aung Kyaw ${label}`, `aung.kyaw.${label}.${Date.now()}@example.org`);

    await page.goto(`${demo.url}/apply/${editionId}`);
    await expectAccessible(page, `${label} form`);
    await screenshot(page, `apply-${label}-form-empty`);

    // Save a draft of what is typed so far, and come back to it.
    await fillPartial(page);
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL((u) => u.searchParams.get("saved") === "1");
    await page.goto(`${demo.url}/apply/${editionId}`);
    await expectPartialKept(page);
    // Choose the first country again as second choice and drop a level: both refused on submit.
    await field(page, "preferredHostCountries[1]").selectOption("TH");
    await field(page, "languages[1].level").selectOption("");

    // A failed submit: village and motivation missing, a language without a level, a country twice.
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect.poll(() => errorOf(page, "village").textContent()).toContain("This field is required.");
    expect(await errorOf(page, "motivation").textContent()).toContain("This field is required.");
    expect(await errorOf(page, "languages[1].level").textContent()).toContain("This field is required.");
    expect(await errorOf(page, "preferredHostCountries[1]").textContent()).toContain("Each item may appear only once.");
    expect(await field(page, "village").getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).pathname).toBe(`/apply/${editionId}`);
    await expectPartialKept(page);
    await expectAccessible(page, `${label} form with errors`);
    await screenshot(page, `apply-${label}-form-errors`);
    await finishAndSubmit(page);
    await expectAccessible(page, `${label} status`);
    await screenshot(page, `apply-${label}-status`);

    await page.goto(`${demo.url}/me`);
    await expect.poll(() => page.locator(".badge").first().textContent()).toBe("Submitted");
    await expectAccessible(page, `${label} my applications`);
    await screenshot(page, `apply-${label}-me`);
    await page
      .getByRole("link", { name: /See the status/ })
      .first()
      .click();
    await page.waitForURL((u) => /^\/me\/applications\/\d+$/.test(u.pathname));

    await withdraw(page, label);
    await context.close();
  });
});

describe("scope in the browser", () => {
  it("another leader's status page is 404", async () => {
    const context = await newContext(demo.browser, { javaScript: false });
    const page = await context.newPage();
    await signUp(page, "Someone else", `someone.${Date.now()}@example.org`);
    const res = await page.goto(`${demo.url}/me/applications/1`);
    // Application 1 belongs to a demo leader (or does not exist): either way 404.
    expect(res?.status()).toBe(404);
    await expectAccessible(page, "404");
    await context.close();
  });
});
