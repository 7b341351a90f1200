/**
 * The browser's translator: a small stand-in for an i18next instance, enough for react-i18next's
 * `useTranslation` and remix-i18next's `useChangeLanguage`. The full i18next core (15 kB gzip) plus
 * its HTTP backend (6 kB) would by themselves break the 100 kB script budget of the participants'
 * pages (issue 14); the server keeps real i18next and renders every page, so this only has to
 * reproduce, identically for hydration, the features VLX uses:
 * - nested keys separated by "." in one namespace ("translation"),
 * - `{{name}}` interpolation without escaping (React escapes), numbers written the language's way
 *   (interpolationValue, as the server's `interpolation.format` does),
 * - plurals by `count` with the language's CLDR category (`key_one`, `key_other`, and `key_zero`
 *   when count is 0 and such a key exists), as i18next v21+ does with Intl.PluralRules,
 * - `defaultValue` (or a string second argument) for a missing key, else the key itself,
 * - an array of keys: the first that exists.
 * Translations come from /locales/<lng>, already merged over English by the server (the same
 * fallback as i18next's `fallbackLng: "en"`).
 */
import { interpolationValue } from "./domain/interpolation";

type Tree = { [k: string]: string | Tree };
type TOptions = { count?: number; defaultValue?: string; [k: string]: unknown };
type Listener = (...args: unknown[]) => void;

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Creates a translator for `lng` with `resources` (the language's "translation" tree). */
export function createBrowserI18n(lng: string, resources: Tree) {
  const stores: Record<string, Tree> = { [lng]: resources };
  const listeners = new Map<string, Set<Listener>>();
  const emit = (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((fn) => fn(...args));

  const i18n = {
    language: lng,
    languages: [lng],
    isInitialized: true,
    options: { defaultNS: "translation", ns: ["translation"], fallbackLng: "en", react: { useSuspense: false } },
    store: { on() {}, off() {} },
    services: {},
    // All twelve interface languages (app/domain/languages.ts) are written left to right, as
    // i18next's own dir() on the server says; no right-to-left table in the browser's entry.
    dir: () => "ltr",
    on(event: string, fn: Listener) {
      for (const e of event.split(" ")) {
        if (!listeners.has(e)) listeners.set(e, new Set());
        listeners.get(e)!.add(fn);
      }
    },
    off(event: string, fn: Listener) {
      listeners.get(event)?.delete(fn);
    },
    hasLoadedNamespace: () => true,
    loadNamespaces: (_ns: unknown, cb?: () => void) => {
      cb?.();
      return Promise.resolve();
    },
    loadLanguages: (_l: unknown, cb?: () => void) => {
      cb?.();
      return Promise.resolve();
    },
    t: (key: string | string[], opts?: TOptions | string): string => translate(i18n.language, key, opts),
    getFixedT: (l?: string | null) => (key: string | string[], opts?: TOptions | string) => translate(l || i18n.language, key, opts),
    /** Loads the other language's translations, then switches and tells the subscribed components. */
    async changeLanguage(next: string) {
      if (!stores[next]) stores[next] = await fetchTranslations(next);
      i18n.language = next;
      i18n.languages = [next];
      emit("languageChanged", next);
    },
  };

  function translate(l: string, key: string | string[], opts?: TOptions | string): string {
    const o: TOptions = typeof opts === "string" ? { defaultValue: opts } : (opts ?? {});
    const tree = stores[l];
    let found: string | undefined;
    for (const k of Array.isArray(key) ? key : [key]) {
      if (typeof o.count === "number") {
        if (o.count === 0) found = lookup(tree, `${k}_zero`);
        found ??= lookup(tree, `${k}_${new Intl.PluralRules(l).select(o.count)}`) ?? lookup(tree, `${k}_other`);
      }
      found ??= lookup(tree, k);
      if (found !== undefined) break;
    }
    const text = found ?? o.defaultValue ?? (Array.isArray(key) ? key[key.length - 1] : key);
    return text.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (_m, name: string) => {
      const v = o[name];
      return v === undefined || v === null ? "" : String(interpolationValue(v, l));
    });
  }

  return i18n;
}

/** GET /locales/<lng>: the language's translations (cached by the browser and the service worker). */
export async function fetchTranslations(lng: string): Promise<Tree> {
  const res = await fetch(`/locales/${encodeURIComponent(lng)}`, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`translations for ${lng}: HTTP ${res.status}`);
  return (await res.json()) as Tree;
}
