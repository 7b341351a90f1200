/**
 * Page titles through translation, one pattern for every route: a route exports
 * `handle = pageTitle("auth.login.title")` (a translation key) or
 * `handle = pageTitle((t, data) => t("apply.title", { edition: data.edition.name }))` (built from
 * its loader data), and the root Layout renders `<title>{title} · VLX</title>` for the deepest
 * route that has one, in the page's language. Routes' `meta` keep only their other tags.
 */
import type { TFunction } from "i18next";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TitleFn = (t: TFunction, data: any) => string | null | undefined;
export type TitleHandle = { title: string | TitleFn };

/** The handle of a route whose title is `key` or is built by `fn` from its loader data. */
export function pageTitle(title: string | TitleFn): TitleHandle {
  return { title };
}

/**
 * The document title for the matched routes (deepest with a title wins): "<title> · VLX", or
 * "VLX" when none has one or its data is missing (an error page).
 */
export function documentTitle(t: TFunction, matches: { handle?: unknown; data?: unknown }[]): string {
  for (let i = matches.length - 1; i >= 0; i--) {
    const h = matches[i].handle as Partial<TitleHandle> | undefined;
    if (!h?.title) continue;
    if (typeof h.title === "string") return `${t(h.title)} · VLX`;
    if (matches[i].data == null) return "VLX";
    try {
      const s = h.title(t, matches[i].data);
      return s ? `${s} · VLX` : "VLX";
    } catch {
      return "VLX";
    }
  }
  return "VLX";
}
