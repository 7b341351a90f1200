import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalText } from "~/components/i18n/LocalText";
import { formatDate } from "~/domain/dates";
import { pickField } from "~/domain/local-text";
import { remixI18n } from "~/i18n.server";
import { listOpenEditions } from "~/models/editions.server";
import { getActor } from "~/session.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const [actor, lng] = await Promise.all([getActor(request), remixI18n.getLocale(request)]);
  const editions = listOpenEditions().map((e) => ({
    id: e.id,
    // Organizer-written: in the reader's language, else English, with the language shown (issue 11).
    name: pickField(e.name, e.translations, "name", lng),
    description: pickField(e.description, e.translations, "description", lng),
    mode: e.mode,
    dates: { from: formatDate(e.startsOn, lng), to: formatDate(e.endsOn, lng) },
    window: { from: formatDate(e.applicationsOpenOn, lng), to: formatDate(e.applicationsCloseOn, lng) },
  }));
  return json({ editions, signedIn: !!actor });
}

export default function Index() {
  const { t } = useTranslation();
  const { editions, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p>{t("home.lead")}</p>
      <h2>{t("home.openEditions")}</h2>
      {editions.length === 0 ? <p>{t("home.noOpenEditions")}</p> : null}
      <div className="grid grid-2">
        {editions.map((e) => (
          <article key={e.id} className="card">
            <LocalText as="h3" value={e.name} />
            {e.description.text ? <LocalText as="p" value={e.description} /> : null}
            <p>
              {t(`modes.${e.mode}`)} · {t("home.dates", e.dates)}
            </p>
            <p className="muted">{t("home.window", e.window)}</p>
            <Link className="btn" to={`/apply/${e.id}`}>
              {t("home.applyNow")}
            </Link>
          </article>
        ))}
      </div>
      {!signedIn ? (
        <p>
          {t("home.signupPrompt")} <Link to="/signup">{t("nav.signup")}</Link> · <Link to="/login">{t("nav.login")}</Link>
        </p>
      ) : null}
    </>
  );
}
