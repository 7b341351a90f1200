// /feeds/<token>.ics: a calendar feed (participant or visit) at its secret URL. An unknown or
// revoked token answers 404. No login: the secret in the URL is the credential.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderFeed } from "~/models/training.server";
import { guard } from "~/utils/http.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const feed = await guard(() => renderFeed(String(params.token ?? "")));
  return new Response(feed.body, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${feed.filename}"`,
      "Cache-Control": "private, max-age=300",
      "X-Robots-Tag": "noindex",
    },
  });
}
