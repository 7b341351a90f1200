// `npm start`: builds the app (remix build) and starts server.ts with tsx.
// The build is fast enough (a few seconds) that always rebuilding keeps start-up honest.
import { spawnSync, spawn } from "node:child_process";

const build = spawnSync("npx", ["remix", "build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn("npx", ["tsx", "server.ts"], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
