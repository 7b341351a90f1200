/**
 * The kinds of custom application questions (issue 15) and the longest answers accepted: the part
 * of ./questions.ts that the application form and the organizers' question editor need in the
 * browser, without the parsing code and its imports (issue 14 script budget). Pure, no imports.
 */
export const QUESTION_KINDS = ["short_text", "long_text", "single_choice", "multi_choice", "number", "date", "yes_no"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Longest accepted answers, in characters. */
export const MAX_SHORT = 300;
export const MAX_LONG = 4000;

/** Whether answers pick from options (one or several). */
export const isChoice = (kind: QuestionKind) => kind === "single_choice" || kind === "multi_choice";
