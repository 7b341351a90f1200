/**
 * English rendering of reason codes, for the CLI and logs only: the app translates the codes
 * with i18next and must not use these sentences.
 */
import type { Explanation, Reason, SeatHolder } from "./types";

export function toEnglish(r: Reason): string {
  switch (r.code) {
    case "own_country":
      return `it is in the participant's own country (${r.country})`;
    case "dates_outside_availability":
      return `its dates ${r.arrival}..${r.departure} fall outside availability ${r.availableFrom}..${r.availableTo}`;
    case "no_shared_language":
      return `no shared language or interpreter (speaks ${r.participantLanguages.join(", ") || "none"}; visit ${r.visitLanguages.join(", ") || "none"}, interpreters ${r.interpreterLanguages.join(", ") || "none"})`;
    case "visit_full":
      return `full (${r.occupants}/${r.capacity}; ${r.preferredOccupants} of them preferred there: ${holdersEnglish(r.holders)})`;
    case "country_cap_reached":
      return `the cap of ${r.cap} from ${r.country} is reached (${r.preferredOccupants} preferred there: ${holdersEnglish(r.holders)})`;
    case "not_cheaper":
      return `not cheaper (cost ${r.cost} vs ${r.assignedCost})`;
    case "locked_elsewhere":
      return "there is room, but the placement is kept (locked, offered or accepted)";
    case "no_visit_in_country":
      return `no visit is hosted in ${r.country}`;
    case "no_visits":
      return "there is no visit";
    case "no_preferences":
      return "no preferences given";
    case "capacity_exceeded":
      return `locked over capacity (${r.locked} locked, capacity ${r.capacity})`;
    case "country_cap_exceeded":
      return `locked over the cap for ${r.country} (${r.locked} locked, cap ${r.cap})`;
  }
}

function holdersEnglish(hs: SeatHolder[]): string {
  return hs.map((h) => `${h.participantId} ${h.why}${h.rank ? ` (choice ${h.rank})` : ""}`).join(", ") || "none";
}

export function explanationToEnglish(e: Explanation): string {
  const parts: string[] = [];
  if (e.status === "placed")
    parts.push(`${e.participantId}: placed at ${e.visitId}${e.rank ? ` (choice ${e.rank})` : " (unranked)"}${e.locked ? ", locked by an organizer" : ""}.`);
  else parts.push(`${e.participantId}: unplaced.`);
  if (e.overrides.length) parts.push(`Overrides: ${e.overrides.map(toEnglish).join("; ")}.`);
  for (const n of e.higherRanked)
    if (n.reasons.length) parts.push(`Not ${n.visitId} (${n.rank ? `choice ${n.rank}` : "unranked"}): ${n.reasons.map(toEnglish).join("; ")}.`);
  for (const c of e.emptyCountries) parts.push(`Not ${c.country} (choice ${c.rank}): no visit is hosted there.`);
  if (e.blockers.length) parts.push(`Blocked by: ${e.blockers.map(toEnglish).join("; ")}.`);
  return parts.join(" ");
}
