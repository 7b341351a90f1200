// The organizer's area: every /admin page is for organizers only; anyone else gets 404 (not 403),
// so the pages do not reveal themselves. Each child loader and action checks again in its model.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { AdminNav } from "~/components/AdminNav";
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
  return (
    <>
      <AdminNav />
      <Outlet />
    </>
  );
}
