// The minimal route: one indexed query in the loader, a short list on the page.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { peopleOf } from "../db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const country = new URL(request.url).searchParams.get("country") ?? "TH";
  return json({ country, people: peopleOf(country) });
}

export default function Index() {
  const { country, people } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>People from {country}</h1>
      <ul>
        {people.map((p) => (
          <li key={p.id}>{p.name}</li>
        ))}
      </ul>
    </main>
  );
}
