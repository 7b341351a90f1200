/**
 * The schedule of trainings as a grid of days (rows) × venues (columns), server-rendered: works
 * without JavaScript and prints. Below 40rem (a 360 px phone) the same data shows as a list per
 * day instead (CSS switches; both are in the HTML).
 */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { GridData, GridItem } from "./grid-data";

/** Groups items by "day|venue" once: O(n) instead of a scan per cell. */
export function cellIndex(items: GridItem[]): Map<string, GridItem[]> {
  const m = new Map<string, GridItem[]>();
  for (const it of items) {
    const k = `${it.day}|${it.venueKey}`;
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/**
 * One training in a cell. Takes `t` from the grid (one hook per grid, not per card) and renders a
 * plain link: with hundreds of cards, router-aware links cost more than the whole table.
 */
export function TrainingCard({ it, showVenue, t }: { it: GridItem; showVenue?: string; t: TFunction }) {
  return (
    <div className={`sched-item sched-${it.status}`}>
      <span className="sched-time">
        {it.start}–{it.end}
        {it.endDay ? ` (+1)` : ""} <span className="muted">{it.zone}</span>
      </span>{" "}
      <a href={it.href} lang={it.titleLang}>
        {it.title}
      </a>
      <span className="sched-meta">
        {t(`training.types.${it.type}`)} · {it.language}
        {showVenue ? ` · ${showVenue}` : ""}
        {it.series ? ` · ${it.series}` : ""}
        {it.interpreters ? ` · ${t("training.grid.interpreters")}: ${it.interpreters}` : ""}
        {it.status !== "scheduled" ? (
          <>
            {" "}
            <span className={`badge badge-${it.status}`}>{t(`training.status.${it.status}`)}</span>
          </>
        ) : null}
      </span>
    </div>
  );
}

export function ScheduleGrid({ data, caption }: { data: GridData; caption: string }) {
  const { t } = useTranslation();
  const cells = cellIndex(data.items);
  const venueName = new Map(data.venues.map((v) => [v.key, v.name]));
  const byDay = new Map<string, GridItem[]>();
  for (const it of data.items) (byDay.get(it.day) ?? byDay.set(it.day, []).get(it.day)!).push(it);
  if (data.items.length === 0) return <p className="muted">{t("training.grid.empty")}</p>;
  return (
    <div className="sched">
      <div className="table-wrap sched-table" data-scroll-hint={t("common.scrollHint")} role="region" aria-label={caption} tabIndex={0}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("training.grid.day")}</th>
              {data.venues.map((v) => (
                <th scope="col" key={v.key}>
                  {v.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{d.label}</th>
                {data.venues.map((v) => (
                  <td key={v.key}>
                    {(cells.get(`${d.date}|${v.key}`) ?? []).map((it) => (
                      <TrainingCard key={it.id} it={it} t={t} />
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="sched-list">
        {data.days.map((d) =>
          byDay.get(d.date)?.length ? (
            <section key={d.date}>
              <h3>{d.label}</h3>
              <ul>
                {byDay.get(d.date)!.map((it) => (
                  <li key={it.id}>
                    <TrainingCard it={it} showVenue={venueName.get(it.venueKey)} t={t} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null,
        )}
      </div>
    </div>
  );
}
