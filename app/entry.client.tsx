/**
 * Browser start: loads the page's language (from <html lang>) from /locales/<lng> (cached) and, only
 * when this browser's Intl lacks that language (Debian's Chromium and some phones have no Khmer, Lao
 * or Burmese), the Intl polyfills for it (app/intl-polyfill/, separate chunks), then hydrates: so
 * dates, numbers and country names come out as the server wrote them and React keeps the page. Pages work without this script. The browser uses a small translator
 * (app/i18n.client.ts) instead of i18next, and no zod: both are server-side weight that would break
 * the script budget of the participants' pages (issue 14).
 */
import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import type { i18n as I18n } from "i18next";
import { lacksIntlLocale } from "./domain/intl-support";
import { createBrowserI18n, fetchTranslations } from "./i18n.client";
import { registerServiceWorker } from "./offline/register";

async function hydrate() {
  const lng = document.documentElement.lang || "en";
  // Fetched alongside the translations; a failed download (offline) leaves the native Intl: the
  // page still hydrates, with the browser's own (English) formats.
  const polyfill = lacksIntlLocale(lng) && import("./intl-polyfill").then((m) => m.polyfillIntl(lng)).catch(() => {});
  const i18n = createBrowserI18n(lng, await fetchTranslations(lng));
  await polyfill;
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18n as unknown as I18n}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

registerServiceWorker();
hydrate();
