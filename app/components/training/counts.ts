/**
 * A training list's counts in words: "15 sessions, 1 draft, 0 cancelled", each number with its
 * language's plural form (issue 12, new user's item 5: "1 drafts"). `c`: how many sessions in all,
 * how many of them drafts, how many cancelled.
 */
import type { TFunction } from "i18next";

export function trainingCounts(t: TFunction, c: { total: number; draft: number; cancelled: number }): string {
  return t("training.list.counts", {
    sessions: t("training.list.countSessions", { count: c.total }),
    drafts: t("training.list.countDrafts", { count: c.draft }),
    cancelled: t("training.list.countCancelled", { count: c.cancelled }),
  });
}
