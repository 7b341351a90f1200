/**
 * Rate limits and login lockout (issue 13, finding 6; OWASP ASVS 5.0 section 6.3, OWASP
 * Authentication and Credential Stuffing cheat sheets), counted by rate-limiter-flexible's
 * RateLimiterSQLite in the app's own database (table rate_limits, migration feed_token_hash): the
 * counters survive a restart and are shared by every process serving the same file.
 *
 * Rules (fixed windows that start at the first counted attempt):
 * - login, per account AND client address together: 5 failed passwords in 15 minutes lock that
 *   pair for the rest of the window; a correct password clears the pair. A stranger guessing from
 *   elsewhere therefore never locks the owner out.
 * - login, per client address: 20 failures in 15 minutes (one address spraying many accounts).
 * - sign-up, password-reset request, and setting a password from a reset or claim link: per
 *   client address (generous: a training hall of leaders behind one router) and per e-mail
 *   address (mail bombing, enumeration), counted on every attempt.
 *
 * Every refusal is a RateLimitError carrying the seconds until the window ends (the Retry-After
 * header) and the message key shown on the form.
 */
import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import type Database from "better-sqlite3";
import { db } from "../../db.server";
import { RateLimitError } from "../errors";

type Policy = { points: number; seconds: number };

/** The limits, in points per window (seconds). Exported for tests and the README. */
export const LIMITS = {
  loginPair: { points: 5, seconds: 15 * 60 },
  loginAddress: { points: 20, seconds: 15 * 60 },
  signupAddress: { points: 20, seconds: 60 * 60 },
  signupEmail: { points: 5, seconds: 60 * 60 },
  resetAddress: { points: 20, seconds: 60 * 60 },
  resetEmail: { points: 5, seconds: 60 * 60 },
  linkAddress: { points: 20, seconds: 60 * 60 },
  linkEmail: { points: 10, seconds: 60 * 60 },
} satisfies Record<string, Policy>;

export type LimitName = keyof typeof LIMITS;

// One set of limiters per database handle (tests open a new database per file).
const limiters = new WeakMap<Database.Database, Map<LimitName, RateLimiterSQLite>>();

let lastSweep = 0;

/** Deletes windows that ended over an hour ago, at most every 10 minutes (the table stays small). */
function sweep(client: Database.Database) {
  const now = Date.now();
  if (now - lastSweep < 10 * 60_000) return;
  lastSweep = now;
  client.prepare("DELETE FROM rate_limits WHERE expire < ?").run(now - 3_600_000);
}

function limiter(name: LimitName): RateLimiterSQLite {
  const client = db().$client;
  sweep(client);
  let set = limiters.get(client);
  if (!set) limiters.set(client, (set = new Map()));
  let l = set.get(name);
  if (!l) {
    l = new RateLimiterSQLite({
      storeClient: client,
      storeType: "better-sqlite3",
      tableName: "rate_limits",
      tableCreated: true, // made by the migration
      keyPrefix: name,
      points: LIMITS[name].points,
      duration: LIMITS[name].seconds,
    });
    set.set(name, l);
  }
  return l;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function refusal(res: RateLimiterRes, key: string) {
  const s = seconds(res.msBeforeNext);
  return new RateLimitError(s, key, { count: Math.ceil(s / 60) });
}

/**
 * Counts one attempt against each `[limit, subject]`; throws RateLimitError (message
 * "errors.tooManyAttempts", minutes as `count`) when any of them is over its limit. Store failures
 * are rethrown as they are.
 */
export async function consumeAttempt(...checks: [LimitName, string][]): Promise<void> {
  let worst: RateLimiterRes | null = null;
  for (const [name, subject] of checks) {
    try {
      await limiter(name).consume(subject);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      if (!worst || e.msBeforeNext > worst.msBeforeNext) worst = e;
    }
  }
  if (worst) throw refusal(worst, "errors.tooManyAttempts");
}

const pairKey = (email: string, address: string) => `${email}|${address}`;

/**
 * Before a password is checked: throws RateLimitError ("errors.rateLimited") when this account has
 * failed too often from this address, or this address has failed too often on any account.
 */
export async function assertLoginAllowed(email: string, address: string): Promise<void> {
  const [pair, addr] = await Promise.all([limiter("loginPair").get(pairKey(email, address)), limiter("loginAddress").get(address)]);
  const over = [pair && pair.consumedPoints >= LIMITS.loginPair.points ? pair : null, addr && addr.consumedPoints >= LIMITS.loginAddress.points ? addr : null]
    .filter((r): r is RateLimiterRes => r !== null)
    .sort((a, b) => b.msBeforeNext - a.msBeforeNext)[0];
  if (over) throw refusal(over, "errors.rateLimited");
}

/** A wrong password: one more failure for the pair and for the address. */
export async function recordLoginFailure(email: string, address: string): Promise<void> {
  await limiter("loginPair").penalty(pairKey(email, address));
  await limiter("loginAddress").penalty(address);
}

/** A correct password: the pair's count of consecutive failures starts again. */
export async function recordLoginSuccess(email: string, address: string): Promise<void> {
  await limiter("loginPair").delete(pairKey(email, address));
}
