// Organizer: every valid visa letter of an edition on one page, one A4 page (or more) per letter,
// to print or save as PDF in one go (issue 15 item 3). Anyone else: 404.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VisaLetterView, visaLinks } from "~/components/visa/VisaLetterView";
import { editionLetterViews } from "~/models/visa.server";
import { requireActor } from "~/session.server";
import { guard, idParam } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("visa.print.title");
export const links = visaLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    const id = idParam(params.id, "edition");
    const v = await editionLetterViews(actor, id);
    return json({ editionId: id, ...v }, { headers: { "Cache-Control": "no-store" } });
  });
}

export default function PrintAllVisaLetters() {
  const { editionId, editionName, letters } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="no-print">
        <p>
          <Link to={`/admin/editions/${editionId}/visa-letters`}>{t("visa.letter.back")}</Link>
        </p>
        <h1>{t("visa.print.heading", { edition: editionName, letters: letters.length })}</h1>
        <p className="muted">{t("visa.letter.printHint")}</p>
      </div>
      {letters.length ? letters.map((l) => <VisaLetterView key={l.id} l={l} />) : <p className="muted">{t("visa.print.none")}</p>}
    </>
  );
}
