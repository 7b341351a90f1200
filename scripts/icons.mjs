// `node scripts/icons.mjs`: the PNG icons of the web app manifest (issue 14), drawn from the SVG
// icons in public/ with resvg (@resvg/resvg-js, a devDependency): 192 and 512 px of the favicon
// (purpose "any") and of the full-bleed maskable icon (purpose "maskable"). Browsers install a
// web app only with PNG icons of these sizes. The PNGs are committed; run this again after
// changing an SVG (tests/unit/icons.test.ts fails when they differ).
import fs from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** Every icon this script writes: [source SVG in public/, size in px, PNG in public/icons/]. */
export const ICONS = [
  ["favicon.svg", 192, "icon-192.png"],
  ["favicon.svg", 512, "icon-512.png"],
  ["icon-maskable.svg", 192, "icon-maskable-192.png"],
  ["icon-maskable.svg", 512, "icon-maskable-512.png"],
];

/** The PNG bytes of one SVG in public/ rendered at `size` × `size` pixels. */
export function renderIcon(svgName, size) {
  const svg = fs.readFileSync(path.join(root, "public", svgName));
  return new Resvg(svg, { fitTo: { mode: "width", value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.mkdirSync(path.join(root, "public", "icons"), { recursive: true });
  for (const [svg, size, png] of ICONS) {
    fs.writeFileSync(path.join(root, "public", "icons", png), renderIcon(svg, size));
    console.log(`public/icons/${png}`);
  }
}
