/** Forms of attendance (issue 6): one person's status on a check-in list, and a self check-in code. */
import * as z from "zod";
import { ATTENDANCE_STATUSES } from "../../db/schema/attendance";

export const checkInSchema = z.object({
  applicationId: z.coerce.number().int().positive(),
  status: z.enum(ATTENDANCE_STATUSES),
  note: z.string().trim().max(500).optional(),
  /** Why a past day's mark is corrected (required from a host coordinator, issue 12 item 7). */
  reason: z.string().trim().max(500).optional(),
  q: z.string().optional(),
  /** A mark queued on the device (issue 14): its id (replays are ignored) and device time. */
  clientId: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,64}$/)
    .optional(),
  markedAt: z.iso.datetime().optional(),
});

export const selfCheckInSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, { error: "tracking.errors.codeFormat" }),
});

/** "Scan a check-in code" on a check-in list (issue 14 item 5): a scanned QR token or a typed short code. */
export const codeCheckInSchema = z.object({
  intent: z.literal("checkin-code"),
  code: z.string().trim().min(1).max(200),
  clientId: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,64}$/)
    .optional(),
  markedAt: z.iso.datetime().optional(),
});
