// Organizer: write an announcement (a default text plus optional per-language versions), choose a
// group of one edition, preview it (how many people, which of their languages have no version of
// their own, the message as the first of them reads it), then send: one queued message each.
// Lists what was sent. Works without JavaScript: "Preview" comes first, "Send" after it.
import crypto from "node:crypto";
import { getFormProps } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { TranslationsFieldset, nativeLanguageName } from "~/components/i18n/TranslationsFieldset";
import { countryName, memberCountries } from "~/domain/country-names";
import { formatDate } from "~/domain/dates";
import { announcementSchema } from "~/forms/messages";
import { parseWithZod } from "~/forms/parse";
import { useAppForm } from "~/forms/use-app-form";
import { remixI18n } from "~/i18n.server";
import { kickMailWorker } from "~/mail.server";
import { announcementChoices, listAnnouncements, previewAnnouncement, sendAnnouncement } from "~/models/messages.server";
import { requireActor } from "~/session.server";
import { guard, handleForm, readForm } from "~/utils/http.server";
import { pickField } from "~/domain/local-text";
import { pageTitle } from "~/utils/page-title";
import { APPLICATION_STATUSES } from "../../db/schema/programme";
import { ANNOUNCEMENT_GROUPS } from "../../db/schema/messages";

export const handle = pageTitle("messages.announcements.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const choices = announcementChoices(actor, lng);
    const sent = listAnnouncements(actor).map(({ editionTranslations, ...a }) => ({
      ...a,
      ...(({ text, lang }) => ({ editionName: text, editionLang: lang }))(pickField(a.editionName ?? "", editionTranslations, "name", lng)),
      country: a.countryCode ? countryName(a.countryCode, lng) : "",
      on: formatDate(a.createdAt.slice(0, 10), lng),
    }));
    return json({
      ...choices,
      visits: choices.visits.map((v) => ({ id: v.id, editionId: v.editionId, label: `${v.title} · ${formatDate(v.arrivalOn, lng)}`, lang: v.lang })),
      countries: memberCountries(lng),
      sent,
      requestKey: crypto.randomUUID(),
    });
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(() => {
    announcementChoices(actor); // 404 for anyone but an organizer
    return handleForm(form, announcementSchema, (v) => {
      const group = { groupType: v.groupType, editionId: v.editionId, countryCode: v.countryCode, visitId: v.visitId, status: v.status };
      const text = { subject: v.subject, body: v.body, tr: v.tr };
      if (v.intent === "preview") {
        const preview = previewAnnouncement(actor, group, text);
        return json({ preview, values: v });
      }
      const sent = sendAnnouncement(actor, group, text, v.requestKey);
      void kickMailWorker(); // delivery after commit; the outbox shows each message's state
      return redirect(`/admin/announcements?sent=${sent.count}`);
    });
  });
}

// The hint names template variables in mustache syntax: handed to i18next as values so they show as
// written (left unresolved, the browser's i18next blanks them while the server's keeps them).
const MUSTACHE_NAMES = { name: "{{name}}", edition: "{{edition}}" };

