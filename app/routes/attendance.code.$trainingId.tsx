// The rotating self check-in code of a training (issue 6), shown by the trainer or host on a
// screen or phone. With JavaScript the code is refreshed every 20 s in place; without it, the
// "refresh automatically" mode (?auto=1, a meta refresh every 20 s) does the same. The refresh
// is the user's choice (WCAG 2.2.1: a page must not reload itself unasked; axe "meta-refresh").
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { dashboardLinks } from "~/components/dashboard/styles";
import { LocalTextIn } from "~/components/i18n/LocalTextIn";
import { pickField } from "~/domain/local-text";
import { remixI18n } from "~/i18n.server";
import { currentCheckInCode } from "~/models/tracking.server";
import { requireActor } from "~/session.server";
import { guard } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = ({ location }) => [...(new URLSearchParams(location.search).get("auto") ? [{ httpEquiv: "refresh", content: "20" }] : [])];
export const handle = pageTitle((t, d) => t("tracking.code.title", { title: d.title }));
export const links = dashboardLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const lng = await remixI18n.getLocale(request);
  return guard(() => {
    const c = currentCheckInCode(actor, Number(params.trainingId));
    const title = pickField(c.training.title, c.training.translations, "title", lng);
    return json(
      { trainingId: c.training.id, title: title.text, titleLang: title.lang, code: c.code, rotatesAt: c.rotatesAt },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

export default function CheckInCode() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const auto = !!params.get("auto");
  const revalidator = useRevalidator();
  useEffect(() => {
    const id = setInterval(() => revalidator.revalidate(), 20_000);
    return () => clearInterval(id);
  }, [revalidator]);
  return (
    <section>
      <h1>
        <LocalTextIn i18nKey="tracking.code.title" name="title" value={{ text: data.title, lang: data.titleLang }} />
      </h1>
      <p>{t("tracking.code.instructions")}</p>
      <p className="code-display" aria-label={t("tracking.code.label", { code: data.code.split("").join(" ") })}>
        {data.code.slice(0, 3)} {data.code.slice(3)}
      </p>
      <p className="muted">{t("tracking.code.rotates")}</p>
      <p>
        {auto ? (
          <Link to={`/attendance/code/${data.trainingId}`}>{t("tracking.code.stopAuto")}</Link>
        ) : (
          <Link to={`/attendance/code/${data.trainingId}?auto=1`}>{t("tracking.code.auto")}</Link>
        )}
      </p>
      <p>
        <Link to={`/attendance/training/${data.trainingId}`}>{t("tracking.code.back")}</Link>
      </p>
    </section>
  );
}
