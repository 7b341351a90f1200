/**
 * A host site's name in the reader's language (issue 11), as a loader picked it with `siteNames`
 * (app/domain/local-text.ts): the shown name with its `lang` and, when that is not the name in the
 * local script, the local name after it (what road signs say), also with its own `lang`.
 */
import type { Shown } from "~/domain/local-text";

export function SiteName({ names, localClassName = "muted" }: { names: { name: Shown; local: Shown | null }; localClassName?: string }) {
  return (
    <>
      <span lang={names.name.lang}>{names.name.text}</span>
      {names.local ? (
        <span className={localClassName}>
          {" "}
          (<span lang={names.local.lang}>{names.local.text}</span>)
        </span>
      ) : null}
    </>
  );
}
