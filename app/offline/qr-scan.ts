/**
 * Reading a check-in QR code with the phone camera (issue 14 item 5): the browser's
 * `BarcodeDetector` where it has one, else the jsQR decoder (loaded only then, as its own chunk).
 * Loaded on demand by the check-in list's "Scan with the camera" button, so none of it counts in
 * the page's script budget. Browser-only.
 */
type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type DetectorClass = { new (o: { formats: string[] }): Detector; getSupportedFormats?: () => Promise<string[]> };

async function makeDecoder(): Promise<(video: HTMLVideoElement, canvas: HTMLCanvasElement) => Promise<string | null>> {
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  const formats = Native?.getSupportedFormats ? await Native.getSupportedFormats().catch(() => []) : [];
  if (Native && formats.includes("qr_code")) {
    const detector = new Native({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import("jsqr");
  return async (video, canvas) => {
    const w = video.videoWidth;
    const h = video.videoHeight;
    if (!w || !h) return null;
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(video, 0, 0, w, h);
    return jsQR(ctx.getImageData(0, 0, w, h).data, w, h)?.data ?? null;
  };
}

/**
 * Shows the back camera in `video` and resolves with the first QR code's text; rejects when the
 * camera cannot be opened (no camera, permission refused). Stops the camera when done or when
 * `signal` aborts (then resolves null).
 */
export async function scanQr(video: HTMLVideoElement, signal: AbortSignal): Promise<string | null> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
  const stop = () => stream.getTracks().forEach((tr) => tr.stop());
  try {
    video.srcObject = stream;
    await video.play();
    const decode = await makeDecoder();
    const canvas = document.createElement("canvas");
    while (!signal.aborted) {
      const text = await decode(video, canvas).catch(() => null);
      if (text) return text;
      await new Promise((r) => setTimeout(r, 200));
    }
    return null;
  } finally {
    stop();
    video.srcObject = null;
  }
}
