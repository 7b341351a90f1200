/**
 * Intl.Collator has no polyfill, and a browser without a language's collation sorts by the root
 * order instead: for Burmese that puts "မြန်မာ" before "မလေးရှား" where Node's ICU (the server) puts
 * it after, so a sorted select would change order on hydration. The strings our browser code sorts
 * are closed lists (the 13 member countries' and the programme languages' names, from
 * Intl.DisplayNames), so the server's order of each is generated ahead (./collation.ts, by
 * scripts/gen-intl-polyfill-data.ts) and used here; any other string keeps the browser's order.
 */

type CollatorCtor = typeof Intl.Collator;

/**
 * Wraps Intl.Collator so that a default-options collator for `lng` compares the known names by the
 * server's order. Resolves false (nothing changed) when there is no order for `lng`.
 */
export async function keepServerCollation(lng: string): Promise<boolean> {
  const { COLLATION_ORDER } = await import("./collation");
  const base = lng.split("-")[0];
  const order = COLLATION_ORDER[base];
  if (!order) return false;
  const rank = new Map(order.map((name, i) => [name, i]));
  const Native: CollatorCtor = Intl.Collator;
  const Collator = function (locales?: string | string[], options?: Intl.CollatorOptions) {
    const collator = new Native(locales, options);
    const first = (Array.isArray(locales) ? locales[0] : locales) ?? "";
    if (first.split("-")[0] !== base || (options && Object.keys(options).length)) return collator;
    const own = collator.compare;
    const compare = (a: string, b: string) => {
      const ra = rank.get(a);
      const rb = rank.get(b);
      return ra !== undefined && rb !== undefined ? Math.sign(ra - rb) : own(a, b);
    };
    Object.defineProperty(collator, "compare", { value: compare });
    return collator;
  } as unknown as CollatorCtor;
  Object.defineProperty(Collator, "prototype", { value: Native.prototype });
  Object.defineProperty(Collator, "supportedLocalesOf", { value: Native.supportedLocalesOf.bind(Native) });
  Object.defineProperty(Intl, "Collator", { value: Collator, writable: true, configurable: true });
  return true;
}
