/**
 * Demo photos of pilot monitoring visits (issue 16 item 3): small landscape pictures drawn here
 * with pngjs (sky, sun, hills, and the work the visit looked at: a water tank with its pipe, a
 * road with drains, a chicken coop), so no binary file lives in the repository. About 240 × 160
 * pixels, a few kilobytes each. Stored through the documents store like uploaded photos.
 */
import { PNG as PngImage } from "pngjs";
import { PILOT_VISIT_OWNER, PNG, VISIT_PHOTO_KIND } from "../../app/domain/document-kinds";
import { insertDocumentRow, writeDocumentFile } from "../../app/models/documents/store.server";
import type { Db } from "../client";

export type DemoScene = "tank" | "road" | "coop";

type Rgb = [number, number, number];
const SKY: Rgb = [170, 210, 240];
const SUN: Rgb = [250, 215, 90];
const HILL: Rgb = [90, 150, 80];
const FIELD: Rgb = [140, 190, 100];
const GREY: Rgb = [150, 150, 150];
const DARK: Rgb = [70, 70, 70];
const BROWN: Rgb = [140, 95, 60];
const BLUE: Rgb = [60, 110, 190];
const RED: Rgb = [180, 70, 50];

/** A demo landscape PNG, `width` × 2/3 width pixels, showing `scene`. */
export function demoScenePng(scene: DemoScene, width = 240): Buffer {
  const height = Math.round((width * 2) / 3);
  const png = new PngImage({ width, height });
  const horizon = height * 0.45;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const v = y / height;
      const hill = horizon - height * 0.12 * (1 + Math.sin(u * 6 + 1)) * 0.6;
      let c: Rgb = y < hill ? SKY : y < horizon ? HILL : FIELD;
      if ((u - 0.82) ** 2 + ((v - 0.15) * 1.5) ** 2 < 0.004) c = SUN;
      if (scene === "tank") {
        if (u > 0.25 && u < 0.45 && v > 0.35 && v < 0.7) c = v < 0.4 ? DARK : GREY; // the tank and its roof
        if (v > 0.66 && v < 0.69 && u > 0.45) c = BLUE; // the pipe leaving it
      } else if (scene === "road") {
        const half = 0.08 + (v - horizon / height) * 0.5;
        if (y >= horizon && Math.abs(u - 0.5) < half) c = GREY;
        if (y >= horizon && Math.abs(Math.abs(u - 0.5) - half - 0.02) < 0.01) c = BLUE; // the drains
      } else {
        if (u > 0.3 && u < 0.7 && v > 0.45 && v < 0.75) c = BROWN; // the coop
        if (v > 0.35 && v <= 0.45 && Math.abs(u - 0.5) < 0.2 + (v - 0.45) * 2) c = RED; // its roof
        if ((u - 0.2) ** 2 + ((v - 0.85) * 1.5) ** 2 < 0.0015 || (u - 0.8) ** 2 + ((v - 0.88) * 1.5) ** 2 < 0.0015) c = [250, 250, 245];
      }
      const i = (y * width + x) * 4;
      png.data[i] = c[0];
      png.data[i + 1] = c[1];
      png.data[i + 2] = c[2];
      png.data[i + 3] = 255;
    }
  }
  return PngImage.sync.write(png);
}

/** Stores a demo photo of `scene` on a visit, with its caption, as uploaded by `uploadedBy`. */
export function seedVisitPhoto(tx: Db, visitId: number, scene: DemoScene, caption: string, uploadedBy: number): void {
  const bytes = demoScenePng(scene);
  const key = writeDocumentFile(bytes);
  insertDocumentRow(tx, key, {
    owner: { type: PILOT_VISIT_OWNER, id: visitId },
    kind: VISIT_PHOTO_KIND,
    bytes,
    contentType: PNG,
    originalName: `${scene}.png`,
    caption,
    uploadedBy,
  });
}
