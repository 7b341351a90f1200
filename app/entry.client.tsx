/**
 * Browser start: initialises i18next with the page's language (from <html lang>) and its
 * translations from /locales/<lng> (cached), then hydrates. Pages work without this script.
 */
import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import HttpBackend from "i18next-http-backend";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import i18n from "./i18n";
import "./forms/zod-errors";

async function hydrate() {
  await i18next
    .use(initReactI18next)
    .use(HttpBackend)
    .init({
      ...i18n,
      lng: document.documentElement.lang || "en",
      backend: { loadPath: "/locales/{{lng}}" },
    });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate();
