/**
 * Which attendance mark counts when several devices mark the same person for the same day or
 * training (issue 14 item 4): the mark taken last by the device's clock wins, whatever the order
 * in which the marks reach the server (a phone that was offline in the village sends its older
 * marks hours later, and must not overwrite what another host marked since). Every mark, winning
 * or not, stays in the audit trail. Pure functions over UTC ISO instants (no I/O).
 */

/**
 * The instant a mark is ordered by: the device's time (`markedAt`, a UTC ISO instant), but never
 * later than when the server received it, since a clock running ahead would otherwise make its
 * marks win against every real later mark. A mark without a device time (a form sent live, a
 * self check-in) or with an unreadable one counts at its receive time.
 * Returns a normalised UTC ISO instant (`YYYY-MM-DDTHH:mm:ss.sssZ`), comparable as text.
 */
export function markTime(markedAt: string | null | undefined, receivedAt: string): string {
  const received = new Date(receivedAt).toISOString();
  if (!markedAt) return received;
  const ms = Date.parse(markedAt);
  if (!Number.isFinite(ms)) return received;
  const device = new Date(ms).toISOString();
  return device < received ? device : received;
}

/**
 * Whether an incoming mark replaces the one in effect. `current` is the mark time of the status in
 * effect (null when the person has no mark yet); `incoming` the new mark's time (see markTime).
 * The later device time wins; on an exact tie the mark that arrives later wins, as before marks
 * carried a device time.
 */
export function incomingMarkWins(current: string | null, incoming: string): boolean {
  return current === null || incoming >= current;
}
