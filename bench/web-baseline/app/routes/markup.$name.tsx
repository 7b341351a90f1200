// The control route (issue 13): the minimal route's one indexed query, and instead of its short
// list the saved markup of a VLX page (app/markup.server.ts), so the bench can show what React's
// server rendering of that much markup costs by itself.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useParams } from "@remix-run/react";
import { peopleOf } from "../db.server";
import { markupOf } from "../markup.server";

export async function loader({ params }: LoaderFunctionArgs) {
  if (!markupOf(params.name ?? "")) throw new Response("no saved markup", { status: 404 });
  return json({ people: peopleOf("TH") });
}

export default function Markup() {
  const { people } = useLoaderData<typeof loader>();
  const { name } = useParams();
  return (
    <>
      {markupOf(name ?? "")}
      <ul hidden>
        {people.map((p) => (
          <li key={p.id}>{p.name}</li>
        ))}
      </ul>
    </>
  );
}
