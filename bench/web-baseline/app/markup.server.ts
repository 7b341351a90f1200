// The control for issue 13's web goal: VLX's own page markup rendered by the minimal app.
// bench/web.bench.ts saves the <body> of each measured VLX page (scripts removed) as
// MARKUP_DIR/<name>.html; this module parses it once (htmlparser2) and builds React elements from
// it on every render, as a page's components do, so React's server renderer does the same work
// for the same elements and text without any of VLX's loaders, layout logic or i18n.
import fs from "node:fs";
import path from "node:path";
import { createElement, type ReactNode } from "react";
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";

// HTML attribute names React spells differently (only the ones VLX's pages use).
const PROPS: Record<string, string> = {
  class: "className",
  for: "htmlFor",
  tabindex: "tabIndex",
  readonly: "readOnly",
  maxlength: "maxLength",
  minlength: "minLength",
  colspan: "colSpan",
  rowspan: "rowSpan",
  autocomplete: "autoComplete",
  enctype: "encType",
  crossorigin: "crossOrigin",
  charset: "charSet",
  "http-equiv": "httpEquiv",
  srcset: "srcSet",
  viewbox: "viewBox",
  novalidate: "noValidate",
  inputmode: "inputMode",
  datetime: "dateTime",
  accesskey: "accessKey",
  "stroke-width": "strokeWidth",
  "text-anchor": "textAnchor",
  "font-size": "fontSize",
  "fill-opacity": "fillOpacity",
};

function styleObject(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const decl of s.split(";")) {
    const i = decl.indexOf(":");
    if (i < 0) continue;
    const name = decl.slice(0, i).trim();
    const key = name.startsWith("--") ? name : name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    out[key] = decl.slice(i + 1).trim();
  }
  return out;
}

function toReact(nodes: ChildNode[]): ReactNode[] {
  const out: ReactNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.type === "text") out.push(n.data);
    else if (n.type === "tag" || n.type === "style") {
      const el = n as Element;
      const props: Record<string, unknown> = { key: i };
      for (const [k, v] of Object.entries(el.attribs)) {
        if (k === "style") props.style = styleObject(v);
        else if (k === "value" || k === "checked" || k === "selected")
          props[k === "value" ? "defaultValue" : k === "checked" ? "defaultChecked" : k] = k === "value" ? v : true;
        else props[PROPS[k] ?? k] = v;
      }
      if (el.name === "style" || el.name === "textarea") {
        const text = el.children.map((c) => (c.type === "text" ? c.data : "")).join("");
        if (el.name === "style") props.dangerouslySetInnerHTML = { __html: text };
        else props.defaultValue = text;
        out.push(createElement(el.name, props));
      } else {
        out.push(createElement(el.name, props, ...toReact(el.children)));
      }
    }
    // comments, scripts and directives are left out
  }
  return out;
}

const parsed = new Map<string, ChildNode[]>();

/** The saved body of VLX page `name` as fresh React elements, or null when the bench saved none. */
export function markupOf(name: string): ReactNode[] | null {
  const dir = process.env.MARKUP_DIR;
  if (!dir || !/^[a-z0-9-]+$/.test(name)) return null;
  let nodes = parsed.get(name);
  if (!nodes) {
    const file = path.join(dir, `${name}.html`);
    if (!fs.existsSync(file)) return null;
    nodes = parseDocument(fs.readFileSync(file, "utf8")).children;
    parsed.set(name, nodes);
  }
  return toReact(nodes);
}
