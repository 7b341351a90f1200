/**
 * "Scan a check-in code" on a check-in list (issue 14 item 5): a field for a participant's short
 * code (or a scanned QR token) that marks the person present. Without JavaScript it is a plain
 * POST form; the server answers a redirect with `?checked=<name>`, or 400 with the message next
 * to the field and the typed value kept. With JavaScript the code is queued on the device like a
 * tap (app/offline/) and resolved by the server when sent, so it works offline too; and a camera
 * button reads the QR code (app/offline/qr-scan.ts, loaded only when pressed).
 */
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/components/form";
import type { MarkQueue } from "~/offline/use-mark-queue";

export function CheckInCodeForm({
  open,
  error,
  value,
  checked,
  already,
  queue,
}: {
  open: boolean;
  /** Message key of the server's refusal (no JavaScript). */
  error?: string;
  /** The typed value, kept after a refusal. */
  value?: string;
  /** Who the last code marked present (no JavaScript). */
  checked?: string;
  already?: boolean;
  queue: MarkQueue;
}) {
  const { t } = useTranslation();
  const tr = useErrorText();
  const [hydrated, setHydrated] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  // The camera button needs script: shown only once hydrated.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setHydrated(true), []);
  useEffect(() => () => abortRef.current?.abort(), []);
  const shownError = queue.refused[0] ?? error;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const code = String(new FormData(e.currentTarget).get("code") ?? "").trim();
    if (!code) return;
    e.preventDefault();
    void queue.markCode(code).then((refused) => {
      // A refused code stays in the field, next to its message; a sent or queued one is cleared.
      if (!refused && inputRef.current) inputRef.current.value = "";
    });
  };

  const scan = async () => {
    setCameraError(false);
    setScanning(true);
    const ctrl = new AbortController();
    abortRef.current = ctrl;
    try {
      const { scanQr } = await import("~/offline/qr-scan");
      const text = await scanQr(videoRef.current!, ctrl.signal);
      if (text) await queue.markCode(text);
    } catch {
      setCameraError(true);
    } finally {
      setScanning(false);
    }
  };

  return (
    <section className="checkin-code" aria-labelledby="checkin-code-h">
      <h2 id="checkin-code-h">{t("tracking.qr.scanTitle")}</h2>
      <Form method="post" reloadDocument onSubmit={onSubmit} className="actions">
        <input type="hidden" name="intent" value="checkin-code" />
        <label htmlFor="checkin-code">{t("tracking.qr.codeLabel")}</label>
        <input
          ref={inputRef}
          id="checkin-code"
          name="code"
          defaultValue={value ?? ""}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={200}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? "checkin-code-error" : "checkin-code-hint"}
          disabled={!open}
        />
        <button type="submit" disabled={!open}>
          {t("tracking.qr.markPresent")}
        </button>
        {hydrated ? (
          <button type="button" className="btn-secondary" onClick={() => (scanning ? abortRef.current?.abort() : void scan())} disabled={!open}>
            {scanning ? t("tracking.qr.stopCamera") : t("tracking.qr.scanCamera")}
          </button>
        ) : null}
      </Form>
      <p className="hint" id="checkin-code-hint">
        {t("tracking.qr.codeHint")}
      </p>
      <video ref={videoRef} hidden={!scanning} muted playsInline className="checkin-video" aria-label={t("tracking.qr.cameraView")} />
      {cameraError ? (
        <p className="field-errors" role="alert">
          {t("tracking.qr.cameraError")}
        </p>
      ) : null}
      {shownError ? (
        <p className="field-errors" id="checkin-code-error" role="alert" data-testid="checkin-code-error">
          {tr(shownError)}
        </p>
      ) : null}
      {checked ? (
        <p className="alert alert-ok" role="status" data-testid="checkin-code-ok">
          {t(already ? "tracking.qr.alreadyPresent" : "tracking.qr.markedPresent", { name: checked })}
        </p>
      ) : null}
    </section>
  );
}
