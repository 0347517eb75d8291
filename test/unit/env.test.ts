import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "~/env.server";

const base = { DATABASE_URL: "postgres://u:p@localhost:5432/tp" };

describe("configuration", () => {
  test("a bad value stops start-up with one sentence naming the variable", () => {
    expect(() => parseEnv({ ...base, PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ ...base, PORT: "eighty" })).toThrow(
      /^Environment variable PORT is invalid: expected .*\(got "eighty"\)\.$/,
    );
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ ...base, SMTP_URL: "http://mail" })).toThrow(/SMTP_URL.*smtp:\/\//);
  });

  test("defaults: port 3000, Secure cookies only in production", () => {
    expect(parseEnv(base)).toMatchObject({ PORT: 3000, COOKIE_SECURE: false, APP_ORIGIN: "http://localhost:3000" });
    expect(parseEnv({ ...base, NODE_ENV: "production" }).COOKIE_SECURE).toBe(true);
    expect(parseEnv({ ...base, NODE_ENV: "production", COOKIE_SECURE: "false" }).COOKIE_SECURE).toBe(false);
  });

  test("empty values count as unset", () => {
    const env = parseEnv({ ...base, PORT: "", MEILI_URL: "" });
    expect(env.PORT).toBe(3000);
    expect(env.MEILI_URL).toBeUndefined();
  });
});
