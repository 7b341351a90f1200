/**
 * Express middleware that stands in front of Remix (issue 13, security findings 2 and 3):
 *
 * - sameOriginOnly: every request that can change something (any method but GET/HEAD/OPTIONS,
 *   including Remix's `?_data=` fetches) must come from our own origin. A browser says where a
 *   request comes from in `Sec-Fetch-Site` (Chromium, Firefox, Safari) and `Origin`; either one
 *   naming another site (or `Origin: null`) is refused with 403 before any action runs. Requests
 *   with neither header (curl, server-to-server) cannot carry a victim's cookies from a browser,
 *   so they pass. OWASP CSRF Prevention Cheat Sheet, "Fetch Metadata" and "Verifying Origin".
 * - bodyLimit: refuses bodies over `maxBytes` with 413, by Content-Length when there is one and by
 *   counting the bytes as they stream in when there is none (chunked), so a large body is never
 *   held in memory. After the 413 the rest is read and discarded (bounded), then the connection
 *   closes. A route may have a larger limit of its own (`BodyLimitOverride`: the document upload,
 *   issue 15 item 2), and instead of the plain-text 413 an answer that sends a browser back to its
 *   page with a message (303 to `tooLargeRedirect`).
 */
import type express from "express";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins allowed to send state-changing requests: APP_URL's and the one the request came to. */
export function sameOriginOnly(appUrl: string): express.RequestHandler {
  const appOrigin = new URL(appUrl).origin;
  return (req, res, next) => {
    if (SAFE.has(req.method)) return next();
    const site = req.get("sec-fetch-site");
    const origin = req.get("origin");
    const own = `${req.protocol}://${req.get("host")}`;
    const badSite = site !== undefined && site !== "same-origin" && site !== "none";
    const badOrigin = origin !== undefined && origin !== appOrigin && origin !== own;
    if (badSite || badOrigin) {
      res.status(403).type("text/plain").send("Forbidden: cross-site request");
      return;
    }
    next();
  };
}

/**
 * A path (exact, without query; or a pattern the whole path must match, for pages with ids) with its
 * own body limit in bytes, and where to send a refused browser (a fixed URL, or one made from the path).
 */
export type BodyLimitOverride = { path: string | RegExp; maxBytes: number; tooLargeRedirect?: string | ((path: string) => string) };

const matches = (o: BodyLimitOverride, path: string) => (typeof o.path === "string" ? o.path === path : o.path.test(path));

/** 413 (or the override's 303) for any body past the limit, declared or streamed. */
export function bodyLimit(defaultMaxBytes: number, overrides: BodyLimitOverride[] = []): express.RequestHandler {
  return (req, res, next) => {
    if (SAFE.has(req.method)) return next();
    const override = overrides.find((o) => matches(o, req.path));
    const maxBytes = override?.maxBytes ?? defaultMaxBytes;
    const to = override?.tooLargeRedirect;
    const redirectTo = typeof to === "function" ? to(req.path) : to;
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > maxBytes) {
      tooLarge(res, maxBytes, redirectTo);
      return;
    }
    let seen = 0;
    const count = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen <= maxBytes) return;
      req.off("data", count);
      // Stop reading, fail the body for whoever reads it (Remix's action sees an error, never a
      // truncated form), answer 413 and close the connection once the answer is out.
      req.pause();
      req.removeAllListeners("data");
      req.emit("error", new Error("request body too large"));
      tooLarge(res, maxBytes, redirectTo);
    };
    req.on("error", () => {}); // the error above is ours; never an unhandled 'error' event
    req.on("data", count);
    // The listener above would start the flow before Remix listens: pause until Remix pulls.
    req.pause();
    next();
  };
}

/**
 * Answers 413, then reads and throws away what the client still sends, up to DISCARD_CAP bytes,
 * before closing. Closing at once with unread bytes in the socket makes the kernel reset the
 * connection, and a client still sending would often lose the 413 itself (it sees ECONNRESET).
 * Nothing is kept while discarding, so memory stays flat; past the cap the socket is destroyed.
 */
function tooLarge(res: express.Response, maxBytes: number, redirectTo?: string) {
  if (res.headersSent) return;
  const req = res.req;
  refused.add(res);
  // A browser's form post shows a plain 413 as a bare page; a redirect brings it back to its form,
  // which then says why. Remix's own data requests (?_data) keep the 413.
  if (redirectTo && !("_data" in req.query)) res.redirect(303, redirectTo);
  else res.status(413).type("text/plain").send("Request too large");
  res.on("finish", () => {
    let discarded = 0;
    req.removeAllListeners("data");
    req.on("data", (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > DISCARD_FACTOR * maxBytes) req.socket?.destroy();
    });
    req.resume();
  });
}

const refused = new WeakSet<express.Response>();

/**
 * The last error handler: never a stack trace to the client. Before any answer went out it logs
 * the error through `report` and answers 500. After the headers went out the answer cannot be
 * changed: the connection is dropped, except after `bodyLimit`'s 413, whose connection stays open
 * while the rest of the body is discarded (see `tooLarge`). Remix, failing on the cut body after
 * the 413, sets its own error status on the response before it finds the headers sent, so the
 * 413 is recognised by `refused`, not by `res.statusCode`; dropping it reset the connection and a
 * client still sending lost its 413 (ECONNRESET or EPIPE).
 */
export function lastResort(report: (err: unknown, req: express.Request) => void): express.ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) {
      if (!refused.has(res)) req.socket.destroy();
      return;
    }
    report(err, req);
    res.status(500).type("text/plain").send("Internal server error");
  };
}

/** How much more than the limit is read and thrown away after a 413 before the socket is closed. */
const DISCARD_FACTOR = 4;
