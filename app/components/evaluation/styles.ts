/** The evaluation pages' stylesheet, linked by each evaluation route. */
import type { LinksFunction } from "@remix-run/node";
import css from "./evaluation.css";

export const evaluationLinks: LinksFunction = () => [{ rel: "stylesheet", href: css }];
