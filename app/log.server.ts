/** The app's logger (pino, JSON lines to stdout). Never log personal data: no names, e-mails or bodies. */
import pino from "pino";

export const log = pino({
  level: process.env.VLX_LOG_LEVEL || "info",
  base: undefined,
  redact: { paths: ["email", "password", "*.email", "*.password"], censor: "[redacted]" },
});
