import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { workspacesFor } from "~/domain/workspaces";
import { requireActor } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Workspaces · VLX" }];

/** The chooser for a person with several roles (issue 12, item 10): one link per workspace. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const workspaces = workspacesFor({
    isOrganizer: actor.isOrganizer,
    isFocalPoint: actor.focalPointCountries.length > 0,
    isHostCoordinator: actor.isHostCoordinator,
  });
  return json({ workspaces });
}

export default function Workspaces() {
  const { t } = useTranslation();
  const { workspaces } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("nav.workspaces.title")}</h1>
      <p>{t("nav.workspaces.lead")}</p>
      <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
        {workspaces.map((w) => (
          <li key={w.role} className="card">
            <Link to={w.path} className="btn">
              {t(`nav.workspaces.go.${w.role}`)}
            </Link>
            <p className="muted">{t(`nav.workspaces.about.${w.role}`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
