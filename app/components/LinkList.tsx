import type { ReactNode } from "react";
import { Link } from "@remix-run/react";

/** One entry of a LinkList: where it goes, its text, and what follows the link in the item. */
export type LinkListItem = {
  key: string | number;
  /** An app path, with the query or fragment that filters or places the page it opens. */
  to: string;
  label: ReactNode;
  /** A file to save (a CSV export): a plain `<a download>`, not a client-side navigation. */
  download?: boolean;
  /** Text after the link in the same item (" · village, country · 2 late"). */
  after?: ReactNode;
};

/**
 * A list of links to filtered pages, files or records, each optionally followed by a few words:
 * the dashboard's CSV exports with its filters, the pilot strand's late and due projects, the
 * pilot overview's ex post measures due. A plain `<ul>` (class `className`): works without
 * JavaScript.
 */
export function LinkList({ items, className }: { items: LinkListItem[]; className?: string }) {
  return (
    <ul className={className}>
      {items.map((i) => (
        <li key={i.key}>
          {i.download ? (
            <a href={i.to} download>
              {i.label}
            </a>
          ) : (
            <Link to={i.to}>{i.label}</Link>
          )}
          {i.after}
        </li>
      ))}
    </ul>
  );
}
