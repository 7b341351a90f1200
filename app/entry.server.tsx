/**
 * Server rendering: streams the page with the request's language (i18n.server getLocale) and the CSP
 * nonce from the load context (server.ts) on every inline script. Bots get the whole page at once.
 */
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { createInstance, type i18n as I18n } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import i18n from "./i18n";
import { getLocale, getResources, lngQueryCookie } from "./i18n.server";
import { log } from "./log.server";
import { NonceContext } from "./nonce";
import { maskSecretLinks } from "./utils/secret-links";
import { stripNulBytes } from "./utils/strip-nul.server";
import "./forms/zod-errors";

const ABORT_DELAY = 5_000;

/**
 * Errors Remix reports while answering. A 4xx (an unmatched URL, a method a route does not take, a
 * Response thrown by a loader or action) is the visitor's mistake, not the server's: the request log
 * already has its line, so it is logged only at debug level, one line, without a stack. Anything
 * else is a real error and is logged with its stack. Aborted requests (the visitor left) are not
 * errors at all.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  const status = clientErrorStatus(error);
  const where = { method: request.method, path: maskSecretLinks(new URL(request.url).pathname, ":token") };
  if (status !== null) {
    log.debug({ ...where, status }, "client error");
    return;
  }
  // Remix wraps some thrown errors in an error response that keeps the original as `.error`.
  const inner = isRouteErrorResponse(error) && (error as { error?: unknown }).error ? (error as { error?: unknown }).error : error;
  log.error({ ...where, err: inner }, "server error");
};

/** The 4xx status of a thrown Response or route error response, else null. */
function clientErrorStatus(error: unknown): number | null {
  const status = error instanceof Response || isRouteErrorResponse(error) ? error.status : null;
  return status !== null && status >= 400 && status < 500 ? status : null;
}

// One i18next instance per language, made on first use and shared by every later page in that
// language (issue 13, item 2: it was made per request). Safe to share: the translations never
// change while the process runs, and nothing on the server changes an instance's language.
const instances = new Map<string, Promise<I18n>>();
function i18nFor(lng: string): Promise<I18n> {
  let p = instances.get(lng);
  if (!p) {
    const instance = createInstance();
    p = instance
      .use(initReactI18next)
      .init({ ...i18n, lng, resources: getResources() })
      .then(() => instance);
    instances.set(lng, p);
  }
  return p;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = (loadContext as { cspNonce?: string }).cspNonce ?? "";
  const lng = await getLocale(request);
  // `?lng=` is remembered for the next pages (unknown values are ignored).
  const remember = await lngQueryCookie(request);
  if (remember) responseHeaders.append("Set-Cookie", remember);
  const instance = await i18nFor(lng);
  const bot = isbot(request.headers.get("user-agent") || "");

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        [bot ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          // React 18.3 can emit stray NUL bytes inside multi-byte text: see stripNulBytes.
          const body = stripNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
