/** The organizer's edition evaluation page (admin.editions.$id_.evaluation.tsx): participants and their responses. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SectionProps as Props } from "./sections";

export function ParticipantsSection({ data }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="participants-title" id="participants">
      <h2 id="participants-title">{t("evaluation.edition.participants")}</h2>
      <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-labelledby="participants-title">
        <table aria-labelledby="participants-title">
          <thead>
            <tr>
              <th scope="col">{t("common.name")}</th>
              {data.surveys.map((s) => (
                <th scope="col" key={s.id}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.participants.map((p) => (
              <tr key={p.applicationId}>
                <th scope="row" className="wrap-anywhere">
                  {p.name}
                  <br />
                  <span className="muted">
                    {p.country}
                    {p.hostSite ? ` · ${p.hostSite}` : ""}
                  </span>
                </th>
                {p.surveys.map((c) => (
                  <td key={c.surveyId}>
                    {c.status === "submitted"
                      ? "✓ " + t("evaluation.me.answered")
                      : c.status === "draft"
                        ? t("evaluation.edition.draft")
                        : t(`evaluation.state.${c.state}`)}
                    {c.days ? <span className="muted"> ({t("evaluation.me.pulseDays", { count: c.days })})</span> : null}
                    {c.state === "open" && c.status !== "submitted" ? (
                      <Form method="post">
                        <input type="hidden" name="surveyId" value={c.surveyId} />
                        <input type="hidden" name="applicationId" value={p.applicationId} />
                        <button
                          type="submit"
                          name="intent"
                          value="resend"
                          className="btn-secondary btn-small"
                          aria-label={`${t("evaluation.edition.resend")}: ${p.name}`}
                        >
                          {t("evaluation.edition.resend")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
