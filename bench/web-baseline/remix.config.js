/**
 * The bench's minimal Remix 2.17 app (bench/web.bench.ts): the same classic compiler and the same
 * options as VLX's remix.config.js, nothing else. Built with `npx remix build bench/web-baseline`.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  serverModuleFormat: "esm",
  serverPlatform: "node",
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true },
};
