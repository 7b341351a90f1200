/**
 * Per-request memo (issue 13, item 2): one page view runs the root loader, the route's loaders and
 * the renderer, and each asks who is signed in and which language to speak. Without this every
 * one of them verified the session cookie and read the same rows again (a dozen queries for /me).
 *
 * server.ts runs each GET/HEAD request inside `runWithRequestMemo`; `memoForRequest(key, fn)` then
 * computes `fn` once per request and key. Outside a request (tests calling loaders directly, jobs)
 * and for requests that can write (POST & co: an action may change the very rows, and its page's
 * loaders must see the change) there is no store and `fn` simply runs every time, so behaviour
 * is the same with or without the memo. Nothing outlives its request: this is not a cache of
 * pages or people.
 *
 * The AsyncLocalStorage lives on globalThis: the compiled server (build/server.js) and the Remix
 * build (build/index.js) each bundle this module and must share one.
 */
import { AsyncLocalStorage } from "node:async_hooks";

const g = globalThis as typeof globalThis & { __vlxRequestMemo?: AsyncLocalStorage<Map<string, unknown>> };
const storage = (g.__vlxRequestMemo ??= new AsyncLocalStorage<Map<string, unknown>>());

/** Runs `fn` (one request's handling) with a fresh, empty memo. */
export function runWithRequestMemo<T>(fn: () => T): T {
  return storage.run(new Map(), fn);
}

/**
 * `fn()` computed once per request for `key` (a promise is memoised as the promise, so concurrent
 * loaders share one lookup); without a request memo, `fn()` every time.
 */
export function memoForRequest<T>(key: string, fn: () => T): T {
  const memo = storage.getStore();
  if (!memo) return fn();
  if (memo.has(key)) return memo.get(key) as T;
  const value = fn();
  memo.set(key, value);
  return value;
}
