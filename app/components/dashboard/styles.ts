/** The dashboard/attendance/certificate stylesheet, linked by each issue-6 route. */
import type { LinksFunction } from "@remix-run/node";
import dashboardCss from "./dashboard.css";

export const dashboardLinks: LinksFunction = () => [{ rel: "stylesheet", href: dashboardCss }];
