import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VisitForm } from "~/components/hosts/VisitForm";
import { visitSchema } from "~/forms/visit";
import { getSite, siteInScope, createVisit, editionsForSite } from "~/models/hosts.server";
import { shownName, siteNameShown } from "~/domain/local-text";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { remixI18n } from "~/i18n.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("hosts.visit.newTitle", { site: d?.site?.name.text }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const { site } = getSite(actor, Number(params.siteId));
    // Edition names in the reader's language, each option marked with the shown name's lang.
    const editions = editionsForSite(site).map((e) => ({
      id: e.id,
      ...shownName(e, lng),
      startsOn: e.startsOn,
      endsOn: e.endsOn,
    }));
    return json({
      site: {
        id: site.id,
        name: siteNameShown(site, lng),
        vettingStatus: site.vettingStatus,
        themes: site.themes,
        languages: site.languages,
        interpreterLanguages: interpretedPrefill(site),
        homestay: site.accommodation.includes("homestay"),
      },
      editions,
    });
  });
}

/**
 * The interpreted languages to pre-tick: the site's interpreters' languages, minus the languages
 * the visit is held in (interpreting into the visit's own language is no interpretation; issue 12
 * item 8).
 */
function interpretedPrefill(site: { languages: string[]; interpreters: { languages: string[] }[] }) {
  return [...new Set(site.interpreters.flatMap((i) => i.languages))].filter((l) => !site.languages.includes(l));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const siteId = Number(params.siteId);
  await guard(() => siteInScope(actor, siteId));
  const form = await readForm(request);
  return handleForm(form, visitSchema, (v) => {
    const id = createVisit(actor, siteId, v);
    return redirect(`/host/visits/${id}?created=1`);
  });
}

export default function NewVisit() {
  const { site, editions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const defaults = {
    themes: site.themes,
    languages: site.languages,
    interpreterLanguages: site.interpreterLanguages,
    homestay: site.homestay ? "on" : undefined,
    editionId: editions.length === 1 ? String(editions[0].id) : undefined,
  };
  return (
    <section className="card">
      <p>
        <Link to={`/host/sites/${site.id}`}>
          ← <span lang={site.name.lang}>{site.name.text}</span>
        </Link>
      </p>
      <h1>
        <LocalTextIn i18nKey="hosts.visit.newTitle" name="site" value={site.name} />
      </h1>
      {site.vettingStatus !== "vetted" ? (
        <p className="alert alert-warn">{t(`hosts.vetting.notVettedNote.${site.vettingStatus}`)}</p>
      ) : editions.length === 0 ? (
        <p className="alert alert-warn">{t("hosts.visit.noEditions")}</p>
      ) : (
        <VisitForm
          lastResult={lastResult}
          defaultValue={defaults}
          editions={editions}
          submitLabel={t("hosts.visit.create")}
          prefilled={{ themes: site.themes, languages: site.languages, interpreterLanguages: site.interpreterLanguages, homestay: site.homestay }}
        />
      )}
    </section>
  );
}
