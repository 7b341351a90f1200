// Issue 12 (new user's fixes) item 1: a certificate said "attending 0 of 0 training sessions" when
// the edition had no sessions for that person. Each part (sessions, exchange-visit days) shows only
// with a non-zero total, in the language's plural form; nothing planned reads as such.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { CertificateView, type CertificateViewData } from "~/components/dashboard/CertificateView";
import { attendanceParts, attendancePartsOrNone } from "~/components/dashboard/attendance-parts";
import { createInstance } from "i18next";
import i18nConfig from "~/i18n";
import { getResources, translatorFor } from "~/i18n.server";
import { mediaBlock, readCss } from "../support/css";

const en = translatorFor("en");
const counts = (sa: number, se: number, da: number, de: number) => ({ sessionsAttended: sa, sessionsExpected: se, daysAttended: da, daysExpected: de });

describe("attendance on a certificate", () => {
  it("leaves out a part with nothing expected", () => {
    expect(attendanceParts(en, counts(0, 0, 4, 5))).toBe("4 of 5 exchange-visit days");
    expect(attendanceParts(en, counts(2, 3, 0, 0))).toBe("2 of 3 training sessions");
    expect(attendanceParts(en, counts(1, 1, 5, 5))).toBe("1 of 1 training session and 5 of 5 exchange-visit days");
    expect(attendanceParts(en, counts(0, 0, 0, 0))).toBeNull();
    expect(attendancePartsOrNone(en, counts(0, 0, 0, 0))).not.toMatch(/0 of 0/);
  });

  it("every language says it without 0 of 0", () => {
    for (const lng of ["en", "vi", "th", "km", "lo", "my", "id", "ms", "fil", "zh", "ja", "ko"]) {
      const t = translatorFor(lng);
      const text = t("tracking.certificate.attended", { parts: attendanceParts(t, counts(0, 0, 3, 4)) });
      // Counts in the language's own digits (Burmese ၃, ၄ in my), through Intl.
      const digits = (n: number) => new Intl.NumberFormat(lng).format(n);
      expect(text, lng).toContain(digits(3));
      expect(text, lng).toContain(digits(4));
      expect(text, lng).not.toMatch(/\{\{|0\D+0/);
      expect(text, lng).not.toMatch(new RegExp(`${digits(0)}[^${digits(0)}-${digits(9)}]+${digits(0)}`));
    }
  });

  it("the certificate itself shows no zero-of-zero clause", () => {
    const c: CertificateViewData = {
      name: "Sari",
      latin: "Sari",
      lang: "id",
      countryName: "Indonesia",
      editionName: "9th edition",
      dates: "2025",
      mode: "in_person",
      sites: [],
      sessions: [],
      issuedOn: "1 Dec 2026",
      number: "VLX-1",
      verifyUrl: "http://x/verify/1",
      qr: "data:image/png;base64,",
      expected: 5,
      attended: 5,
      ...counts(0, 0, 5, 5),
    };
    const inst = createInstance();
    void inst.init({ ...i18nConfig, lng: "en", resources: getResources(), initImmediate: false });
    const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: inst }, createElement(CertificateView, { c })));
    expect(html).toContain("5 of 5 exchange-visit days");
    expect(html).not.toMatch(/0 of 0/);
  });

  it("signature blocks wrap instead of sticking out at 360 px", () => {
    const css = readCss("app/components/dashboard/dashboard.css");
    expect(css).toMatch(/\.certificate \.signatures \{[^}]*flex-wrap: wrap/);
    expect(css).toMatch(/\.certificate \.signatures div \{[^}]*min-width: min\(12rem, 100%\)/);
    expect(mediaBlock(css, "(max-width: 39.99rem)")).toContain(".certificate");
  });
});
