/**
 * The documents the programme asks participants for (issue 15 item 2, docs/design.md "Documents"):
 * a code-defined vocabulary, each kind with the file types it accepts (MIME types as `file-type`
 * detects them from the bytes, never from the name), its size limit in bytes, and whether the
 * host coordinators of the participant's visit may see it. Passports never reach hosts
 * (docs/design.md "Sensitive data"); the badge photo does, to print badges.
 *
 * Pure: no database, no file system. The storage itself is app/models/documents/.
 */

/** The owner type of a participant's documents in the documents store: one application. */
export const APPLICATION_OWNER = "application";

export const PDF = "application/pdf";
export const JPEG = "image/jpeg";
export const PNG = "image/png";
export const WEBP = "image/webp";

export type DocumentKindSpec = {
  /** MIME types accepted, as detected from the content. */
  types: readonly string[];
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Host coordinators of the participant's placed visit may open it. */
  hostsMaySee: boolean;
};

const MB = 1024 * 1024;

export const DOCUMENT_KINDS = {
  passport_scan: { types: [PDF, JPEG, PNG], maxBytes: 5 * MB, hostsMaySee: false },
  badge_photo: { types: [JPEG, PNG], maxBytes: 2 * MB, hostsMaySee: true },
  consent_form: { types: [PDF, JPEG, PNG], maxBytes: 5 * MB, hostsMaySee: false },
} as const satisfies Record<string, DocumentKindSpec>;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_CODES = Object.keys(DOCUMENT_KINDS) as DocumentKind[];

/** The largest file any kind accepts, in bytes: the upload parser's per-file cap. */
export const MAX_DOCUMENT_BYTES = Math.max(...Object.values(DOCUMENT_KINDS).map((k) => k.maxBytes));

export function isDocumentKind(code: unknown): code is DocumentKind {
  return typeof code === "string" && Object.hasOwn(DOCUMENT_KINDS, code);
}

/**
 * The kinds an accepted participant of an edition must have uploaded: all three for an in-person
 * or hybrid edition (travel needs a passport and a badge), only the consent form for an online one.
 */
export function requiredDocumentKinds(mode: "in_person" | "online" | "hybrid"): DocumentKind[] {
  return mode === "online" ? ["consent_form"] : [...DOCUMENT_KIND_CODES];
}

/**
 * Photos of a pilot monitoring visit (issue 16 item 3, docs/design.md "monitoring visit"): owner
 * type and kind in the documents store (owner id: the visit), the types accepted (by content) and
 * the size limit, the badge photo's (2 MB). At most VISIT_PHOTOS_MAX photos per visit, and
 * VISIT_PHOTO_SLOTS file fields per form post (the form works without JavaScript: fixed slots).
 */
export const PILOT_VISIT_OWNER = "pilot_monitoring_visit";
export const VISIT_PHOTO_KIND = "photo";
export const VISIT_PHOTO_RULE = { types: [JPEG, PNG, WEBP], maxBytes: DOCUMENT_KINDS.badge_photo.maxBytes } as const;
export const VISIT_PHOTOS_MAX = 6;
export const VISIT_PHOTO_SLOTS = 3;
/** The largest body a visit form may send (all slots full, plus the text fields), in bytes. */
export const VISIT_FORM_MAX_BYTES = VISIT_PHOTO_SLOTS * VISIT_PHOTO_RULE.maxBytes + MB;

/** File name extension for a detected type, for download names. */
export function extensionOf(contentType: string): string {
  if (contentType === PDF) return "pdf";
  if (contentType === JPEG) return "jpg";
  if (contentType === PNG) return "png";
  if (contentType === WEBP) return "webp";
  return "bin";
}

/** Images are shown inline; anything else is downloaded (`Content-Disposition: attachment`). */
export function isInlineType(contentType: string): boolean {
  return contentType === JPEG || contentType === PNG || contentType === WEBP;
}

/**
 * The uploaded file's name as display text only (never a path on disk): the last path segment,
 * control and bidi-override characters removed, NFC, at most 120 characters; "" when nothing is left.
 */
export function sanitizeDisplayName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex -- strips control and bidi-override characters on purpose
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim();
  return Array.from(cleaned).slice(0, 120).join("");
}
