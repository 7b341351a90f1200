/**
 * Self-hosted, subsetted Noto fonts for the scripts phones in the region often lack: Khmer, Lao,
 * Myanmar and Thai (the @fontsource packages' script subsets, regular and bold, woff2 only).
 * Each @font-face carries a unicode-range limited to its script's blocks, so the browser fetches a
 * file only when the page shows a character of that script: a Latin-only page downloads none.
 * (The packages' own ranges also list U+200C-200D, U+25CC and, for Thai, U+0303/U+0331; those
 * occur outside these scripts, so they are left out here.) The woff2 files are bundled by the
 * Remix compiler (hashed URLs under /build). Used by the root layout for every page, so
 * certificates and printouts get the same fonts.
 */
import khmer400 from "@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2";
import khmer700 from "@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-700-normal.woff2";
import lao400 from "@fontsource/noto-sans-lao/files/noto-sans-lao-lao-400-normal.woff2";
import lao700 from "@fontsource/noto-sans-lao/files/noto-sans-lao-lao-700-normal.woff2";
import myanmar400 from "@fontsource/noto-sans-myanmar/files/noto-sans-myanmar-myanmar-400-normal.woff2";
import myanmar700 from "@fontsource/noto-sans-myanmar/files/noto-sans-myanmar-myanmar-700-normal.woff2";
import thai400 from "@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff2";
import thai700 from "@fontsource/noto-sans-thai/files/noto-sans-thai-thai-700-normal.woff2";

/** Family name, unicode-range (the script's own blocks) and the regular and bold files. */
export const SCRIPT_FONTS = [
  { family: "Noto Sans Khmer", range: "U+1780-17FF,U+19E0-19FF", files: { 400: khmer400, 700: khmer700 } },
  { family: "Noto Sans Lao", range: "U+0E81-0EDF", files: { 400: lao400, 700: lao700 } },
  { family: "Noto Sans Myanmar", range: "U+1000-109F,U+A9E0-A9FE,U+AA60-AA7F", files: { 400: myanmar400, 700: myanmar700 } },
  { family: "Noto Sans Thai", range: "U+0E01-0E5B", files: { 400: thai400, 700: thai700 } },
] as const;

/** The @font-face rules for all four scripts (a few hundred bytes of CSS, inlined in <head>). */
export const fontFaceCss = SCRIPT_FONTS.flatMap((f) =>
  ([400, 700] as const).map(
    (w) =>
      `@font-face{font-family:"${f.family}";font-style:normal;font-weight:${w};font-display:swap;` +
      `src:url(${f.files[w]}) format("woff2");unicode-range:${f.range}}`,
  ),
).join("\n");
