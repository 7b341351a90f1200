// myanmar-tools 1.1.3 ships JavaScript only; the two classes VLX uses (utils/text-input.server.ts).
declare module "myanmar-tools" {
  export class ZawgyiDetector {
    /** Probability (0..1) that `text` is Zawgyi-encoded Burmese; -Infinity without Burmese. */
    getZawgyiProbability(text: string, verbose?: boolean): number;
  }
  export class ZawgyiConverter {
    zawgyiToUnicode(text: string): string;
    unicodeToZawgyi(text: string): string;
  }
  const myanmarTools: { ZawgyiDetector: typeof ZawgyiDetector; ZawgyiConverter: typeof ZawgyiConverter };
  export default myanmarTools;
}
