// The web app manifest's PNG icons (issue 14): 192 and 512 px, "any" and "maskable", present in
// public/ at their stated size, and the same as scripts/icons.mjs draws from the SVGs now.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ICONS, renderIcon } from "../../scripts/icons.mjs";

type Icon = { src: string; sizes: string; type: string; purpose: string };
const manifest = JSON.parse(fs.readFileSync("public/manifest.webmanifest", "utf8")) as { icons: Icon[] };

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest icons", () => {
  it("has PNG icons of 192 and 512 px for 'any' and 'maskable', each file of its stated size", () => {
    const png = manifest.icons.filter((i) => i.type === "image/png");
    for (const purpose of ["any", "maskable"]) {
      expect(
        png
          .filter((i) => i.purpose === purpose)
          .map((i) => i.sizes)
          .sort(),
      ).toEqual(["192x192", "512x512"]);
    }
    for (const icon of png) {
      const { width, height } = pngSize(fs.readFileSync(`public${icon.src}`));
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
  });

  it("are what scripts/icons.mjs draws from the SVGs (run it again after changing one)", () => {
    for (const [svg, size, png] of ICONS as [string, number, string][]) {
      expect(Buffer.compare(renderIcon(svg, size), fs.readFileSync(`public/icons/${png}`)), png).toBe(0);
    }
  });
});
