/**
 * The host site form's option values, for pages that show a site without its form: importing
 * them from ./host-site would bring zod and the database schema into the page's bundle (issue 14).
 */
export const ACCOMMODATION_KINDS = ["homestay", "guesthouse", "hotel"] as const;
export const DIETARY_ABILITIES = ["halal", "vegetarian", "vegan", "no_pork", "no_beef", "gluten_free"] as const;
