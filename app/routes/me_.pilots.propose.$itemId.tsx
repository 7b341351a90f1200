// A participant proposes one of their own action plan items as a pilot project in their village
// (prefilled from the item and their application). Someone else's item or a draft: 404.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProjectForm } from "~/components/pilots/ProjectForm";
import { proposalSchema } from "~/forms/pilots.server";
import { getMyActionItem, proposeFromAction } from "~/models/pilots.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, idParam, readForm } from "~/utils/http.server";
import { pickField } from "~/domain/local-text";
import { remixI18n } from "~/i18n.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("pilots.proposal.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const item = getMyActionItem(actor, idParam(params.itemId, "action plan item"));
    if (item.projectId) throw redirect(`/pilots/projects/${item.projectId}`);
    return json({
      item: { id: item.id, action: item.action, editionName: pickField(item.editionName, item.editionTranslations, "name", lng).text },
      defaults: { title: item.action.slice(0, 200), objectives: item.action, villageName: item.village, province: item.province, district: item.district },
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const itemId = await guard(() => getMyActionItem(actor, idParam(params.itemId, "action plan item")).id);
  const form = await readForm(request);
  return handleForm(form, proposalSchema, (v) => {
    proposeFromAction(actor, itemId, v);
    return redirect(`/me/pilots?proposed=1`);
  });
}

export default function ProposePilot() {
  const { item, defaults } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="card">
      <p>
        <Link to="/me/pilots">← {t("pilots.me.title")}</Link>
      </p>
      <h1>{t("pilots.proposal.title")}</h1>
      <p>
        {t("pilots.proposal.lead", { edition: item.editionName })}: <q>{item.action}</q>
      </p>
      <ProjectForm mode="proposal" lastResult={lastResult} defaultValue={defaults} submitLabel={t("pilots.proposal.submit")} />
    </section>
  );
}
