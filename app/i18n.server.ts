/**
 * Server-side i18n: loads app/locales/<lng>/*.json (merged into one "translation" namespace per
 * language), detects the request's language (saved preference, ?lng=, cookie "lng",
 * Accept-Language, English: see chooseLanguage), and gives a translator for mail in a
 * recipient's language.
 */
import fs from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18nInstance, type TFunction } from "i18next";
import { chooseLanguage, matchLanguage, type SupportedLng } from "./domain/languages";
import i18n, { supportedLngs } from "./i18n";
import { getSavedLocale } from "./session.server";
import { memoForRequest } from "./utils/request-memo.server";

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

/**
 * The request's interface language: the signed-in person's saved preference, then `?lng=`, then
 * the `lng` cookie, then Accept-Language, then English (app/domain/languages.ts chooseLanguage).
 */
export function getLocale(request: Request): Promise<SupportedLng> {
  const query = new URL(request.url).searchParams.get("lng");
  const cookieHeader = request.headers.get("Cookie");
  const acceptLanguage = request.headers.get("Accept-Language");
  // Asked by the root loader, the route's loader and the renderer: decided once per GET request.
  return memoForRequest(`locale:${query}|${cookieHeader}|${acceptLanguage}`, async () => {
    const [saved, cookie] = await Promise.all([getSavedLocale(request), lngCookie.parse(cookieHeader).catch(() => null) as Promise<unknown>]);
    return chooseLanguage({ saved, query, cookie: typeof cookie === "string" ? cookie : null, acceptLanguage });
  });
}

/**
 * The Set-Cookie header that remembers a valid `?lng=` of this request, or null (no or unknown
 * value: ignored silently).
 */
export async function lngQueryCookie(request: Request): Promise<string | null> {
  const lng = matchLanguage(new URL(request.url).searchParams.get("lng"));
  return lng ? lngCookie.serialize(lng) : null;
}

/** The language the person picked themselves on this request (`?lng=`, else the cookie), or null. */
export async function explicitLocale(request: Request): Promise<SupportedLng | null> {
  const cookie: unknown = await lngCookie.parse(request.headers.get("Cookie")).catch(() => null);
  return matchLanguage(new URL(request.url).searchParams.get("lng")) ?? matchLanguage(typeof cookie === "string" ? cookie : null);
}

/** Kept under its old name for the routes: `remixI18n.getLocale(request)`. */
export const remixI18n = { getLocale };

const instances = new Map<string, I18nInstance>();

/**
 * The i18next instance for `lng` (an unsupported tag gives English): one per language, made on first
 * use, shared by translatorFor and by server-rendered markup (renderToStaticMarkup inside an
 * I18nextProvider). The translations never change while the process runs.
 */
export function i18nFor(lng: string): I18nInstance {
  const language = matchLanguage(lng) ?? "en";
  let inst = instances.get(language);
  if (!inst) {
    inst = createInstance();
    void inst.init({ ...i18n, lng: language, resources: getResources(), initImmediate: false });
    instances.set(language, inst);
  }
  return inst;
}

const translators = new Map<string, TFunction>();

/**
 * A synchronous translator for `lng` (mail, CSV headers, server-rendered text outside React).
 * Mail loops and per-row labels call this often, so the bound function is kept per language.
 */
export function translatorFor(lng: string): TFunction {
  const language = matchLanguage(lng) ?? "en";
  let tr = translators.get(language);
  if (!tr) {
    const inst = i18nFor(language);
    tr = inst.t.bind(inst);
    translators.set(language, tr);
  }
  return tr;
}
