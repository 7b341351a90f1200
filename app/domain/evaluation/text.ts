/** Per-language text ({ en, vi, ... }) shown in the reader's language with English as fallback. */
import { pickText, type LocalText } from "../local-text";

export type { LocalText };

/** The text of `text` for a reader of `lng` (else English, else the first given); see pickText. */
export function localText(text: LocalText | null | undefined, lng: string): string {
  return pickText(text, lng).text;
}
