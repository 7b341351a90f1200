// The national focal point's area: only for focal points; anyone else gets 404 (not 403). Each
// child loader and action checks the country scope again in its model function.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireFocalPoint } from "~/models/actor";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => {
    requireFocalPoint(actor);
    return null;
  });
}

export default function FocalLayout() {
  return <Outlet />;
}
