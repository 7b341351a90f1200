/** Per-language text ({ en, vi, ... }) shown in the reader's language with English as fallback. */
export type LocalText = Record<string, string>;

export function localText(text: LocalText | null | undefined, lng: string): string {
  if (!text) return "";
  return text[lng]?.trim() || text.en?.trim() || Object.values(text).find((v) => v?.trim()) || "";
}
