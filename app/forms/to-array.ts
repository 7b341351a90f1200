/** A posted value as an array: "" or missing → [], one value → [value] (checkbox groups, repeated rows). */
export const toArray = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
