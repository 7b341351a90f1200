// E-mail templates (issue 15, item 5): validation refuses what mustache would run or cannot parse,
// the plain text is not escaped, the HTML body escapes both the template's text and the values.
import { describe, expect, it } from "vitest";
import { MAIL_KINDS, renderHtmlBody, renderSubject, renderText, validateTemplate } from "~/domain/mail-templates";

describe("validateTemplate", () => {
  const vars = MAIL_KINDS.status.vars;
  it("accepts the kind's variables and sections on them", () => {
    expect(validateTemplate("Dear {{name}}, {{#reason}}({{reason}}){{/reason}} {{link}}", vars)).toEqual([]);
  });
  it("refuses unknown variables, once each", () => {
    expect(validateTemplate("{{nme}} {{nme}} {{#x}}{{/x}}", vars)).toEqual([
      { code: "unknownVariable", name: "nme" },
      { code: "unknownVariable", name: "x" },
    ]);
  });
  it("refuses broken syntax, unescaped output, partials and delimiter changes", () => {
    expect(validateTemplate("{{#name}} open", vars)).toEqual([{ code: "syntax" }]);
    expect(validateTemplate("{{name", vars)).toEqual([{ code: "syntax" }]);
    expect(validateTemplate("{{{link}}}", vars)).toEqual([{ code: "notAllowed", tag: "{{{link}}}" }]);
    expect(validateTemplate("{{> footer}}", vars)[0]?.code).toBe("notAllowed");
    expect(validateTemplate("{{=<% %>=}}", vars)[0]?.code).toBe("notAllowed");
  });
});

describe("rendering", () => {
  const values = { name: "Ánh <b>&</b>", link: "https://vlx.example.org/a?x=1&y=2" };
  it("plain text keeps values as typed; the subject is one line", () => {
    expect(renderText("Dear {{name}}\n{{link}}", values)).toBe("Dear Ánh <b>&</b>\nhttps://vlx.example.org/a?x=1&y=2");
    expect(renderSubject("Hi\n{{name}}", { name: "A\nB" })).toBe("Hi A B");
  });
  it("HTML escapes values and the template's own text, with paragraphs and links", () => {
    const html = renderHtmlBody("Dear {{name}} <3\n\nOpen {{link}}", values);
    expect(html).toBe(
      '<p>Dear Ánh &lt;b&gt;&amp;&lt;/b&gt; &lt;3</p>\n<p>Open <a href="https://vlx.example.org/a?x=1&amp;y=2">https://vlx.example.org/a?x=1&amp;y=2</a></p>',
    );
  });
});
