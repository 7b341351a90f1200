import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvCache } from "~/env.server";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe("environment", () => {
  it("requires SESSION_SECRET in production", () => {
    process.env.NODE_ENV = "production";
    process.env.APP_URL = "https://vlx.example.org";
    delete process.env.SESSION_SECRET;
    resetEnvCache();
    expect(() => getEnv()).toThrow(/SESSION_SECRET: required in production/);
  });

  it("generates a secret for local runs and keeps it in the data folder", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-env-"));
    process.env.NODE_ENV = "development";
    delete process.env.SESSION_SECRET;
    process.env.DATABASE_PATH = path.join(dir, "vlx.sqlite");
    resetEnvCache();
    const first = getEnv().sessionSecret;
    resetEnvCache();
    expect(getEnv().sessionSecret).toBe(first);
    expect(fs.readFileSync(path.join(dir, "session-secret"), "utf8")).toBe(first);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("lets `npm start` run on a laptop in production mode (APP_URL unset): generated secret, demo seed", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vlx-env-"));
    process.env.NODE_ENV = "production";
    delete process.env.SESSION_SECRET;
    delete process.env.APP_URL;
    delete process.env.SEED_DEMO;
    process.env.DATABASE_PATH = path.join(dir, "vlx.sqlite");
    resetEnvCache();
    const env = getEnv();
    expect(env.local).toBe(true);
    expect(env.seedDemo).toBe(true);
    expect(env.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it("lists every bad variable", () => {
    process.env.PORT = "not-a-port";
    process.env.APP_URL = "nope";
    resetEnvCache();
    expect(() => getEnv()).toThrow(/PORT[\s\S]*APP_URL|APP_URL[\s\S]*PORT/);
  });

  it("makes cookies Secure under an https APP_URL", () => {
    process.env.APP_URL = "https://vlx.example.org";
    resetEnvCache();
    expect(getEnv().secureCookies).toBe(true);
  });
});
