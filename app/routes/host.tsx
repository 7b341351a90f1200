// The host area: for host coordinators (their own sites) and organizers (every site); anyone
// else gets 404. Each child loader and action checks scope again in its model.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { hostsLinks } from "~/components/hosts/styles";
import { requireHostArea } from "~/models/hosts.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";

export const links = hostsLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => {
    requireHostArea(actor);
    return null;
  });
}

export default function HostLayout() {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t("hosts.nav.label")} className="subnav no-print">
        <ul className="pill-list">
          <li>
            <NavLink to="/host" end>
              {t("hosts.nav.home")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/host/sites/new">{t("hosts.nav.newSite")}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
