/**
 * Server-side i18n: loads app/locales/<lng>/*.json (merged into one "translation" namespace per
 * language), detects the request's language (cookie "lng", then Accept-Language), and gives a
 * translator for mail in a recipient's language.
 */
import fs from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import { createInstance, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import i18n, { supportedLngs } from "./i18n";

export const lngCookie = createCookie("lng", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 });

type Tree = Record<string, unknown>;
let resources: Record<string, { translation: Tree }> | undefined;

const LOCALES_DIR = path.resolve(process.cwd(), "app/locales");

/** All translations, read once from disk: { en: { translation: {...} }, vi: {...} }. */
export function getResources() {
  if (resources) return resources;
  const out: Record<string, { translation: Tree }> = {};
  for (const lng of supportedLngs) {
    const dir = path.join(LOCALES_DIR, lng);
    const merged: Tree = {};
    for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
      if (!file.endsWith(".json")) continue;
      Object.assign(merged, JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
    }
    out[lng] = { translation: merged };
  }
  resources = out;
  return out;
}

export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLngs],
    fallbackLanguage: i18n.fallbackLng,
    cookie: lngCookie,
  },
  i18next: { ...i18n, resources: getResources() },
});

const translators = new Map<string, TFunction>();

/**
 * A synchronous translator for `lng` (mail, CSV headers, server-rendered text outside React).
 * One i18next instance per language, made on first use: mail loops and per-row labels call this
 * often, and the translations never change while the process runs.
 */
export function translatorFor(lng: string): TFunction {
  const language = (supportedLngs as readonly string[]).includes(lng) ? lng : "en";
  let tr = translators.get(language);
  if (!tr) {
    const inst = createInstance();
    inst.init({ ...i18n, lng: language, resources: getResources(), initImmediate: false });
    tr = inst.t.bind(inst);
    translators.set(language, tr);
  }
  return tr;
}
