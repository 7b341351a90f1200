// Issue 12 (new user's fixes) item 7: the training status card offers "Mark as held" only for a
// session that has started.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { StatusForms } from "~/components/training/StatusForms";

function render(started: boolean) {
  const router = createMemoryRouter([{ path: "/", element: createElement(StatusForms, { status: "scheduled", started }) }]);
  return renderToStaticMarkup(createElement(RouterProvider, { router }));
}

describe("training status forms", () => {
  it("hide Mark as held before the session starts", () => {
    expect(render(false)).not.toContain('value="held"');
    expect(render(false)).toContain('value="cancelled"');
    expect(render(true)).toContain('value="held"');
  });
});
