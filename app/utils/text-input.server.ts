/**
 * Every name and free text entered in a form passes here once (readForm): Burmese typed with a
 * Zawgyi keyboard/font is detected with Google's myanmar-tools (ZawgyiDetector, a Markov model)
 * and converted to Unicode (ZawgyiConverter), then everything is normalised to Unicode NFC, so
 * the same name typed on two phones is stored as the same characters and search finds it.
 * Passwords are left exactly as typed (their hashes were made from the raw text).
 */
// A CommonJS package whose exports Node's ESM loader cannot name: take them off the default export.
import myanmarTools from "myanmar-tools";

const { ZawgyiConverter, ZawgyiDetector } = myanmarTools;

const MYANMAR = /[\u1000-\u109F]/;
/** Above this probability the text is Zawgyi (the library's documented cut-off is 0.95). */
const ZAWGYI_THRESHOLD = 0.95;

let detector: InstanceType<typeof ZawgyiDetector> | undefined;
let converter: InstanceType<typeof ZawgyiConverter> | undefined;

/** True when `text` contains Burmese written in the Zawgyi encoding. */
export function isZawgyi(text: string): boolean {
  if (!MYANMAR.test(text)) return false;
  detector ??= new ZawgyiDetector();
  return detector.getZawgyiProbability(text) > ZAWGYI_THRESHOLD;
}

/** `text` in Unicode NFC, with Zawgyi-encoded Burmese converted to Unicode first. */
export function normalizeTextInput(text: string): string {
  let out = text;
  if (isZawgyi(out)) {
    converter ??= new ZawgyiConverter();
    out = converter.zawgyiToUnicode(out);
  }
  return out.normalize("NFC");
}

/** A copy of `form` with every text value normalised (normalizeTextInput), passwords untouched. */
export function normalizeForm(form: FormData): FormData {
  const out = new FormData();
  for (const [name, value] of form.entries()) {
    out.append(name, typeof value === "string" && !/password/i.test(name) ? normalizeTextInput(value) : value);
  }
  return out;
}
