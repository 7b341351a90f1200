/** The placement pages' stylesheet, linked by the board, the placement and the offer pages. */
import type { LinksFunction } from "@remix-run/node";
import placementCss from "./placement.css";

export const placementLinks: LinksFunction = () => [{ rel: "stylesheet", href: placementCss }];
