import { describe, expect, test } from "vitest";
import { passwordProblem } from "~/models/account/password-policy.server";

describe("password policy", () => {
  test("short, common and personal passwords are refused with a reason", () => {
    expect(passwordProblem("short")).toBe("signup.errors.passwordShort");
    expect(passwordProblem("1234567890")).toBe("signup.errors.passwordCommon");
    expect(passwordProblem("qwertyuiop")).toBe("signup.errors.passwordCommon");
    expect(passwordProblem("PASSWORD123")).toBe("signup.errors.passwordCommon");
    expect(passwordProblem("aaaaaaaaaaaaa")).toBe("signup.errors.passwordCommon");
    expect(passwordProblem("kofi_mensah-rocks!", { username: "kofi_mensah" })).toBe("signup.errors.passwordPersonal");
    expect(passwordProblem("x".repeat(201))).toBe("signup.errors.passwordLong");
  });

  test("a long uncommon passphrase is accepted", () => {
    expect(passwordProblem("moments of truth in Lagos", { username: "ada", email: "ada@example.com" })).toBeNull();
  });
});
