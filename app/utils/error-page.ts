/**
 * Which translated message an error page shows (keys under `errorPage.*` in common.json): 404 "page
 * not found", 403 "not allowed", 429 "too many tries", any other 4xx "bad request", and anything
 * else (a 5xx or a thrown Error) the generic "something went wrong".
 */
export type ErrorPageKey = "notFound" | "forbidden" | "badRequest" | "rateLimited" | "server";

/** The `errorPage.<key>` for an HTTP status (a thrown Error counts as 500). */
export function errorPageKey(status: number): ErrorPageKey {
  if (status === 404) return "notFound";
  if (status === 403) return "forbidden";
  if (status === 429) return "rateLimited";
  if (status >= 400 && status < 500) return "badRequest";
  return "server";
}
