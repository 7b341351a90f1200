// Organizer: the mail the app has sent (or, with no SMTP server set, only recorded), newest first.
// Secret links (reset, claim, invitation, survey, feed) are masked before the text leaves the
// server: an organizer reading a live reset link could take the account over (issue 13, finding 5).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { remixI18n } from "~/i18n.server";
import { DELIVERY_STATES, type DeliveryState } from "~/domain/delivery-states";
import { kickMailWorker } from "~/mail.server";
import { listOutboxMessages, resendFailed } from "~/models/messages.server";
import { requireActor } from "~/session.server";
import { guard, idParam, readForm } from "~/utils/http.server";
import { maskSecretLinks, OUTBOX_MASK } from "~/utils/secret-links";
import { pageTitle } from "~/utils/page-title";

// same-origin, not no-referrer: links out never carry this page's address, and the page's own
// resend forms keep their Origin header (with no-referrer Chromium sends `Origin: null`, which the
// cross-site guard refuses with 403).
export const meta: MetaFunction = () => [{ name: "referrer", content: "same-origin" }];
export const handle = pageTitle("admin.outbox.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const fmt = new Intl.DateTimeFormat(lng, {
      calendar: "gregory",
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: actor.timeZone || "UTC",
      timeZoneName: "short",
    });
    const raw = new URL(request.url).searchParams.get("state");
    const state = DELIVERY_STATES.includes(raw as DeliveryState) ? (raw as DeliveryState) : null;
    const { messages, counts } = listOutboxMessages(actor, { state });
    const mails = messages.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      text: maskSecretLinks(m.text, OUTBOX_MASK),
      at: m.createdAt,
      when: fmt.format(new Date(m.createdAt)),
      state: m.state,
      attempts: m.attempts,
      error: m.error,
    }));
    return json({ mails, counts, state });
  });
}

/** Resend one failed message (`id`) or all failed ones (`all`): back in the queue, then delivered. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  return guard(async () => {
    const which = form.get("resend");
    const n = resendFailed(actor, which === "all" ? "all" : idParam(String(which ?? ""), "message"));
    void kickMailWorker(); // delivery after commit: the page shows it queued, then sent or failed
    return redirect(`/admin/outbox?resent=${n}`);
  });
}

/** Splits a mail body into text and links, so links can be followed with one click (masked secret links stay text). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre>
      {parts.map((p, i) =>
        i % 2 === 1 && !p.includes(OUTBOX_MASK) ? (
          <a key={i} href={p}>
            {p}
          </a>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </pre>
  );
}

export default function Outbox() {
  const { t } = useTranslation();
  const { mails, counts, state } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const resent = params.get("resent");
  return (
    <>
      <h1>{t("admin.outbox.title")}</h1>
      <p className="muted">{t("admin.outbox.lead")}</p>
      <p className="muted">{t("admin.outbox.secretsHidden")}</p>
      {resent !== null ? (
        <p className="alert alert-ok" role="status">
          {t("messages.outbox.resent", { count: Number(resent) || 0 })}
        </p>
      ) : null}
      <nav aria-label={t("messages.outbox.filter")}>
        <ul className="pill-list">
          <li>
            <Link to="/admin/outbox" aria-current={state ? undefined : "page"}>
              {t("messages.outbox.all")}
            </Link>
          </li>
          {DELIVERY_STATES.map((s) => (
            <li key={s}>
              <Link to={`/admin/outbox?state=${s}`} aria-current={state === s ? "page" : undefined}>
                {t(`messages.states.${s}`)} ({counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {counts.failed > 0 ? (
        <Form method="post" className="actions">
          <button type="submit" name="resend" value="all">
            {t("messages.outbox.resendAll", { count: counts.failed })}
          </button>
        </Form>
      ) : null}
      {mails.length === 0 ? <p>{t("common.noneYet")}</p> : null}
      <div className="stack">
        {mails.map((m) => (
          <article key={m.id} className="card mail" aria-labelledby={`mail-${m.id}`}>
            <h2 id={`mail-${m.id}`}>{m.subject}</h2>
            <dl className="facts">
              <dt>{t("common.to")}</dt>
              <dd>{m.to}</dd>
              <dt>{t("common.when")}</dt>
              <dd>
                <time dateTime={m.at}>{m.when}</time>
              </dd>
              <dt>{t("common.status")}</dt>
              <dd>
                <span className={`badge badge-${m.state}`}>{t(`messages.states.${m.state}`)}</span>
                {m.error ? <span> {t("admin.outbox.failed", { error: m.error })}</span> : null}
              </dd>
              <dt>{t("messages.outbox.attempts")}</dt>
              <dd>{m.attempts}</dd>
            </dl>
            {m.state === "failed" ? (
              <Form method="post" className="actions">
                <button type="submit" name="resend" value={m.id} className="btn-secondary btn-small">
                  {t("messages.outbox.resend")}
                </button>
              </Form>
            ) : null}
            <Linkified text={m.text} />
          </article>
        ))}
      </div>
    </>
  );
}
