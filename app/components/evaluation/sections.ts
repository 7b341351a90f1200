/**
 * What the sections of the organizer's edition evaluation page (admin.editions.$id_.evaluation.tsx)
 * share: their props and the number format. The sections (set-up, response rates, results with
 * charts and tables, pulse monitor, participants, plan adjustments log) are one file each in this
 * folder (SetupSection.tsx ... AdjustmentsSection.tsx). All work without JavaScript.
 */
import { formatNumber } from "~/domain/format";
import type { EvaluationPageData } from "~/models/evaluation/page.server";

export type SectionProps = { data: EvaluationPageData };
/** A figure with one decimal in the page's language ("–" for none). */
export const fmt = (x: number | null, lng: string) => formatNumber(x, lng, 1);
