/** The GET form of /verify (issue 15): type the code printed on a certificate. Works without JavaScript. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/form";

export function VerifyForm({ code = "", error }: { code?: string; error?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action="/verify" className="stack">
      <div className="field">
        <label htmlFor="verify-code">{t("secretariat.verify.code")}</label>
        <p id="verify-code-hint" className="hint">
          {t("secretariat.verify.codeHint")}
        </p>
        <input
          id="verify-code"
          name="code"
          defaultValue={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={error ? "verify-code-hint verify-code-error" : "verify-code-hint"}
          aria-invalid={error || undefined}
        />
        <ErrorList id="verify-code-error" errors={error ? ["secretariat.verify.badCode"] : undefined} />
      </div>
      <div className="actions">
        <button type="submit">{t("secretariat.verify.check")}</button>
      </div>
    </Form>
  );
}
