/** The host pages' stylesheet, linked by each host/organizer route that uses these components. */
import type { LinksFunction } from "@remix-run/node";
import hostsCss from "./hosts.css";

export const hostsLinks: LinksFunction = () => [{ rel: "stylesheet", href: hostsCss }];
