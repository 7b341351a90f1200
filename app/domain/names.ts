/**
 * Personal names (docs/design.md "Names"): given name required, family name optional (mononyms are
 * common in Indonesia and Myanmar), a name-order flag, a native-script form and a Latin
 * transliteration. Pure functions, no I/O.
 */

export type PersonName = {
  givenName: string;
  familyName?: string | null;
  givenNameLatin?: string | null;
  familyNameLatin?: string | null;
  nameOrder: "given_first" | "family_first";
};

/**
 * Folds text for search: Unicode NFD, combining marks removed, lower-cased, Vietnamese đ → d,
 * whitespace collapsed. "Nguyễn Thị Ánh" → "nguyen thi anh". Scripts without case or marks
 * (Thai, CJK) pass through (Thai vowel marks are kept by folding only Latin-range marks).
 */
export function foldForSearch(text: string): string {
  return (
    text
      .normalize("NFD")
      // strip only combining marks that follow a Latin letter, so Thai/Burmese/Khmer vowels survive
      .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
      .normalize("NFC")
      .replace(/[đĐ]/g, "d")
      .toLocaleLowerCase("en")
      .replace(/\s+/g, " ")
      .trim()
  );
}

function join(first: string | null | undefined, second: string | null | undefined, order: PersonName["nameOrder"], cjk: boolean) {
  const parts = (order === "family_first" ? [second, first] : [first, second]).filter((p): p is string => !!p && p.trim() !== "");
  // Chinese, Japanese and Korean native names are written without a space between the parts.
  return parts.join(cjk ? "" : " ");
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The name in native script in the person's own order: "Nguyễn Thị Ánh", "王芳", "Sari". */
export function displayName(n: PersonName): string {
  const full = join(n.givenName, n.familyName, n.nameOrder, CJK.test(n.givenName + (n.familyName ?? "")));
  return full || latinName(n);
}

/** The Latin (passport) form in the person's order; empty when none was given. */
export function latinName(n: PersonName): string {
  return join(n.givenNameLatin, n.familyNameLatin, n.nameOrder, false);
}

/** The text the search column holds: native and Latin forms, folded. */
export function searchText(n: PersonName): string {
  return foldForSearch(`${displayName(n)} ${latinName(n)}`);
}

/**
 * The name columns of a user account: the display name as given and its folded search form
 * (users.search_name, which the audit log's person filter matches with SQL LIKE). Every write of
 * a user's name goes through this, so the two never disagree.
 */
export function userNameColumns(name: string): { displayName: string; searchName: string } {
  return { displayName: name, searchName: foldForSearch(name) };
}

/** Sort key pair for Intl.Collator: family name first when there is one, then given name. */
export function sortKey(n: PersonName): string {
  const fam = n.familyNameLatin || n.familyName || "";
  const giv = n.givenNameLatin || n.givenName;
  return `${fam} ${giv}`.trim();
}

/**
 * Sort key for a list that shows each person's name as `displayName` with `latinName` beneath
 * (the organizer's review list): the name in the person's own order, as shown, so the order on
 * screen follows the first word the reader sees ("Nguyễn Thị Ánh" under N, "Somchai Jaidee" under
 * S). The Latin (passport) form is used when there is one, so names written in Thai, Khmer,
 * Myanmar, Lao, Chinese, Japanese or Korean script sort among the others by the Latin line shown
 * under them instead of in a block per script; without one, the native form as displayed.
 */
export function displaySortKey(n: PersonName): string {
  return latinName(n) || displayName(n);
}
