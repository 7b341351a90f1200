// Running VLX for years (issue 13, data safety and serving), against the built server:
// - /healthz and /readyz; /readyz fails (503) and writes answer 503 once the database file is made
//   read-only or removed, never a 500 or a silent new database;
// - `npm run backup` (build/backup.js) while the server runs, then `npm run restore` (build/restore.js)
//   into a stopped deployment, and the restored server finds the data;
// - SIGTERM to the process `npm start` runs (node scripts/start.mjs, exec'd by npm) stops the server
//   within 10 s: readiness is its "VLX is serving" line, never a sleep.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { startServer } from "../support/e2e";

const run = promisify(execFile);

const form = (f: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(f),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  redirect: "manual" as const,
});
const signUpForm = (email: string) => form({ displayName: "Vilayphone", email, password: "a-long-password", passwordConfirm: "a-long-password" });

describe("health and the database file", () => {
  it("/readyz fails and writes answer 503 when the file turns read-only, recovers, then fails again when it is removed", async () => {
    const server = await startServer();
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ok: true, checks: { database: "ok", file: "ok", writable: "ok", migrations: "ok" } });

      fs.chmodSync(server.dbPath, 0o444);
      const ro = await fetch(`${server.url}/readyz`);
      expect(ro.status).toBe(503);
      expect((await ro.json()).checks.file).toBe("read-only");
      const refused = await fetch(`${server.url}/signup`, signUpForm("ro@example.org"));
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBeTruthy();

      fs.chmodSync(server.dbPath, 0o644);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${server.url}/signup`, signUpForm("rw@example.org"))).status).toBe(302);

      for (const f of [server.dbPath, `${server.dbPath}-wal`, `${server.dbPath}-shm`]) fs.rmSync(f, { force: true });
      const gone = await fetch(`${server.url}/readyz`);
      expect(gone.status).toBe(503);
      expect((await gone.json()).checks.file).toBe("missing");
      expect((await fetch(`${server.url}/signup`, signUpForm("lost@example.org"))).status).toBe(503);
      expect(fs.existsSync(server.dbPath), "no silent new database").toBe(false);
      // Reading pages still works from the open handle; the process stays up for the operator.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe("kept-alive connections", () => {
  it("stay open longer than a reverse proxy keeps them (65 s, not Node's 5 s), so a reused one is not reset", async () => {
    const server = await startServer();
    try {
      // Node announces its keepAliveTimeout in every kept-alive answer.
      const header = await new Promise<string | undefined>((resolve, reject) =>
        http
          .get(`${server.url}/healthz`, { agent: new http.Agent({ keepAlive: true }) }, (res) => {
            res.resume();
            resolve(String(res.headers["keep-alive"]));
          })
          .on("error", reject),
      );
      expect(header).toBe("timeout=65");
    } finally {
      await server.stop();
    }
  });
});

describe("start-up checks", () => {
  it("a read-only database file stops the start with one clear line (exit 1), not a 500 on the first write", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-ro-"));
    const file = path.join(dir, "vlx.sqlite");
    const first = await startServer({ DATABASE_PATH: file, SEED_DEMO: "false" });
    await first.stop();
    fs.chmodSync(file, 0o444);
    try {
      await expect(startServer({ DATABASE_PATH: file, SEED_DEMO: "false" })).rejects.toThrow(/VLX cannot start: the database file .* is read-only/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("backup and restore", () => {
  it("an online backup taken while serving, restored into a stopped deployment, holds the data", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-backup-"));
    const original = path.join(dir, "live", "vlx.sqlite");
    const backups = path.join(dir, "backups");
    const email = "kept.through.restore@example.org";
    const first = await startServer({ DATABASE_PATH: original, SEED_DEMO: "false" });
    let port = first.port;
    try {
      expect((await fetch(`${first.url}/signup`, signUpForm(email))).status).toBe(302);
      const out = await run(process.execPath, ["build/backup.js"], {
        env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: original, BACKUP_DIR: backups, PORT: String(port) },
      });
      expect(out.stdout).toMatch(/verified with integrity_check/);
    } finally {
      await first.stop();
    }
    const files = fs.readdirSync(backups).filter((f) => /^vlx-\d{8}-\d{6}(-\d+)?\.sqlite$/.test(f));
    expect(files).toHaveLength(1);

    // A new deployment (empty folder) restores the backup, then serves it.
    const restored = path.join(dir, "restored", "vlx.sqlite");
    const r = await run(process.execPath, ["build/restore.js", path.join(backups, files[0])], {
      env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: restored, PORT: String(port) },
    });
    expect(r.stdout).toMatch(/restore: .* -> /);
    const second = await startServer({ DATABASE_PATH: restored, SEED_DEMO: "false" });
    port = second.port;
    try {
      const login = await fetch(`${second.url}/login`, form({ email, password: "a-long-password" }));
      expect(login.status).toBe(302);
      // Restoring over a running deployment is refused.
      const busy = await run(process.execPath, ["build/restore.js", path.join(backups, files[0])], {
        env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: restored, PORT: String(port) },
      }).catch((e) => e as { code: number; stderr: string });
      expect((busy as { code: number }).code).toBe(1);
      expect((busy as { stderr: string }).stderr).toMatch(/server is running/);
    } finally {
      await second.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm start", () => {
  it.each([
    ["node scripts/start.mjs", process.execPath, ["scripts/start.mjs"]],
    ["npm start", "npm", ["start", "--silent"]],
  ])("SIGTERM to the process of %s stops the server within 10 s", async (_label, command, args) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-start-"));
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const child = spawn(command, args, {
      env: {
        ...process.env,
        PORT: String(port),
        APP_URL: `http://127.0.0.1:${port}`,
        DATABASE_PATH: path.join(dir, "vlx.sqlite"),
        SEED_DEMO: "false",
        VLX_LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    try {
      await new Promise<void>((resolve, reject) => {
        const check = () => out.includes("VLX is serving") && resolve();
        child.stdout.on("data", check);
        exited.then(() => reject(new Error(`start.mjs exited before serving:\n${out}`)));
      });
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      // The one process a process manager knows (npm forwards the signal to start.mjs, which runs
      // the server in-process): no process group, no child to chase.
      const sent = Date.now();
      child.kill("SIGTERM");
      const { code } = await exited;
      expect(Date.now() - sent).toBeLessThan(10_000);
      expect(code).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
