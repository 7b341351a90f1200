import { formatList } from "~/domain/format";
import { useTranslation } from "react-i18next";
import type { DescribedApplication } from "~/models/applications/review.server";

/** Every field of an application as a definition list (values prepared by describeApplication). */
export function ApplicationFacts({ app }: { app: DescribedApplication }) {
  const { t, i18n } = useTranslation();
  const rows: [string, React.ReactNode][] = [
    [t("focal.fields.name"), app.name],
    [t("focal.fields.latin"), app.latin],
    [t("focal.fields.nameOrder"), t(`nameOrder.${app.nameOrder}`)],
    [t("focal.fields.email"), app.email],
    [t("focal.fields.gender"), app.gender ? t(`genders.${app.gender}`) : ""],
    [t("focal.fields.birthDate"), app.birthDate],
    [t("focal.fields.nationality"), app.nationality],
    [t("focal.fields.place"), app.place],
    [t("focal.fields.position"), [app.positionKind ? t(`positions.${app.positionKind}`) : "", app.position].filter(Boolean).join(": ")],
    [t("focal.fields.yearsInPosition"), app.yearsInPosition ?? ""],
    [
      t("focal.fields.languages"),
      formatList(
        app.languages.map((l) => `${l.name} (${t(`levels.${l.level}`)})`),
        i18n.language,
      ),
    ],
    [t("focal.fields.themes"), app.themes.map((th) => t(`themes.${th}`)).join(", ")],
    [t("focal.fields.preferredHosts"), app.preferredHostCountries.join(" › ")],
    [t("focal.fields.available"), app.available ? t("home.dates", app.available) : ""],
    [t("focal.fields.phone"), app.phone],
    [t("focal.fields.emergencyContact"), app.emergencyContact],
    [t("focal.fields.motivation"), app.motivation ? <span style={{ whiteSpace: "pre-wrap" }}>{app.motivation}</span> : ""],
  ];
  if (app.sensitive) {
    rows.push([t("focal.fields.dietaryNeeds"), app.sensitive.dietaryNeeds]);
    rows.push([t("focal.fields.accessibilityNeeds"), app.sensitive.accessibilityNeeds]);
  }
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd>{value === "" || value === null ? <span className="muted">–</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}
