// The applicant's status page: where their application stands, what happens next, the history
// (audit trail) and any reason given; withdraw with confirmation. Anyone else's id answers 404.
// What the loader and action do is described with them in
// app/models/applications/status-page.server.ts.
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { StatusView } from "~/components/application/StatusView";
import { statusAction, statusLoader } from "~/models/applications/status-page.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle((t, d) => t("apply.status.title", { edition: d.edition.name }));

// The loader and action live in a .server module: the page's script then carries nothing of them.
export const loader = statusLoader;
export const action = statusAction;

const NOTICES = ["submitted", "withdrawn"];

export default function MyApplication() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = NOTICES.find((n) => params.get(n)) ?? null;
  return <StatusView data={data} notice={lastResult ? null : notice} lastResult={lastResult && "status" in lastResult ? lastResult : undefined} />;
}
