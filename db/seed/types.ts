/** The shape of the demo people (db/seed/people-*.ts) and of their application's story. */
import type { ApplicationStatus } from "../schema/programme";

export type DemoEdition = "yunnan" | "online";

export type PersonSeed = {
  /** Member country (ISO 3166-1 alpha-2): nationality, name order, phone region. */
  cc: string;
  sex: "female" | "male";
  /** Native script and Latin (passport) forms; family parts empty for mononyms. */
  given: string;
  family?: string;
  givenLatin: string;
  familyLatin?: string;
  born: string;
  /** Village, district, province. */
  place: [string, string, string];
  /** Position as the person writes it, its kind (POSITION_KINDS) and years in it. */
  pos: [string, "village_head" | "village_official" | "community_officer" | "expert" | "other", number];
  /** Languages as "code/level" pairs: n native, f fluent, w working, b basic ("th/n en/w"). */
  langs: string;
  themes: string[];
  motivation: string;
  /** Emergency contact: name and relation. */
  contact: [string, string];
  diet?: string;
  access?: string;
  /** IANA zone when not the country's first (Bali and Flores are Asia/Makassar). */
  tz?: string;
  /** Available from/to as day offsets from the edition's start/end (default -1 / +1). */
  avail?: [number, number];
  /** The application's story. */
  ed: DemoEdition;
  status: ApplicationStatus;
  /** For "withdrawn": the status it was withdrawn from. */
  from?: ApplicationStatus;
  /** A draft that a focal point returned, with this reason. */
  returned?: string;
  /** Reason of the last decision (reject, waitlist) or of the withdrawal. */
  reason?: string;
  /** Accepted after a spell on the waitlist. */
  viaWaitlist?: boolean;
  /** Started by the country's focal point as a nomination. */
  nominated?: boolean;
  /** Shown in the start-up log as a demo login (role label). */
  demo?: string;
};
