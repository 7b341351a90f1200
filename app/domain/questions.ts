/**
 * Custom application questions (issue 15, item 1): parsing the applicant's answers from a posted
 * form, and showing an answer given against a question version. Pure: no database, no Remix.
 *
 * Form names: `q_<questionId>`; a several-choices question posts one value per ticked box.
 * Stored values (JSON): short/long text, date (`YYYY-MM-DD`) and single choice (option key) as a
 * string; several choices as a string[] of option keys; number as a number; yes/no as a boolean.
 * Error messages are translation keys.
 */
import { isIsoDate } from "./dates";
import { pickText, type LocalText } from "./local-text";
import { MAX_LONG, MAX_SHORT, type QuestionKind } from "./question-kinds";

// The kinds and limits alone (for pages: no dates or local-text code) live in ./question-kinds.
export { isChoice, MAX_LONG, MAX_SHORT, QUESTION_KINDS, type QuestionKind } from "./question-kinds";
export type QuestionOption = { key: string; label: LocalText };
export type AnswerValue = string | string[] | number | boolean;

/** What parsing needs of a question's current version. */
export type QuestionSpec = { id: number; kind: QuestionKind; required: boolean; options: QuestionOption[] };

export const fieldName = (questionId: number) => `q_${questionId}`;

/**
 * The answers in `get(name)` (all posted values of a name, e.g. FormData.getAll). `strict` (submit)
 * also requires the required ones. Returns the parsed values (null = no answer, which clears a
 * stored one) and the errors by field name; a question with an error has no value.
 */
export function parseAnswers(questions: QuestionSpec[], get: (name: string) => string[], strict: boolean) {
  const values = new Map<number, AnswerValue | null>();
  const errors: Record<string, string[]> = {};
  for (const q of questions) {
    const name = fieldName(q.id);
    const raw = get(name)
      .map((v) => v.normalize("NFC").trim())
      .filter((v) => v !== "");
    const fail = (key: string) => (errors[name] = [key]);
    if (!raw.length) {
      if (strict && q.required) fail("errors.required");
      else values.set(q.id, null);
      continue;
    }
    const keys = new Set(q.options.map((o) => o.key));
    switch (q.kind) {
      case "short_text":
      case "long_text": {
        const max = q.kind === "short_text" ? MAX_SHORT : MAX_LONG;
        if (raw.length > 1) fail("errors.invalid");
        else if ([...raw[0]].length > max) fail(`errors.tooLongMax|${JSON.stringify({ count: max })}`);
        else values.set(q.id, raw[0]);
        break;
      }
      case "number": {
        // Decimal point or comma; no thousands separators, no exponent.
        const s = raw[0].replace(",", ".");
        if (raw.length > 1 || !/^-?\d{1,12}(\.\d{1,6})?$/.test(s)) fail("secretariat.questions.errors.number");
        else values.set(q.id, Number(s));
        break;
      }
      case "date":
        if (raw.length > 1 || !isIsoDate(raw[0])) fail("errors.date");
        else values.set(q.id, raw[0]);
        break;
      case "yes_no":
        if (raw.length > 1 || (raw[0] !== "yes" && raw[0] !== "no")) fail("errors.invalid");
        else values.set(q.id, raw[0] === "yes");
        break;
      case "single_choice":
        if (raw.length > 1 || !keys.has(raw[0])) fail("errors.invalid");
        else values.set(q.id, raw[0]);
        break;
      case "multi_choice": {
        const picked = [...new Set(raw)];
        if (picked.some((k) => !keys.has(k))) fail("errors.invalid");
        else
          values.set(
            q.id,
            q.options.map((o) => o.key).filter((k) => picked.includes(k)),
          );
        break;
      }
    }
  }
  return { values, errors };
}

/** A stored answer as the form's value(s) (ApplicationForm defaultValue): what the inputs show. */
export function answerToFormValue(kind: QuestionKind, value: AnswerValue | null | undefined): string | string[] {
  if (value === null || value === undefined) return kind === "multi_choice" ? [] : "";
  if (kind === "multi_choice") return Array.isArray(value) ? value : [String(value)];
  if (kind === "yes_no") return value === true ? "yes" : value === false ? "no" : "";
  return String(value);
}

/**
 * An answer as text in `lng`, read with the version it was given against: option keys become
 * that version's labels (reader's language, else English), yes/no become `yesNo` words, numbers
 * are formatted with Intl. Unknown keys (should not happen) are shown as they are.
 */
export function formatAnswer(
  q: { kind: QuestionKind; options: QuestionOption[] },
  value: AnswerValue | null | undefined,
  lng: string,
  yesNo: { yes: string; no: string },
): string {
  if (value === null || value === undefined) return "";
  const label = (key: string) => {
    const o = q.options.find((x) => x.key === key);
    return o ? pickText(o.label, lng).text : key;
  };
  switch (q.kind) {
    case "yes_no":
      return value === true ? yesNo.yes : value === false ? yesNo.no : String(value);
    case "single_choice":
      return label(String(value));
    case "multi_choice":
      return (Array.isArray(value) ? value : [String(value)]).map(label).join("; ");
    case "number":
      return typeof value === "number" ? new Intl.NumberFormat(lng, { maximumFractionDigits: 6 }).format(value) : String(value);
    default:
      return String(value);
  }
}

/**
 * Option keys for a new version's option labels (English, in order): a label that the previous
 * version had keeps its key, so a stored answer still means the same choice; new labels get
 * fresh keys (o1, o2, … after the highest used).
 */
export function assignOptionKeys(previous: QuestionOption[], labels: LocalText[]): QuestionOption[] {
  const used = new Set(previous.map((o) => o.key));
  let next = Math.max(0, ...previous.map((o) => Number(/^o(\d+)$/.exec(o.key)?.[1] ?? 0))) + 1;
  const taken = new Set<string>();
  return labels.map((label) => {
    const same = previous.find((o) => !taken.has(o.key) && (o.label.en ?? "").trim().toLowerCase() === (label.en ?? "").trim().toLowerCase());
    let key = same?.key;
    if (!key) {
      while (used.has(`o${next}`)) next += 1;
      key = `o${next}`;
      used.add(key);
    }
    taken.add(key);
    return { key, label };
  });
}
