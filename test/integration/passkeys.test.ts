// Passkeys as a second factor, server side: real @simplewebauthn/server verification against a
// software authenticator's real ES256 signatures, on the real PostgreSQL.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import {
  addPasskey,
  completeSecondStepWithPasskey,
  registrationOptions,
  relyingParty,
  removePasskey,
  signInOptions,
} from "~/models/account/passkeys.server";
import { startSecondStep } from "~/models/account/two-factor-sign-in.server";
import { startSession } from "~/auth.server";
import { getViewer } from "~/viewer.server";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { softwareAuthenticator } from "../setup/passkey-authenticator";

const { origin } = relyingParty();

async function enrol(user: { id: number; username: string }) {
  const key = softwareAuthenticator();
  const options = await registrationOptions({ userId: user.id, username: user.username });
  const added = await addPasskey({
    userId: user.id,
    name: "Laptop",
    response: JSON.stringify(key.register(options, origin)),
  });
  expect(added.ok).toBe(true);
  return key;
}

/** The password was right: a pending sign-in, as the browser would carry it. */
async function pending(userId: number, redirectTo = "/my/bookmarks") {
  const setCookie = await startSecondStep({ userId, redirectTo });
  expect(setCookie).toBeTruthy();
  return new Request("http://localhost/login/two-factor", { headers: { Cookie: setCookie!.split(";")[0] } });
}

const keyRow = (userId: number) =>
  db.selectFrom("passkeys").selectAll().where("user_id", "=", userId).executeTakeFirstOrThrow();
const actions = async (userId: number) =>
  (
    await db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", String(userId))
      .where("action", "like", "user.passkey%")
      .orderBy("id")
      .execute()
  ).map((r) => r.action);

describe("adding a passkey", () => {
  test("stores the credential, audits it; the challenge works once", async () => {
    const user = await createUser({ username: "pk_add" });
    const key = softwareAuthenticator();
    const options = await registrationOptions({ userId: user.id, username: user.username });
    expect(options.rp.id).toBe(new URL(origin).hostname);
    const response = JSON.stringify(key.register(options, origin));
    expect(await addPasskey({ userId: user.id, name: "Laptop", response })).toMatchObject({ ok: true });
    const row = await keyRow(user.id);
    expect(row).toMatchObject({ credential_id: key.id, counter: 0, transports: ["internal"], name: "Laptop" });
    expect(row.public_key.length).toBeGreaterThan(60);
    expect(await actions(user.id)).toEqual(["user.passkey_added"]);
    // the same answer again: its challenge is gone
    expect(await addPasskey({ userId: user.id, name: "Again", response })).toMatchObject({
      ok: false,
      message: "passkeys.errors.expired",
    });
  });

  test("refuses an answer made for another origin, and for another member's challenge", async () => {
    const user = await createUser({ username: "pk_origin" });
    const other = await createUser({ username: "pk_origin_other" });
    const options = await registrationOptions({ userId: user.id, username: user.username });
    const evil = JSON.stringify(softwareAuthenticator().register(options, "https://evil.example"));
    expect(await addPasskey({ userId: user.id, name: "x", response: evil })).toMatchObject({
      ok: false,
      message: "passkeys.errors.failed",
    });
    const theirs = await registrationOptions({ userId: other.id, username: other.username });
    const stolen = JSON.stringify(softwareAuthenticator().register(theirs, origin));
    expect(await addPasskey({ userId: user.id, name: "x", response: stolen })).toMatchObject({
      ok: false,
      message: "passkeys.errors.expired",
    });
    expect(await addPasskey({ userId: user.id, name: "x", response: "{not json" })).toMatchObject({ ok: false });
    expect(await db.selectFrom("passkeys").select("id").where("user_id", "=", user.id).execute()).toEqual([]);
  });

  test("asking again and again keeps a few open challenges, not one row per ask", async () => {
    const user = await createUser({ username: "pk_many" });
    for (let i = 0; i < 12; i++) await registrationOptions({ userId: user.id, username: user.username });
    const open = await db.selectFrom("passkey_challenges").select("challenge").where("user_id", "=", user.id).execute();
    expect(open).toHaveLength(5);
  });
});

