/**
 * Server-only HTML for read-only parts of a page (issue 14 script budget): a component rendered
 * once on the server, in the reader's language, and handed to the page as a string
 * (`dangerouslySetInnerHTML`), so the browser downloads none of its code. Such parts use plain
 * `<a>` and `<form method="post">` (no router in this render): they work without JavaScript and,
 * with it, as ordinary page loads.
 */
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "~/i18n.server";

/** `node` as HTML, with `useTranslation()` inside it answering in `lng` (a supported tag, else English). */
export function staticMarkup(node: ReactNode, lng: string): string {
  return renderToStaticMarkup(<I18nextProvider i18n={i18nFor(lng)}>{node}</I18nextProvider>);
}
