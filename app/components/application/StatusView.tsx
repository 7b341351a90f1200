/**
 * The applicant's status page (app/routes/me.applications.$id.tsx): where the application
 * stands, what happens next, the reason given, the audit trail, a summary of the answers and the
 * withdraw form (a required confirmation box, so it works without JavaScript).
 */
import { langOfText } from "~/domain/script-lang";
import type { SubmissionResult } from "@conform-to/react";
import { serverFormProps, useServerForm } from "~/forms/server-form";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { checkboxProps, ErrorList, FormErrors } from "~/components/form";
import { StatusBadge } from "./StatusBadge";

export type StatusViewData = {
  application: {
    id: number;
    status: string;
    statusReason: string | null;
    name: string;
    latinName: string;
    birthDate: string | null;
    birthDateText: string;
    nationality: string;
    place: string;
    position: string;
    languages: string[];
    themes: string[];
    hostCountries: string[];
    availability: string;
  };
  edition: { id: number; name: string; lang?: string; dates: string };
  trail: HistoryEvent[];
  canEdit: boolean;
  canWithdraw: boolean;
  /** For an accepted application: the offer waiting for an answer, else the accepted place. */
  placement?: { id: number; status: "offered" | "accepted"; replyBy: string } | null;
};

/** Statuses in which the participant may give passport details for a visa letter (app/models/visa/passports.server.ts). */
const PASSPORT_STATUSES = ["draft", "submitted", "endorsed", "accepted", "waitlisted"];

export function StatusView({ data, notice, lastResult }: { data: StatusViewData; notice?: string | null; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const { application: a, edition } = data;
  const headingParts = t("apply.status.title", { edition: "\uE000" }).split("\uE000");
  const [form, fields] = useServerForm<{ confirm: string }>({
    id: `withdraw-${a.id}`,
    lastResult,
  });
  const confirm = checkboxProps(fields.confirm, "yes");
  return (
    <section>
      <p>
        <Link to="/me">{t("apply.backToList")}</Link>
      </p>
      <h1>
        {/* The edition's name in its own language inside the sentence (inline: this page's script budget is full). */}
        {headingParts[0]}
        <span lang={edition.lang}>{edition.name}</span>
        {headingParts[1]}
      </h1>
      {notice ? (
        <p className="alert alert-ok" role="status">
          {t(`apply.status.notice.${notice}`)}
        </p>
      ) : null}
      <div className="card">
        <p>
          {t("common.status")}: <StatusBadge status={a.status} />
        </p>
        {data.placement ? (
          <p>
            {data.placement.status === "offered"
              ? data.placement.replyBy
                ? t("apply.next.offerWaiting", { date: data.placement.replyBy })
                : t("apply.next.offerWaitingNoDate")
              : t("apply.next.placed")}{" "}
            <Link to={`/me/placements/${data.placement.id}`}>{t(data.placement.status === "offered" ? "apply.next.seeOffer" : "apply.next.seePlacement")}</Link>
          </p>
        ) : (
          <p>{t(`apply.next.${a.status}`)}</p>
        )}
        {a.statusReason ? (
          <p>
            <strong>{t("common.reason")}:</strong> {a.statusReason}
          </p>
        ) : null}
        {data.canEdit ? (
          <p>
            <Link className="btn" to={`/apply/${edition.id}`}>
              {t("apply.status.continue")}
            </Link>
          </p>
        ) : null}
        {PASSPORT_STATUSES.includes(a.status) ? (
          <p>
            <Link to={`/me/passport/${a.id}`}>{t("visa.passport.link")}</Link>
          </p>
        ) : null}
      </div>

      <h2>{t("apply.status.history")}</h2>
      <ol className="timeline">
        {data.trail.map((e) => (
          <li key={e.id}>
            <strong>{t(`apply.actions.${e.action}`, { defaultValue: e.action })}</strong>
            {e.badge && e.toState ? (
              <>
                {" "}
                · <StatusBadge status={e.toState} />
              </>
            ) : null}
            <br />
            <span className="muted">
              {e.when}
              {e.actorName ? ` · ${e.actorName}` : ""}
            </span>
            {e.reason ? (
              <p style={{ margin: 0 }}>
                {t("common.reason")}: {e.reason}
              </p>
            ) : null}
          </li>
        ))}
      </ol>

      <h2>{t("apply.status.answers")}</h2>
      <dl className="facts card">
        <dt>{t("common.name")}</dt>
        <dd>
          <span lang={langOfText(a.name)}>{a.name || "—"}</span>
          {a.latinName && a.latinName !== a.name ? ` (${a.latinName})` : ""}
        </dd>
        <dt>{t("apply.form.birthDate")}</dt>
        <dd data-testid="birth-date" data-value={a.birthDate ?? ""}>
          {a.birthDateText || "—"}
        </dd>
        <dt>{t("apply.form.nationality")}</dt>
        <dd>{a.nationality || "—"}</dd>
        <dt>{t("apply.form.village")}</dt>
        <dd>{a.place || "—"}</dd>
        <dt>{t("apply.form.position")}</dt>
        <dd>{a.position || "—"}</dd>
        <dt>{t("apply.form.languages")}</dt>
        <dd>{a.languages.join(", ") || "—"}</dd>
        <dt>{t("apply.form.themes")}</dt>
        <dd>{a.themes.map((th) => t(`themes.${th}`)).join(", ") || "—"}</dd>
        <dt>{t("apply.form.hostCountries")}</dt>
        <dd>{a.hostCountries.join(" › ") || "—"}</dd>
        <dt>{t("apply.form.availability")}</dt>
        <dd>{a.availability || "—"}</dd>
      </dl>

      {data.canWithdraw ? (
        <details className="card" open={lastResult ? true : undefined}>
          <summary>{t("apply.withdraw.open")}</summary>
          <p>{t("apply.withdraw.explain")}</p>
          <FormErrors errors={form.errors} id={form.errorId} />
          <Form method="post" {...serverFormProps(form)}>
            <input type="hidden" name="intent" value="withdraw" />
            <div className="field">
              <label className="check">
                <input {...confirm} />
                {t("apply.withdraw.confirm")}
              </label>
              <ErrorList id={fields.confirm.errorId} errors={fields.confirm.errors} />
            </div>
            <div className="actions">
              <button type="submit" className="btn-danger">
                {t("apply.withdraw.submit")}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

/**
 * One line of the applicant's history: the action, and the status it led to as a badge where
 * `badge` says so (domain/application-history: not where it would repeat the action, issue 12
 * "Submitted · Submitted"; decided on the server to keep the page's script within budget).
 */
export type HistoryEvent = {
  id: number;
  when: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  badge: boolean;
  reason: string | null;
  actorName: string | null;
};
