// Organizer: invite someone to be a focal point (of one country), host coordinator or organizer;
// the link goes out by mail (see the outbox page on local runs). Lists pending and accepted
// invitations.
import { getFormProps } from "@conform-to/react";
import { useAppForm } from "~/forms/use-app-form";
import { parseWithZod } from "~/forms/parse";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { countryName, memberCountries } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { INVITABLE_ROLES, inviteSchema } from "~/forms/review";
import { remixI18n } from "~/i18n.server";
import { inviteToRole, listInvitations } from "~/models/accounts.server";
import { requireOrganizer } from "~/models/actor";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = pageTitle("admin.invitations.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const invitations = listInvitations(actor).map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      country: i.countryCode ? countryName(i.countryCode, lng) : "",
      sentOn: formatDate(i.createdAt.slice(0, 10), lng),
      state: i.state,
      acceptedBy: i.acceptedBy,
      invitedBy: i.invitedBy,
    }));
    return json({ invitations, countries: memberCountries(lng) });
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(() => {
    requireOrganizer(actor);
    return handleForm(form, inviteSchema, async (v) => {
      await inviteToRole(actor, { email: v.email, role: v.role, countryCode: v.role === "focal_point" ? v.countryCode : null });
      return redirect(`/admin/invitations?sent=${encodeURIComponent(v.email)}`);
    });
  });
}

export default function Invitations() {
  const { t } = useTranslation();
  const { invitations, countries } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useAppForm({
    id: "invite",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldRevalidate: "onInput",
  });
  const sent = params.get("sent");
  return (
    <>
      <h1>{t("admin.invitations.title")}</h1>
      {sent ? (
        <p className="alert alert-ok" role="status">
          {t("admin.invitations.sent", { email: sent })} <Link to="/admin/outbox">{t("admin.nav.outbox")}</Link>
        </p>
      ) : null}
      <section className="card">
        <h2>{t("admin.invitations.new")}</h2>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" className="stack" {...getFormProps(form)}>
          <TextField field={fields.email} type="email" label={t("admin.invitations.email")} autoComplete="off" required />
          <SelectField
            field={fields.role}
            label={t("admin.invitations.role")}
            options={INVITABLE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            required
          />
          <SelectField
            field={fields.countryCode}
            label={t("admin.invitations.country")}
            hint={t("admin.invitations.countryHint")}
            placeholder={t("admin.invitations.noCountry")}
            options={countries.map((c) => ({ value: c.code, label: c.name }))}
          />
          <div className="actions">
            <button type="submit">{t("admin.invitations.send")}</button>
          </div>
        </Form>
      </section>
      <h2>{t("admin.invitations.list")}</h2>
      {invitations.length === 0 ? (
        <p>{t("common.noneYet")}</p>
      ) : (
        <div className="table-wrap" data-scroll-hint={t("common.scrollHint")} tabIndex={0} role="region" aria-label={t("admin.invitations.list")}>
          <table>
            <caption className="visually-hidden">{t("admin.invitations.list")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.invitations.email")}</th>
                <th scope="col">{t("admin.invitations.role")}</th>
                <th scope="col">{t("common.status")}</th>
                <th scope="col">{t("admin.invitations.sentOn")}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td style={{ overflowWrap: "anywhere" }}>{i.email}</td>
                  <td>
                    {t(`roles.${i.role}`)}
                    {i.country ? ` · ${i.country}` : ""}
                  </td>
                  <td>
                    {t(`admin.invitations.states.${i.state}`)}
                    {i.acceptedBy ? <span className="muted"> ({i.acceptedBy})</span> : null}
                  </td>
                  <td>
                    {i.sentOn}
                    {i.invitedBy ? <span className="muted"> · {i.invitedBy}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