export default function Announcements() {
  const { t } = useTranslation();
  const { editions, visits, countries, sent, requestKey } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const previewed = data && "preview" in data ? data : null;
  const lastResult = data && !("preview" in data) ? data : undefined;
  const values = previewed?.values;
  const [form, fields] = useAppForm({
    id: "announcement",
    lastResult,
    // The translations are shown by TranslationsFieldset from `values.tr`, not through conform.
    defaultValue: values
      ? { ...values, tr: undefined, editionId: String(values.editionId), visitId: values.visitId ? String(values.visitId) : "" }
      : { requestKey, groupType: "edition" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: announcementSchema }),
    shouldRevalidate: "onInput",
  });
  const sentCount = params.get("sent");
  const editionName = new Map(editions.map((e) => [e.id, e.name]));
  return (
    <>
      <p>
        <Link to="/admin/messages">← {t("messages.templates.title")}</Link>
      </p>
      <h1>{t("messages.announcements.title")}</h1>
      <p className="muted">{t("messages.announcements.lead")}</p>
      {sentCount !== null ? (
        <p className="alert alert-ok" role="status">
          {t("messages.announcements.sent", { count: Number(sentCount) || 0 })} <Link to="/admin/outbox">{t("admin.nav.outbox")}</Link>
        </p>
      ) : null}
      <section className="card" aria-labelledby="announcement-new">
        <h2 id="announcement-new">{t("messages.announcements.new")}</h2>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="requestKey" value={(fields.requestKey.initialValue as string | undefined) ?? requestKey} />
          <fieldset className="stack">
            <legend>{t("messages.announcements.group")}</legend>
            <SelectField
              field={fields.editionId}
              label={t("messages.announcements.edition")}
              options={editions.map((e) => ({ value: String(e.id), label: e.name, lang: e.lang }))}
              required
            />
            <SelectField
              field={fields.groupType}
              label={t("messages.announcements.who")}
              options={ANNOUNCEMENT_GROUPS.map((g) => ({ value: g, label: t(`messages.groups.${g}`) }))}
              required
            />
            <SelectField
              field={fields.countryCode}
              label={t("messages.announcements.country")}
              hint={t("messages.announcements.countryHint")}
              placeholder="—"
              options={countries.map((c) => ({ value: c.code, label: c.name }))}
            />
            <SelectField
              field={fields.visitId}
              label={t("messages.announcements.visit")}
              hint={t("messages.announcements.visitHint")}
              placeholder="—"
              options={visits.map((v) => ({ value: String(v.id), label: `${editionName.get(v.editionId) ?? ""} · ${v.label}`, lang: v.lang }))}
            />
            <SelectField
              field={fields.status}
              label={t("messages.announcements.status")}
              hint={t("messages.announcements.statusHint")}
              placeholder="—"
              options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            />
          </fieldset>
          <TextField field={fields.subject} label={t("messages.announcements.subject")} required />
          <TextAreaField
            field={fields.body}
            label={t("messages.announcements.body")}
            hint={t("messages.announcements.bodyHint", MUSTACHE_NAMES)}
            rows={8}
            required
          />
          <TranslationsFieldset
            field="subject"
            label={t("messages.announcements.subject")}
            values={values?.tr?.subject}
            errors={form.allErrors}
            formId={form.id}
          />
          <TranslationsFieldset
            field="body"
            label={t("messages.announcements.body")}
            values={values?.tr?.body}
            errors={form.allErrors}
            formId={form.id}
            multiline
          />
          {previewed ? (
            <section className="card" aria-labelledby="announcement-preview">
              <h2 id="announcement-preview">{t("messages.announcements.previewTitle")}</h2>
              <p>
                <strong>{t("messages.announcements.recipients", { count: previewed.preview.count })}</strong>
              </p>
              {previewed.preview.missing.length ? (
                <div className="alert alert-warn">
                  <p>{t("messages.announcements.missing")}</p>
                  <ul>
                    {previewed.preview.missing.map((m) => (
                      <li key={m.lng}>
                        <span lang={m.lng}>{nativeLanguageName(m.lng)}</span> ({t("messages.announcements.people", { count: m.count })})
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="muted">{t("messages.announcements.noneMissing")}</p>
              )}
              {previewed.preview.preview.to ? <p className="muted">{t("messages.announcements.previewFor", { to: previewed.preview.preview.to })}</p> : null}
              <div className="mail" lang={previewed.preview.preview.lang}>
                <p>
                  <strong>{previewed.preview.preview.subject}</strong>
                </p>
                <pre>{previewed.preview.preview.text}</pre>
              </div>
            </section>
          ) : null}
          <div className="actions">
            <button type="submit" name="intent" value="preview" className={previewed ? "btn-secondary" : undefined}>
              {t("messages.announcements.preview")}
            </button>
            {previewed && previewed.preview.count > 0 ? (
              <button type="submit" name="intent" value="send">
                {t("messages.announcements.send", { count: previewed.preview.count })}
              </button>
            ) : null}
          </div>
        </Form>
      </section>
      <h2>{t("messages.announcements.list")}</h2>
      {sent.length === 0 ? (
        <p>{t("common.noneYet")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("messages.announcements.list")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("messages.announcements.subject")}</th>
                <th scope="col">{t("messages.announcements.group")}</th>
                <th scope="col">{t("messages.announcements.delivery")}</th>
                <th scope="col">{t("common.when")}</th>
              </tr>
            </thead>
            <tbody>
              {sent.map((a) => (
                <tr key={a.id}>
                  <td style={{ overflowWrap: "anywhere" }}>{a.subject}</td>
                  <td>
                    <span lang={a.editionLang}>{a.editionName}</span> · {t(`messages.groups.${a.groupType}`)}
                    {a.country ? ` · ${a.country}` : ""}
                    {a.status ? ` · ${t(`statuses.${a.status}`)}` : ""}
                  </td>
                  <td>
                    {t("messages.announcements.tally", { count: a.recipientCount, sent: a.sent, failed: a.failed })}
                    {a.failed ? (
                      <>
                        {" "}
                        <Link to="/admin/outbox?state=failed">{t("messages.outbox.seeFailed")}</Link>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {a.on}
                    {a.by ? <span className="muted"> · {a.by}</span> : null}
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
