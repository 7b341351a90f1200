/**
 * Demo documents (issue 15 item 2): a few accepted participants of the open (Yunnan) edition have
 * uploaded their passport scan, badge photo or consent form, others not yet, so the organizer's
 * "Missing documents" page and the application pages show both. The files are made here, small
 * and valid (a PNG drawn with pngjs, a one-page PDF), so no binary blob lives in the repository.
 */
import { and, asc, eq } from "drizzle-orm";
import { PNG as PngImage } from "pngjs";
import { APPLICATION_OWNER, PDF, PNG, type DocumentKind } from "../../app/domain/document-kinds";
import { insertDocumentRow, writeDocumentFile } from "../../app/models/documents/store.server";
import type { Db } from "../client";
import * as t from "../schema";

/** A small portrait placeholder (a head and shoulders on a coloured ground), `width` × 4/3 width pixels. */
export function demoPng(hue = 200, width = 60): Buffer {
  const height = Math.round((width * 4) / 3);
  const png = new PngImage({ width, height });
  const [br, bg, bb] = hsl(hue, 0.45, 0.8);
  const [fr, fg, fb] = hsl(hue, 0.35, 0.35);
  const cx = width / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const head = (x - cx) ** 2 + (y - height * 0.38) ** 2 < (width * 0.2) ** 2;
      const body = y > height * 0.65 && (x - cx) ** 2 / (width * 0.42) ** 2 + (y - height) ** 2 / (height * 0.32) ** 2 < 1;
      const i = (y * width + x) * 4;
      const [r, g, b] = head || body ? [fr, fg, fb] : [br, bg, bb];
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return PngImage.sync.write(png);
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/**
 * A valid one-page PDF (A4) showing `lines` of ASCII text in Helvetica: header, objects, a
 * cross-reference table with exact byte offsets, trailer.
 */
export function demoPdf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").replace(/([\\()])/g, "\\$1");
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${esc(l)}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** Which kinds the first accepted participants have uploaded; the rest have none yet. */
const PLAN: DocumentKind[][] = [["passport_scan", "badge_photo", "consent_form"], ["badge_photo", "consent_form"], ["passport_scan"]];

export function seedDocuments(tx: Db, editionId: number): void {
  const apps = tx
    .select({ id: t.applications.id, userId: t.applications.userId, latin: t.applications.givenNameLatin, family: t.applications.familyNameLatin })
    .from(t.applications)
    .where(and(eq(t.applications.editionId, editionId), eq(t.applications.status, "accepted")))
    .orderBy(asc(t.applications.id))
    .all();
  PLAN.forEach((kinds, i) => {
    const app = apps[i];
    if (!app) return;
    const who = `${app.latin} ${app.family}`.trim() || `Participant ${app.id}`;
    for (const kind of kinds) {
      const file =
        kind === "badge_photo"
          ? { bytes: demoPng(40 + i * 90), contentType: PNG, name: "photo.png" }
          : kind === "passport_scan"
            ? { bytes: demoPdf(["Passport (demo scan)", `Holder: ${who}`, "Specimen - not a real document"]), contentType: PDF, name: "passport.pdf" }
            : {
                bytes: demoPdf(["VLX consent form", `Signed by: ${who}`, "I consent to the processing of my data for the programme."]),
                contentType: PDF,
                name: "consent-signed.pdf",
              };
      const key = writeDocumentFile(file.bytes);
      insertDocumentRow(tx, key, {
        owner: { type: APPLICATION_OWNER, id: app.id },
        kind,
        bytes: file.bytes,
        contentType: file.contentType,
        originalName: file.name,
        uploadedBy: app.userId,
      });
    }
  });
}
