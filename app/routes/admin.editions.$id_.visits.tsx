// /admin/editions/:id/visits, the organizer's overview of an edition's exchange visits.
// (File name `$id_` so the page is not nested inside the edition edit page, which has no Outlet.)
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge, ThemeList, useLanguageNames } from "~/components/hosts/bits";
import { hostsLinks } from "~/components/hosts/styles";
import { memberCountryName as countryName } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { editionVisitsOverview } from "~/models/hosts.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { remixI18n } from "~/i18n.server";
import { pageTitle } from "~/utils/page-title";
import { formatNumber } from "~/domain/format";
import { SiteName } from "~/components/i18n/SiteName";

export const links = hostsLinks;
export const handle = pageTitle((t, d) => t("hosts.overview.title", { edition: d.edition.name }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => json(editionVisitsOverview(actor, Number(params.id), lng)));
}

export default function EditionVisits() {
  const d = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const names = useLanguageNames();
  const shortBy = d.totals.accepted - d.totals.seats;
  return (
    <>
      <p>
        <Link to={`/admin/editions/${d.edition.id}`}>
          ← <span lang={d.edition.lang}>{d.edition.name}</span>
        </Link>
      </p>
      <h1>
        <LocalTextIn i18nKey="hosts.overview.title" name="edition" value={{ text: d.edition.name, lang: d.edition.lang }} />
      </h1>

      <section className="card" aria-labelledby="totals-h">
        <h2 id="totals-h">{t("hosts.overview.totals")}</h2>
        <dl className="facts">
          <dt>{t("hosts.overview.visits")}</dt>
          <dd>{d.totals.visits}</dd>
          <dt>{t("hosts.overview.seats")}</dt>
          <dd>{formatNumber(d.totals.seats, lng, 0)}</dd>
          <dt>{t("hosts.overview.seatsTaken")}</dt>
          <dd>{formatNumber(d.totals.taken, lng, 0)}</dd>
          <dt>{t("hosts.overview.acceptedParticipants")}</dt>
          <dd>{d.totals.accepted}</dd>
          <dt>{t("hosts.overview.placedParticipants")}</dt>
          <dd>{d.totals.placed}</dd>
        </dl>
        <p className={shortBy > 0 ? "alert alert-error" : "alert alert-ok"}>
          {shortBy > 0 ? t("hosts.overview.seatsShort", { count: shortBy }) : t("hosts.overview.seatsEnough", { count: -shortBy })}
        </p>
      </section>

      <section className="card" aria-labelledby="visits-h">
        <h2 id="visits-h">{t("hosts.overview.allVisits")}</h2>
        {d.visits.length ? (
          <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("hosts.overview.allVisits")}>
            <table>
              <caption className="visually-hidden">{t("hosts.overview.allVisits")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("hosts.overview.hostCountry")}</th>
                  <th scope="col">{t("hosts.site.site")}</th>
                  <th scope="col">{t("hosts.visit.dates")}</th>
                  <th scope="col" className="num">
                    {t("hosts.overview.seats")}
                  </th>
                  <th scope="col" className="num">
                    {t("hosts.overview.seatsTaken")}
                  </th>
                  <th scope="col">{t("hosts.visit.themes")}</th>
                  <th scope="col">{t("hosts.visit.languages")}</th>
                  <th scope="col">{t("common.status")}</th>
                </tr>
              </thead>
              <tbody>
                {d.visits.map((v) => (
                  <tr key={v.id}>
                    <td>{countryName(v.countryCode, lng)}</td>
                    <td>
                      <Link to={`/host/visits/${v.id}`}>{v.title ? <span lang={v.titleLang}>{v.title}</span> : t("hosts.visit.untitled", { id: v.id })}</Link>
                      <div className="muted">
                        <SiteName names={v.site} localClassName="" />
                      </div>
                    </td>
                    <td>
                      {formatDate(v.arrivalOn, lng)} – {formatDate(v.departureOn, lng)}
                    </td>
                    <td className="num">{formatNumber(v.capacity, lng, 0)}</td>
                    <td className="num">{v.seatsTaken}</td>
                    <td>
                      <ThemeList themes={v.themes} />
                    </td>
                    <td>
                      {names(v.languages)}
                      {v.interpreterLanguages.length ? (
                        <div className="muted">
                          {t("hosts.visit.interpretedShort")}: {names(v.interpreterLanguages)}
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <StatusBadge kind="visit" status={v.shownStatus} />
                      {v.past ? (
                        <>
                          {" "}
                          <span className="badge badge-draft">{t("hosts.overview.pastBadge")}</span>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t("hosts.visit.none")}</p>
        )}
      </section>

      <div className="grid grid-2 overview-grid">
        <section className="card" aria-labelledby="host-h">
          <h2 id="host-h">{t("hosts.overview.byHost")}</h2>
          <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("hosts.overview.byHost")}>
            <table>
              <caption className="visually-hidden">{t("hosts.overview.byHost")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("hosts.overview.hostCountry")}</th>
                  <th scope="col" className="num">
                    {t("hosts.overview.visits")}
                  </th>
                  <th scope="col" className="num">
                    {t("hosts.overview.seats")}
                  </th>
                  <th scope="col" className="num">
                    {t("hosts.overview.seatsTaken")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.byHost.map((r) => (
                  <tr key={r.countryCode}>
                    <td>{countryName(r.countryCode, lng)}</td>
                    <td className="num">{r.visits}</td>
                    <td className="num">{formatNumber(r.seats, lng, 0)}</td>
                    <td className="num">{formatNumber(r.taken, lng, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="card" aria-labelledby="send-h">
          <h2 id="send-h">{t("hosts.overview.bySending")}</h2>
          <p className="hint">{t("hosts.overview.bySendingHint")}</p>
          <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("hosts.overview.bySending")}>
            <table>
              <caption className="visually-hidden">{t("hosts.overview.bySending")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("hosts.overview.sendingCountry")}</th>
                  <th scope="col" className="num">
                    {t("hosts.overview.acceptedParticipants")}
                  </th>
                  <th scope="col" className="num">
                    {t("hosts.overview.placedParticipants")}
                  </th>
                  <th scope="col" className="num">
                    {t("hosts.overview.seatsOpen")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.bySending.map((r) => (
                  <tr key={r.countryCode}>
                    <td>{r.countryCode ? countryName(r.countryCode, lng) : "–"}</td>
                    <td className="num">{r.accepted}</td>
                    <td className="num">{r.placed}</td>
                    <td className={r.seatsOpenToThem < r.accepted ? "num short" : "num"}>
                      {r.seatsOpenToThem}
                      {r.seatsOpenToThem < r.accepted ? <span className="visually-hidden"> ({t("hosts.overview.tooFew")})</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>

      <section className="card" aria-labelledby="lang-h">
        <h2 id="lang-h">{t("hosts.overview.languageCover")}</h2>
        <p>
          {t("hosts.overview.coveredLanguages")}: {d.cover.covered.length ? names(d.cover.covered) : t("common.none")}
        </p>
        {d.cover.uncoveredLanguages.length === 0 && d.cover.uncoveredParticipants.length === 0 ? (
          <p className="alert alert-ok">{t("hosts.overview.allCovered")}</p>
        ) : (
          <>
            {d.cover.uncoveredLanguages.length ? (
              <>
                <h3>{t("hosts.overview.uncoveredLanguages")}</h3>
                <ul>
                  {d.cover.uncoveredLanguages.map((u) => (
                    <li key={u.language}>
                      <strong>{names([u.language])}</strong>: {u.participants.map((p) => p.name).join(", ")}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {d.cover.uncoveredParticipants.length ? (
              <>
                <h3>{t("hosts.overview.uncoveredParticipants")}</h3>
                <p className="hint">{t("hosts.overview.uncoveredParticipantsHint")}</p>
                <ul>
                  {d.cover.uncoveredParticipants.map((p) => (
                    <li key={p.id}>
                      {p.name}
                      {p.country ? ` · ${countryName(p.country, lng)}` : ""} · {p.languages.length ? names(p.languages) : t("hosts.overview.noLanguages")}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
