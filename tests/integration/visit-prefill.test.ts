/**
 * Issue 12 item 8: the new-visit form says what it pre-ticked from the site profile, and the
 * visit keeps exactly what the host left ticked (nothing unticked is added back).
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, t } from "~/db.server";
import { prefilledLabels } from "~/components/hosts/options";
import * as visitNew from "~/routes/host.sites.$siteId.visits.new";
import { call, cookieFor, createUser } from "../support/factories";
import { makeEdition, makeSite, visitForm } from "./hosts-fixtures";

describe("new-visit form pre-fill", () => {
  it("names the pre-ticked values in the options' words and order", () => {
    const options = [
      { value: "rural_tourism", label: "Rural tourism" },
      { value: "cooperatives", label: "Cooperatives" },
      { value: "eco_agriculture", label: "Eco-agriculture" },
    ];
    expect(prefilledLabels(["eco_agriculture", "rural_tourism"], options)).toEqual(["Rural tourism", "Eco-agriculture"]);
    expect(prefilledLabels([], options)).toEqual([]);
    expect(prefilledLabels(undefined, options)).toEqual([]);
  });

  it("keeps only what was left ticked: one theme of four, English only, no homestay", async () => {
    const host = await createUser({ roles: [{ role: "host_coordinator" }], name: "Host prefill", email: "host.prefill@example.org" });
    const cookie = await cookieFor(host.id);
    const site = makeSite(
      { themes: ["rural_tourism", "cooperatives", "eco_agriculture", "poverty_governance"], languages: ["zh"], accommodation: ["homestay"] },
      [host.id],
    );
    const edition = makeEdition({ hostCountries: ["TH"] });
    const page = (await (await call(visitNew.loader, `/host/sites/${site.id}/visits/new`, { cookie, params: { siteId: String(site.id) } })).json()) as {
      site: { themes: string[]; interpreterLanguages: string[]; homestay: boolean };
    };
    expect(page.site.themes).toHaveLength(4);
    const form = visitForm(edition.id, { themes: ["cooperatives"], languages: ["zh"], interpreterLanguages: ["en"] });
    delete form.homestay;
    const res = await call(visitNew.action, `/host/sites/${site.id}/visits/new`, { cookie, params: { siteId: String(site.id) }, form });
    expect(res.status).toBe(302);
    const v = db().select().from(t.exchangeVisits).where(eq(t.exchangeVisits.hostSiteId, site.id)).get()!;
    expect({ themes: v.themes, languages: v.languages, interpreterLanguages: v.interpreterLanguages, homestay: v.homestay }).toEqual({
      themes: ["cooperatives"],
      languages: ["zh"],
      interpreterLanguages: ["en"],
      homestay: false,
    });
  });
});
