// Organizer: the mail the app has sent (or, with no SMTP server set, only recorded), newest first.
// Secret links (reset, claim, invitation, survey, feed) are masked before the text leaves the
// server: an organizer reading a live reset link could take the account over (issue 13, finding 5).
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { remixI18n } from "~/i18n.server";
import { listOutbox } from "~/models/accounts.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { maskSecretLinks, OUTBOX_MASK } from "~/utils/secret-links";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = () => [{ name: "referrer", content: "no-referrer" }];
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
    const mails = listOutbox(actor).map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      text: maskSecretLinks(m.text, OUTBOX_MASK),
      at: m.createdAt,
      when: fmt.format(new Date(m.createdAt)),
      transport: m.transport,
      sent: !!m.sentAt,
      error: m.error,
    }));
    return json({ mails });
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
  const { mails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("admin.outbox.title")}</h1>
      <p className="muted">{t("admin.outbox.lead")}</p>
      <p className="muted">{t("admin.outbox.secretsHidden")}</p>
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
                {m.error
                  ? t("admin.outbox.failed", { error: m.error })
                  : m.transport === "log"
                    ? t("admin.outbox.recorded")
                    : m.sent
                      ? t("admin.outbox.sent")
                      : t("admin.outbox.sending")}
              </dd>
            </dl>
            <Linkified text={m.text} />
          </article>
        ))}
      </div>
    </>
  );
}
