// The minimal app's server: Express with Remix's request handler in production mode, as in Remix's
// own Express template. PORT and BASELINE_DB come from bench/web.bench.ts.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import express from "express";

const here = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(here, "build/index.js"));
const app = express();
app.disable("x-powered-by");
app.use("/build", express.static(path.join(here, "public/build"), { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
const port = Number(process.env.PORT ?? 3100);
app.listen(port, () => console.log(`baseline serving on http://localhost:${port}`));
