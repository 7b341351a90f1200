/**
 * The language tag to put on a name or free text written in another script than the page's, so
 * the browser picks the right font and shaping (a Japanese name drawn with Japanese glyphs, not
 * Chinese ones; Khmer with the Khmer font). Guessed from the script of the text; Han characters
 * alone are ambiguous (zh or ja), so the person's country decides there when known.
 */
const SCRIPTS: [RegExp, string][] = [
  [/[\u1780-\u17FF\u19E0-\u19FF]/, "km"],
  [/[\u0E80-\u0EFF]/, "lo"],
  [/[\u1000-\u109F\uA9E0-\uA9FF\uAA60-\uAA7F]/, "my"],
  [/[\u0E00-\u0E7F]/, "th"],
  [/[\u3040-\u30FF\u31F0-\u31FF]/, "ja"], // kana: Japanese even when mixed with kanji
  [/[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/, "ko"],
];
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;
const LATIN_LANG: Record<string, string> = { VN: "vi", ID: "id", MY: "ms", BN: "ms", PH: "fil", SG: "en" };

/**
 * The BCP 47 tag for `text`, or undefined when it is Latin-only without a known country (the
 * page's own `lang` then applies). `countryCode` (ISO alpha-2) settles Han (JP → ja, else zh) and
 * Latin text (VN → vi, ID → id, ...).
 */
export function langOfText(text: string | null | undefined, countryCode?: string | null): string | undefined {
  if (!text) return undefined;
  for (const [re, lang] of SCRIPTS) if (re.test(text)) return lang;
  if (HAN.test(text)) return countryCode === "JP" ? "ja" : countryCode === "KR" ? "ko" : "zh";
  return countryCode ? LATIN_LANG[countryCode] : undefined;
}
