import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { ensureTwoFactorKey } from "../../scripts/server/ensure-services";

const saved = process.env.TWO_FACTOR_KEY;
afterEach(() => {
  if (saved === undefined) delete process.env.TWO_FACTOR_KEY;
  else process.env.TWO_FACTOR_KEY = saved;
});

test("a single-machine install makes its two-factor key once, mode 600, and keeps it across starts", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tp-2fa-key-"));
  delete process.env.TWO_FACTOR_KEY;
  ensureTwoFactorKey(root);
  const first = process.env.TWO_FACTOR_KEY;
  expect(first).toMatch(/^[0-9a-f]{64}$/);
  expect(fs.statSync(path.join(root, "two-factor-key")).mode & 0o777).toBe(0o600);
  delete process.env.TWO_FACTOR_KEY;
  ensureTwoFactorKey(root);
  expect(process.env.TWO_FACTOR_KEY).toBe(first);
  fs.rmSync(root, { recursive: true, force: true });
});

test("a key given by the environment is used as it is and nothing is written", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tp-2fa-key-"));
  process.env.TWO_FACTOR_KEY = "ab".repeat(32);
  ensureTwoFactorKey(root);
  expect(process.env.TWO_FACTOR_KEY).toBe("ab".repeat(32));
  expect(fs.existsSync(path.join(root, "two-factor-key"))).toBe(false);
  fs.rmSync(root, { recursive: true, force: true });
});
