/**
 * The organizer's sub-menu: on every /admin page (admin.tsx) and, for organizers, on the pilot
 * overview (/pilots), which the menu links to, so it does not vanish there (new-user findings).
 */
import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function AdminNav() {
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
    </>
  );
}
