/**
 * The answers to an edition's own questions (issue 15, item 1) on the review pages, each with the
 * label of the version it was answered against; marked when the question changed since or was
 * removed from the form (answers are never deleted with their question).
 */
import { useTranslation } from "react-i18next";
import type { ShownAnswer } from "~/models/applications/questions.server";

export function CustomAnswers({ answers }: { answers: ShownAnswer[] }) {
  const { t } = useTranslation();
  if (!answers.length) return null;
  return (
    <section className="card" aria-labelledby="custom-answers-h">
      <h2 id="custom-answers-h">{t("secretariat.questions.formSection")}</h2>
      <dl className="facts custom-answers">
        {answers.map((a) => (
          <div key={a.questionId} style={{ display: "contents" }}>
            <dt>
              <span lang={a.lang}>{a.label}</span>
              {a.removed ? (
                <>
                  {" "}
                  <span className="badge badge-draft">{t("secretariat.questions.removedBadge")}</span>
                </>
              ) : null}
              {a.changed ? (
                <>
                  {" "}
                  <span className="muted">({t("secretariat.questions.answeredEarlier")})</span>
                </>
              ) : null}
            </dt>
            <dd style={a.kind === "long_text" ? { whiteSpace: "pre-wrap" } : undefined}>{a.answer}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
