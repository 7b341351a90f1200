// Issue 12 item 9: on a phone (360 px) the host's "Who is coming" list shows food needs, access
// needs, stay and status without sideways scrolling: below 40rem each row is a card whose cells
// carry their column's name.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ParticipantTable } from "~/components/hosts/ParticipantTable";
import { mediaBlock, readCss } from "../support/css";

const css = readCss("app/components/hosts/hosts.css");

describe("who is coming on a narrow screen", () => {
  it("labels every cell with its column, for the card layout", () => {
    const html = renderToStaticMarkup(
      createElement(ParticipantTable, {
        caption: "Who is coming",
        participants: [
          {
            placementId: 1,
            status: "accepted",
            name: "Nguyễn Thị Ánh",
            nameLatin: "Nguyen Thi Anh",
            country: "VN",
            gender: "female",
            languages: [{ code: "vi", level: "native" }],
            dietaryNeeds: "No beef",
            accessibilityNeeds: "Ground floor",
            arrivalOn: "2027-03-16",
            departureOn: "2027-03-20",
          },
        ],
      }),
    );
    const cells = html.match(/<td[^>]*>/g) ?? [];
    expect(cells).toHaveLength(8);
    for (const c of cells) expect(c).toMatch(/data-label="[^"]+"/);
    expect(html).toContain('class="coming-table"');
  });

  it("turns rows into cards below 40rem, with no sideways scrolling", () => {
    const block = mediaBlock(css, "(max-width: 39.99rem)");
    expect(block).toMatch(/\.coming-table, \.coming-table tbody, \.coming-table tr, \.coming-table td \{ display: block; width: 100%; \}/);
    expect(block).toMatch(/\.table-wrap\.coming-wrap \{ overflow-x: visible; \}/);
    expect(block).toMatch(/td\[data-label\]::before \{ content: attr\(data-label\)/);
  });
});
