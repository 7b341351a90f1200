import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import styles from "~/styles/app.css";
import { LANGUAGE_LABELS, supportedLngs } from "~/i18n";
import { remixI18n } from "~/i18n.server";
import { fontFaceCss } from "~/fonts";
import { listFormat } from "~/domain/intl";
import { CHOOSER_PATH, workspacesFor } from "~/domain/workspaces";
import { useNonce } from "~/nonce";
import { documentTitle } from "~/utils/page-title";
import { errorPageKey } from "~/utils/error-page";
import { getActor } from "~/session.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  // Installable, with attendance that works offline (issue 14; public/sw.js).
  { rel: "manifest", href: "/manifest.webmanifest" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [actor, locale] = await Promise.all([getActor(request), remixI18n.getLocale(request)]);
  return json({
    locale,
    actor: actor && {
      displayName: actor.displayName,
      isOrganizer: actor.isOrganizer,
      isFocalPoint: actor.focalPointCountries.length > 0,
      isHostCoordinator: actor.isHostCoordinator,
    },
  });
}

export const handle = { i18n: ["translation"] };

function Nav() {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation();
  const actor = data?.actor;
  return (
    <nav aria-label={t("nav.main")} className="nav">
      <ul>
        {actor ? (
          <>
            <li>
              <NavLink to="/me">{t("nav.myApplications")}</NavLink>
            </li>
            {actor.isFocalPoint ? (
              <li>
                <NavLink to="/focal">{t("nav.focalPoint")}</NavLink>
              </li>
            ) : null}
            {actor.isHostCoordinator ? (
              <li>
                <NavLink to="/host">{t("nav.host")}</NavLink>
              </li>
            ) : null}
            {actor.isOrganizer ? (
              <li>
                <NavLink to="/admin">{t("nav.organizer")}</NavLink>
              </li>
            ) : null}
          </>
        ) : (
          <>
            <li>
              <NavLink to="/login">{t("nav.login")}</NavLink>
            </li>
            <li>
              <NavLink to="/signup">{t("nav.signup")}</NavLink>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

/** Who is signed in and with which roles (issue 12, item 10); several roles link to the chooser. */
function RolesBadge({ actor }: { actor: { displayName: string; isOrganizer: boolean; isFocalPoint: boolean; isHostCoordinator: boolean } }) {
  const { t, i18n } = useTranslation();
  const staff = workspacesFor(actor).filter((w) => w.role !== "applicant");
  const roles = staff.length ? staff.map((w) => t(`nav.roles.${w.role}`)) : [t("nav.roles.applicant")];
  const text = t("nav.signedInAs", { name: actor.displayName, roles: listFormat(i18n.language, { style: "narrow", type: "unit" }).format(roles) });
  return (
    <p className="signed-in" data-testid="signed-in-roles">
      {staff.length > 1 ? <Link to={CHOOSER_PATH}>{text}</Link> : text}
    </p>
  );
}

function LanguageSwitcher({ current }: { current: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="lang-switch" reloadDocument>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="lng-select" className="visually-hidden">
        {t("nav.language")}
      </label>
      <select id="lng-select" name="lng" defaultValue={current}>
        {supportedLngs.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_LABELS[l]}
          </option>
        ))}
      </select>
      <button type="submit" className="btn-small">
        {t("nav.changeLanguage")}
      </button>
    </Form>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? "en";
  const nonce = useNonce();
  const { t, i18n } = useTranslation();
  useChangeLanguage(locale);
  // Every route's title is a translation (utils/page-title.ts), rendered here in the page's language;
  // an error page (the root ErrorBoundary inside this Layout) is titled by its message.
  const error = useRouteError();
  const matches = useMatches();
  const title = error == null ? documentTitle(t, matches) : `${t(`errorPage.${errorPageKey(errorStatus(error))}.title`)} · VLX`;
  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5d3b" />
        <title>{title}</title>
        {/* Khmer, Lao, Myanmar and Thai fonts, fetched only for pages that show those scripts (fonts.ts). */}
        <style dangerouslySetInnerHTML={{ __html: fontFaceCss }} />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("nav.skip")}
        </a>
        <header className="site-header">
          <Link to="/" className="brand">
            VLX
          </Link>
          <Nav />
          {data?.actor ? <RolesBadge actor={data.actor} /> : null}
          {data?.actor ? (
            <Form method="post" action="/logout" className="logout">
              <button type="submit" className="btn-link">
                {t("nav.logout")}
              </button>
            </Form>
          ) : null}
          <LanguageSwitcher current={locale} />
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>{t("footer.text")}</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

/** The HTTP status of a route error: a thrown Response's, else 500. */
function errorStatus(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

/**
 * Every error page (an unmatched URL through routes/$.tsx, a loader's 404, a 500) in the reader's
 * language and inside the Layout, so the signed-in header shows whenever the root loader ran.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const key = errorPageKey(errorStatus(error));
  return (
    <section className="error-page">
      <h1>{t(`errorPage.${key}.title`)}</h1>
      <p>{t(`errorPage.${key}.body`)}</p>
      <p>
        <Link to="/">{t("errorPage.home")}</Link>
      </p>
    </section>
  );
}
