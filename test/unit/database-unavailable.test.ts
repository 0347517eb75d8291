// Which database errors mean "PostgreSQL is out of reach right now" (a 503 page, the app recovers)
// and which are bugs (a 500): the fault test found a stopped server reached through its Unix socket
// answering 500, because that connect error is ENOENT, not ECONNREFUSED.
import { describe, expect, test } from "vitest";
import { isDatabaseUnavailable } from "~/db.server";

const err = (props: Record<string, unknown>, message = "boom") => Object.assign(new Error(message), props);

describe("isDatabaseUnavailable", () => {
  test("connection failures over TCP and over the Unix socket, and server shutdown codes", () => {
    expect(isDatabaseUnavailable(err({ code: "ECONNREFUSED", syscall: "connect" }))).toBe(true);
    expect(
      isDatabaseUnavailable(err({ code: "ENOENT", syscall: "connect", address: "/data/postgres/.s.PGSQL.5432" })),
    ).toBe(true);
    expect(isDatabaseUnavailable(err({ code: "57P01" }, "terminating connection due to administrator command"))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: err({ code: "ECONNRESET" }) }))).toBe(true);
  });

  test("bugs and bad data are not outages", () => {
    expect(isDatabaseUnavailable(err({ code: "42601" }, "syntax error at or near"))).toBe(false);
    expect(isDatabaseUnavailable(err({ code: "23505" }, "duplicate key value violates unique constraint"))).toBe(false);
    // a missing file elsewhere (an upload, a template) is not the database
    expect(isDatabaseUnavailable(err({ code: "ENOENT", syscall: "open", path: "/uploads/x.webp" }))).toBe(false);
  });
});
