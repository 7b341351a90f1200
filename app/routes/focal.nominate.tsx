// Focal point: nominate a village leader of their country who has no account yet. The form is
// the applicant's (ApplicationForm, mode "nominate": the nominee's e-mail first, nationality
// fixed). It creates the leader's account and a draft application and mails them a claim link;
// the leader sets a password, checks the answers and submits.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApplicationForm } from "~/components/application/ApplicationForm";
import { applicationFormOptions } from "~/components/application/options.server";
import { memberCountryName as countryName } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { nominationDraftSchema, nominationSubmitSchema } from "~/forms/application.server";
import { remixI18n } from "~/i18n.server";
import { getEdition, windowState } from "~/models/editions.server";
import { NotFoundError } from "~/models/errors";
import { focalCountry, nominate } from "~/models/applications.server";
import { requireActor } from "~/session.server";
import { badRequest, guard, handleForm, readForm } from "~/utils/http.server";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { pickField } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("focal.nominate.title", { edition: d.edition.name }));

function editionParam(url: URL): number {
  const id = Number(url.searchParams.get("edition"));
  if (!Number.isInteger(id) || id <= 0) throw new NotFoundError("edition");
  return id;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const url = new URL(request.url);
  return guard(() => {
    const country = focalCountry(actor, url.searchParams.get("country"));
    const edition = getEdition(editionParam(url));
    const name = pickField(edition.name, edition.translations, "name", lng);
    return json({
      country,
      countryName: countryName(country, lng),
      edition: {
        id: edition.id,
        name: name.text,
        lang: name.lang,
        themes: edition.themes,
        state: windowState(edition),
        window: { from: formatDate(edition.applicationsOpenOn, lng), to: formatDate(edition.applicationsCloseOn, lng) },
      },
      defaultValue: { nationality: country },
      options: applicationFormOptions(lng),
    });
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  const url = new URL(request.url);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent !== "save" && intent !== "submit") badRequest("Unknown intent");
  return guard(() => {
    const country = focalCountry(actor, url.searchParams.get("country"));
    const editionId = editionParam(url);
    // The nationality is the focal point's country whatever was posted.
    form.set("nationality", country);
    return handleForm(form, intent === "submit" ? nominationSubmitSchema : nominationDraftSchema, async (v) => {
      const r = await nominate(actor, editionId, country, v, lng);
      return redirect(`/focal/applications/${r.id}?done=${r.already ? "nominatedAlready" : "nominated"}`);
    });
  });
}

export default function Nominate() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { edition } = data;
  return (
    <section>
      <p>
        <Link to={`/focal?edition=${edition.id}&country=${data.country}`}>{t("focal.app.back")}</Link>
      </p>
      <h1>
        <LocalTextIn i18nKey="focal.nominate.title" name="edition" value={{ text: edition.name, lang: edition.lang }} />
      </h1>
      <p>{t("focal.nominate.lead", { country: data.countryName })}</p>
      {edition.state !== "open" ? (
        <p className="alert alert-warn">{t(edition.state === "closed" ? "focal.nominate.closed" : "focal.nominate.notOpen", edition.window)}</p>
      ) : (
        <ApplicationForm
          edition={edition}
          mode="nominate"
          fixedNationality={data.country}
          defaultValue={data.defaultValue}
          lastResult={lastResult && "status" in lastResult ? lastResult : undefined}
          submitLabel={t("focal.nominate.submit")}
          options={data.options}
        />
      )}
    </section>
  );
}
