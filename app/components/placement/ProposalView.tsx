/**
 * The engine's proposal on the board: summary, the comparison of the modes, who cannot be placed
 * and why, the difference from the current placements, each participant's explanation, and the
 * form that saves it (carrying the proposal's fingerprint, so a changed board is not overwritten).
 */
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EngineRun } from "~/models/placement/board.server";
import { memberCountryName as countryName } from "~/domain/country-names";
import { useReasonText } from "./reasons";

type Props = { run: EngineRun; names: Record<string, string>; visitName: Record<string, string> };

export function ProposalView({ run, names, visitName }: Props) {
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const name = (pid: string | number) => names[String(pid)] ?? `#${pid}`;
  const reason = useReasonText(name);
  const { i18n } = useTranslation();
  const visit = (vid: string | number | null) => (vid == null ? t("placement.diff.none") : (visitName[String(vid)] ?? `#${vid}`));
  const c = run.comparison;
  const keptLabel = (pid: string) => {
    const k = run.kept[pid];
    return !k || k === "locked" ? t("placement.proposal.lockedBy") : t("placement.proposal.keptAs", { status: t(`placement.status.${k}`) });
  };
  const unplaced = run.result.explanations.filter((e) => e.status === "unplaced");
  const changes = run.diff.filter((x) => x.kind === "new" || x.kind === "moved" || x.kind === "removed");
  return (
    <section className="card" aria-labelledby="proposal-h">
      <h2 id="proposal-h">{t("placement.proposal.title", { mode: t(`placement.proposal.modeName.${run.mode}`) })}</h2>
      <dl className="pl-kv">
        <dt>{t("placement.proposal.participants")}</dt>
        <dd>{run.summary.participants}</dd>
        <dt>{t("placement.proposal.placed")}</dt>
        <dd>{run.summary.placed}</dd>
        <dt>{t("placement.proposal.firstChoices")}</dt>
        <dd>{run.summary.firstChoices}</dd>
        <dt>{t("placement.proposal.unplaced")}</dt>
        <dd>{run.summary.unplaced}</dd>
        <dt>{t("placement.proposal.kept")}</dt>
        <dd>{run.summary.kept}</dd>
        <dt>{t("placement.proposal.changes")}</dt>
        <dd>{run.summary.changes}</dd>
        <dt>{t("placement.proposal.cost")}</dt>
        <dd>{run.result.objective.preferenceCost}</dd>
      </dl>

      <h3>{t("placement.compare.title")}</h3>
      <p>{t("placement.compare.extraPlaced", { count: c.extraPlaced })}</p>
      <p>{t("placement.compare.cost", { optimal: c.optimal.preferenceCost, stable: c.stable.preferenceCost })}</p>
      <p>
        {c.blockingPairsOptimal
          ? t("placement.compare.envy", { pairs: c.blockingPairsOptimal, people: c.participantsWithJustifiedEnvy })
          : t("placement.compare.noEnvy")}
      </p>

      <h3>{t("placement.proposal.unplacedTitle")}</h3>
      {unplaced.length === 0 ? (
        <p className="alert alert-ok">{t("placement.proposal.allPlaced")}</p>
      ) : (
        <ul>
          {unplaced.map((e) => (
            <li key={e.participantId}>
              <strong>{name(e.participantId)}</strong>: {e.blockers.map(reason).join("; ") || "–"}
            </li>
          ))}
        </ul>
      )}
      {run.excluded.length ? (
        <>
          <h3>{t("placement.proposal.excludedTitle")}</h3>
          <ul>
            {run.excluded.map((x) => (
              <li key={x.applicationId}>
                <strong>{name(x.applicationId)}</strong>: {t(`placement.proposal.excluded.${x.why}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3 id="diff-h">{t("placement.diff.title")}</h3>
      {changes.length === 0 ? (
        <p className="muted">{t("placement.proposal.noChanges")}</p>
      ) : (
        <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-labelledby="diff-h">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("placement.diff.person")}</th>
                <th scope="col">{t("placement.diff.from")}</th>
                <th scope="col">{t("placement.diff.to")}</th>
                <th scope="col">{t("placement.diff.change")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((x) => (
                <tr key={x.applicationId}>
                  <td>{name(x.applicationId)}</td>
                  <td>{visit(x.from)}</td>
                  <td>{visit(x.to)}</td>
                  <td className={`pl-diff-${x.kind}`}>{t(`placement.diff.kind.${x.kind}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t("placement.proposal.explanations")}</h3>
      <div className="pl-explain">
        {run.result.explanations.map((e) => (
          <details key={e.participantId}>
            <summary>
              {name(e.participantId)}: {visit(e.visitId)}
              {e.status === "placed"
                ? ` (${e.locked ? keptLabel(e.participantId) : e.rank ? t("placement.proposal.choice", { rank: e.rank }) : t("placement.proposal.unranked")})`
                : ""}
            </summary>
            <ul>
              {e.overrides.length ? (
                <li>
                  {t("placement.proposal.overrides")}
                  {e.overrides.map(reason).join("; ")}
                </li>
              ) : null}
              {e.higherRanked.map((h) => (
                <li key={h.visitId}>
                  {t("placement.proposal.notHigher", {
                    visit: visit(h.visitId),
                    rank: h.rank ? t("placement.proposal.choice", { rank: h.rank }) : t("placement.proposal.unranked"),
                  })}
                  {h.reasons.map(reason).join("; ")}
                </li>
              ))}
              {e.emptyCountries.map((c) => (
                <li key={`c-${c.country}`}>
                  {t("placement.proposal.noVisitIn", {
                    country: countryName(c.country, i18n.language),
                    rank: t("placement.proposal.choice", { rank: c.rank }),
                  })}
                </li>
              ))}
              {e.status === "unplaced" && e.higherRanked.length === 0 && e.blockers.some((b) => b.code !== "no_visit_in_country") ? (
                <li>
                  {e.blockers
                    .filter((b) => b.code !== "no_visit_in_country")
                    .map(reason)
                    .join("; ")}
                </li>
              ) : null}
            </ul>
          </details>
        ))}
      </div>

      <Form method="post" className="stack">
        <input type="hidden" name="mode" value={run.mode} />
        {run.acceptUnranked ? <input type="hidden" name="acceptUnranked" value="on" /> : null}
        <input type="hidden" name="fingerprint" value={run.fingerprint} />
        <p className="hint">{t("placement.proposal.saveHint")}</p>
        <div className="actions">
          <button type="submit" name="intent" value="save" disabled={busy}>
            {t("placement.proposal.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}
