/**
 * conform's `parseWithZod` with VLX's zod error map (./zod-errors) installed: every form that
 * validates with zod in the browser imports it from here, so the error map reaches exactly the pages
 * that carry zod, and pages validated only on the server carry none (issue 14 script budget).
 */
import "./zod-errors";

export { parseWithZod } from "@conform-to/zod/v4";
