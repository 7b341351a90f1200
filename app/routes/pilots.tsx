// The pilot pages' layout: an organizer keeps the organizer's sub-menu here (it links to /pilots),
// as on every /admin page; focal points and local leads, who also read pilots, see the pages alone.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/AdminNav";
import { requireActor } from "~/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return json({ isOrganizer: actor.isOrganizer });
}

export default function PilotsLayout() {
  const { isOrganizer } = useLoaderData<typeof loader>();
  return (
    <>
      {isOrganizer ? <AdminNav /> : null}
      <Outlet />
    </>
  );
}