describe("signing in with a passkey", () => {
  test("completes the pending sign-in, updates the counter; the answer works once", async () => {
    const user = await createUser({ username: "pk_login" });
    const key = await enrol(user);
    const request = await pending(user.id);
    const options = await signInOptions(request);
    expect(options?.allowCredentials?.map((c) => c.id)).toEqual([key.id]);
    expect(options?.userVerification).toBe("preferred");
    const response = JSON.stringify(key.authenticate(options!, origin));
    const done = await completeSecondStepWithPasskey({ request, response });
    expect(done).toMatchObject({ ok: true, userId: user.id, redirectTo: "/my/bookmarks" });
    const row = await keyRow(user.id);
    expect(row.counter).toBe(1);
    expect(row.last_used_at).toBeInstanceOf(Date);
    // replayed with a new pending sign-in: the challenge was used up
    const again = await completeSecondStepWithPasskey({ request: await pending(user.id), response });
    expect(again).toMatchObject({ ok: false, status: 401 });
    // and the next real use goes on counting
    const request2 = await pending(user.id);
    const next = key.authenticate((await signInOptions(request2))!, origin);
    expect(await completeSecondStepWithPasskey({ request: request2, response: JSON.stringify(next) })).toMatchObject({
      ok: true,
    });
    expect((await keyRow(user.id)).counter).toBe(2);
  });

  test("refuses a wrong origin, a cloned authenticator's old counter, and another member's key", async () => {
    const user = await createUser({ username: "pk_refuse" });
    const key = await enrol(user);
    const request = await pending(user.id);
    const evil = key.authenticate((await signInOptions(request))!, "https://evil.example");
    expect(await completeSecondStepWithPasskey({ request, response: JSON.stringify(evil) })).toMatchObject({
      ok: false,
      status: 401,
    });
    expect((await keyRow(user.id)).counter).toBe(0);

    const ok1 = key.authenticate((await signInOptions(request))!, origin);
    expect(await completeSecondStepWithPasskey({ request, response: JSON.stringify(ok1) })).toMatchObject({ ok: true });
    const counter = (await keyRow(user.id)).counter;
    expect(counter).toBeGreaterThan(0);
    const request2 = await pending(user.id);
    key.setCounter(0); // a copy of the key that has not seen the last use
    const cloned = key.authenticate((await signInOptions(request2))!, origin);
    expect(await completeSecondStepWithPasskey({ request: request2, response: JSON.stringify(cloned) })).toMatchObject({
      ok: false,
    });
    expect((await keyRow(user.id)).counter).toBe(counter);

    // another member's passkey does not sign this member in
    const other = await createUser({ username: "pk_refuse_other" });
    const otherKey = await enrol(other);
    const request3 = await pending(user.id);
    const foreign = otherKey.authenticate((await signInOptions(request3))!, origin);
    expect(await completeSecondStepWithPasskey({ request: request3, response: JSON.stringify(foreign) })).toMatchObject(
      {
        ok: false,
      },
    );
  });

  test("a member with only a passkey gets the second step; one without any second factor does not", async () => {
    const user = await createUser({ username: "pk_second" });
    expect(await startSecondStep({ userId: user.id, redirectTo: "/" })).toBeNull();
    await enrol(user);
    expect(await startSecondStep({ userId: user.id, redirectTo: "/" })).toMatch(/^tp_2fa=/);
  });
});

describe("removing a passkey", () => {
  test("needs the password; a recruiter keeps at least one second factor", async () => {
    const member = await createUser({ username: "pk_remove" });
    await enrol(member);
    const id = (await keyRow(member.id)).id;
    expect(await removePasskey({ userId: member.id, passkeyId: id, confirm: "wrong password" })).toMatchObject({
      ok: false,
      status: 400,
    });
    const stranger = await createUser({ username: "pk_remove_stranger" });
    expect(await removePasskey({ userId: stranger.id, passkeyId: id, confirm: TEST_PASSWORD })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await removePasskey({ userId: member.id, passkeyId: id, confirm: TEST_PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(await actions(member.id)).toEqual(["user.passkey_added", "user.passkey_removed"]);

    // a recruiter whose only second factor is a passkey: acts as a recruiter, and cannot remove it
    const recruiter = await createUser({ username: "pk_remove_recruiter", roles: ["member", "recruiter"] });
    await db.deleteFrom("user_two_factor").where("user_id", "=", recruiter.id).execute();
    const session = async () => {
      const cookie = (await startSession(db, recruiter.id, new Request("http://localhost/"))).split(";")[0];
      return getViewer(new Request("http://localhost/", { headers: { Cookie: cookie } }));
    };
    expect(await session()).toMatchObject({ roles: ["member"], twoFactorMissing: true });
    await enrol(recruiter);
    expect(await session()).toMatchObject({ roles: expect.arrayContaining(["recruiter"]), twoFactorMissing: false });
    const only = (await keyRow(recruiter.id)).id;
    expect(await removePasskey({ userId: recruiter.id, passkeyId: only, confirm: TEST_PASSWORD })).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});

describe("over HTTP", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  test("hostile passkey answers at the second step get a refusal, never a 500, and no session", async () => {
    const user = await createUser({ username: "pk_http" });
    await enrol(user);
    const password = await postForm(app, "/login", { email: user.username, password: TEST_PASSWORD });
    expect(password.headers.get("location")).toBe("/login/two-factor");
    const pendingCookie = cookieFrom(password);
    const clientData = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const base = { id: "AAAA", rawId: "AAAA", type: "public-key", clientExtensionResults: {} };
    for (const response of [
      "",
      "{",
      "null",
      JSON.stringify({ ...base, response: { clientDataJSON: "%%%" } }),
      JSON.stringify({ ...base, response: { clientDataJSON: clientData(null) } }),
      JSON.stringify({ ...base, response: { clientDataJSON: clientData({ challenge: "x".repeat(5000) }) } }),
      JSON.stringify({ ...base, response: { clientDataJSON: clientData({ challenge: "abc" }), signature: 5 } }),
      "x".repeat(30_000),
    ]) {
      const res = await postForm(app, "/login/two-factor", { intent: "passkey", response }, { cookie: pendingCookie });
      expect([400, 401], response.slice(0, 60)).toContain(res.status);
      expect(res.headers.get("set-cookie") ?? "").not.toMatch(/tp_session=/);
    }
  });
});
