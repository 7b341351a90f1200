// Issue 11 (new user's report): pages showed IANA zone IDs such as "Asia/Phnom_Penh". Zones are
// shown by their CLDR names in the reader's language (app/domain/intl.ts), and zone pickers label
// each zone so that two zones of one country stay apart (app/domain/member-zones.ts).
import { describe, expect, it } from "vitest";
import { timeZoneChoiceLabel, timeZoneChoices, timeZoneDisplayName, timeZoneNameOrId } from "~/domain/intl";
import { memberZoneChoices } from "~/domain/member-zones";
import { SUPPORTED_LNGS } from "~/domain/languages";

const JULY = Date.UTC(2026, 6, 1);

describe("time zone names", () => {
  it("names a zone in the reader's language, never by its ID", () => {
    expect(timeZoneDisplayName("Asia/Phnom_Penh", "en", JULY)).toBe("Indochina Time");
    expect(timeZoneDisplayName("Asia/Phnom_Penh", "zh", JULY)).toBe("中南半岛时间");
    expect(timeZoneDisplayName("Asia/Jakarta", "en", JULY)).toBe("Western Indonesia Time");
    // Ürümqi has no long specific name (ICU writes GMT+06:00): the generic one is taken.
    expect(timeZoneDisplayName("Asia/Urumqi", "en", JULY)).toBe("Ürümqi Time");
    for (const lng of SUPPORTED_LNGS) {
      const name = timeZoneDisplayName("Asia/Phnom_Penh", lng, JULY);
      expect(name, lng).not.toMatch(/Asia|Phnom_Penh|GMT/);
    }
  });

  it("throws for an unknown zone like Intl does", () => {
    expect(() => timeZoneDisplayName("Mars/Olympus", "en")).toThrow(RangeError);
  });

  it("names the zone of a daylight-saving gap error in the reader's language, the ID only as fallback", () => {
    const march = Date.UTC(2031, 2, 9, 12);
    expect(timeZoneNameOrId("America/New_York", "en", march)).toBe("Eastern Time");
    expect(timeZoneNameOrId("America/New_York", "zh", march)).toBe("北美东部时间");
    for (const lng of SUPPORTED_LNGS) expect(timeZoneNameOrId("America/New_York", lng, march), lng).not.toContain("America/");
    // An unknown zone does not throw inside an error message: its ID is shown.
    expect(timeZoneNameOrId("Mars/Olympus", "km")).toBe("Mars/Olympus");
  });

  it("labels zone choices with the place, so one country's zones stay apart", () => {
    expect(timeZoneChoiceLabel("Asia/Jakarta", "en", JULY)).toBe("Jakarta Time · Western Indonesia Time");
    expect(timeZoneChoiceLabel("Asia/Pontianak", "en", JULY)).toBe("Pontianak Time · Western Indonesia Time");
    const choices = memberZoneChoices("zh");
    expect(new Set(choices.map((c) => c.label)).size).toBe(choices.length);
    for (const c of [...choices, ...memberZoneChoices("km"), ...timeZoneChoices(["Asia/Yangon", "Asia/Seoul"], "lo")]) expect(c.label).not.toContain("Asia/");
    expect(choices.find((c) => c.value === "Asia/Jayapura")!.label).toContain("印度尼西亚");
  });
});
