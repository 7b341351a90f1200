// The organizer's area: every /admin page is for organizers only; anyone else gets 404 (not 403),
// so the pages do not reveal themselves. Each child loader and action checks again in its model.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganizer } from "~/models/actor";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => {
    requireOrganizer(actor);
    return null;
  });
}

export default function AdminLayout() {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t("admin.nav.label")} className="subnav">
        <ul className="pill-list">
          <li>
            <NavLink to="/admin" end>
              {t("admin.nav.home")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/editions">{t("admin.nav.editions")}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/applications">{t("admin.nav.applications")}</NavLink>
          </li>
          <li>
            <NavLink to="/pilots">{t("pilots.overview.title")}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/invitations">{t("admin.nav.invitations")}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/messages">{t("messages.nav")}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/outbox">{t("admin.nav.outbox")}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/audit">{t("audit.nav")}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
