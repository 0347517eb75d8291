import { describe, expect, test } from "vitest";
import { z } from "zod";
import { parseForm, refused } from "~/models/shared/forms.server";

const Schema = z
  .object({
    title: z.string().trim().min(1, "composer.errors.titleMissing").max(10, "composer.errors.titleLong"),
    body: z.string().max(20, "composer.errors.bodyLong"),
    password: z.string().min(1, "signup.errors.passwordShort"),
  })
  .refine((v) => v.body !== "taken", { path: ["body"], message: "composer.errors.taken", params: { limit: 3 } });

describe("the form kit", () => {
  test("an over-long field is refused with its sentence and echoed whole, never cut", () => {
    const long = "x".repeat(5_000);
    const parsed = parseForm(Schema, { title: long, body: "fine", password: "secret" });
    expect(parsed.ok).toBe(false);
    expect(parsed.values.title).toBe(long);
    expect(parsed.fields).toEqual({ title: "composer.errors.titleLong" });
    if (!parsed.ok) expect(parsed).toMatchObject({ formError: "form.fixErrors", errorValues: { count: 1 } });
  });

  test("passwords are never echoed; the first message per field is kept; a refinement's values travel with it", () => {
    const parsed = parseForm(Schema, { title: "", body: "fine", password: "" });
    expect(parsed.values).toEqual({ title: "", body: "fine" });
    expect(parsed.fields).toEqual({ title: "composer.errors.titleMissing", password: "signup.errors.passwordShort" });
    const again = parseForm(Schema, { title: "ok", body: "taken", password: "p" });
    expect(again.fields).toEqual({ body: "composer.errors.taken" });
    if (!again.ok) expect(again.fieldValues).toEqual({ body: { limit: 3 } });
  });

  test("a valid form gives the parsed data and the values as sent", () => {
    const parsed = parseForm(Schema, { title: "  hi ", body: "b", password: "p" });
    expect(parsed.ok && parsed.data.title).toBe("hi");
    expect(parsed.values.title).toBe("  hi ");
  });

  test("a model's refusal names the first problem and every field's message", () => {
    const error = Schema.safeParse({ title: "", body: "x".repeat(21), password: "p" }).error!;
    expect(refused(422, error)).toEqual({
      ok: false,
      status: 422,
      message: "composer.errors.titleMissing",
      fields: { title: "composer.errors.titleMissing", body: "composer.errors.bodyLong" },
      values: { count: 2 },
    });
    expect(refused(400, error, "form.fixErrors").message).toBe("form.fixErrors");
  });
});
