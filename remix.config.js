/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Packages that ship ESM only or JSON data must be bundled into the server build.
  // (i18n-iso-countries locale files too: plain Node refuses a JSON import without an attribute.)
  serverDependenciesToBundle: [/^remix-i18next/, /^i18n-iso-countries\/langs\//],
  browserNodeBuiltinsPolyfill: { modules: {} },
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true },
};
