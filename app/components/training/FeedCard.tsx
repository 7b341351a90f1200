/**
 * The calendar-feed box of the itinerary and of a visit's schedule. The feed URL's secret is
 * stored hashed (issue 13), so the URL is shown only in the answer to the POST that made it
 * (`fresh`, from the action); afterwards the box says since when a URL is live and offers to make a
 * new one (which stops the old one). Works without JavaScript: the form posts, the page comes back
 * with the new URL.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type FeedCardProps = {
  headingId: string;
  /** The heading's level where the box sits. */
  level?: 2 | 3;
  title: string;
  lead: string;
  /** Whether a URL is live and since when (already formatted for the reader). */
  state: { active: boolean; since: string | null };
  /** The URL just made by this page's POST, or null. */
  fresh: string | null;
  /** Hidden fields the POST needs besides intent=rotateFeed (e.g. applicationId). */
  fields?: Record<string, string | number>;
};

export function FeedCard({ headingId, level = 2, title, lead, state, fresh, fields = {} }: FeedCardProps) {
  const { t } = useTranslation();
  const H = level === 2 ? "h2" : "h3";
  return (
    <section className="card no-print" aria-labelledby={headingId}>
      <H id={headingId}>{title}</H>
      <p>{lead}</p>
      {fresh ? (
        <div role="status">
          <p className="alert alert-ok">{t("training.feed.shownOnce")}</p>
          <p className="feed-url">{fresh}</p>
          <p>
            <a className="btn btn-secondary" href={new URL(fresh).pathname} download>
              {t("training.feed.download")}
            </a>
          </p>
        </div>
      ) : state.active ? (
        <p className="muted">{t("training.feed.activeSince", { date: state.since ?? "" })}</p>
      ) : (
        <p className="muted">{t("training.feed.none")}</p>
      )}
      <Form method="post">
        <input type="hidden" name="intent" value="rotateFeed" />
        {Object.entries(fields).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <button type="submit" className="btn btn-secondary">
          {state.active || fresh ? t("training.feed.rotate") : t("training.feed.create")}
        </button>
      </Form>
    </section>
  );
}
