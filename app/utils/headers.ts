import type { HeadersFunction } from "@remix-run/node";

/**
 * A route `headers` export that passes the action's (or loader's) Retry-After on to the page's
 * answer. Remix builds a document's headers from the route modules' `headers` exports only, so
 * without it a form refused with 429 would lose its Retry-After (issue 13, finding 6). Keeps the
 * parent's headers and the action's cookies (Remix adds those itself).
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders, parentHeaders, errorHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retry = actionHeaders.get("Retry-After") ?? errorHeaders?.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (retry) headers.set("Retry-After", retry);
  return headers;
};
