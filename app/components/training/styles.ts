/** The training pages' stylesheet, linked by each route that shows a schedule or an itinerary. */
import type { LinksFunction } from "@remix-run/node";
import trainingCss from "./training.css";

export const trainingLinks: LinksFunction = () => [{ rel: "stylesheet", href: trainingCss }];
