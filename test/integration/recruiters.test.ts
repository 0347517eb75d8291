// Recruiters: verification by an admin, no forum posting, contact requests (emails only after
// acceptance, 20 a day, blocks), saved searches and shortlists.
import { sql } from "kysely";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { createTopic, createReply } from "~/models/forum/post.server";
import { getProfilePage } from "~/models/directory/profile.server";
import { CONTACTS_PER_DAY } from "~/models/directory/recruiter.schema";
import { RecruiterApplicationSchema, applyAsRecruiter, decideRecruiter } from "~/models/directory/recruiter.server";
import {
  decideContactRequest,
  listContactsForMember,
  listContactsForRecruiter,
  sendContactRequest,
  setRecruiterBlocked,
} from "~/models/directory/contact-request.server";
import { deleteSavedSearch, listSavedSearches, saveSearch } from "~/models/directory/saved-search.server";
import { listShortlist, setShortlisted } from "~/models/directory/shortlist.server";
import { VISITOR, canReply, canStartTopic, type Scope } from "~/models/permissions.server";
import { createProfile } from "../factories/profiles";
import { ageUser, createCategory, makeTopic, scopeFor } from "../factories/topics";
import { createAdmin, createUser } from "../factories/users";
import { postForm, startApp } from "../setup/app";
import { signIn } from "../setup/route-table";
import { enrolTwoFactor } from "../setup/two-factor";

const application = RecruiterApplicationSchema.parse({
  name: "Savanna Talent Partners",
  website: "savanna-talent.example",
  country: "KE",
  registrationNumber: "PVT-2020-1234",
  contactRole: "Head of Talent",
  description: "We recruit contact centre team leads and CX managers across East Africa.",
});

let admin: Scope;
async function verifiedRecruiter(username: string) {
  const user = await createUser({ username }); // signs up like anyone: the member role
  const before = await scopeFor(user);
  const applied = await applyAsRecruiter({ scope: before, input: application });
  if (!applied.ok) throw new Error(applied.message);
  const decided = await decideRecruiter({ scope: admin, id: applied.id, decision: "verify", reason: "" });
  if (!decided.ok) throw new Error(decided.message);
  // recruiters must use two-factor sign-in before the recruiter pages open (issue 19)
  await enrolTwoFactor(user.id);
  return { user, scope: await scopeFor(user) };
}

beforeAll(async () => {
  admin = await scopeFor(await createAdmin({ username: "rec_admin" }));
});

describe("verification", () => {
  test("an organisation applies once; an admin verifies; the account becomes a recruiter, not a member", async () => {
    const user = await createUser({ username: "rec_applicant" });
    const scope = await scopeFor(user);
    const first = await applyAsRecruiter({ scope, input: application });
    expect(first.ok).toBe(true);
    const again = await applyAsRecruiter({ scope, input: application });
    expect(again).toMatchObject({ ok: false, status: 409, message: "recruiter.errors.alreadyPending" });
    if (!first.ok) return;
    // a member cannot verify; a reasonless rejection is refused
    expect(await decideRecruiter({ scope, id: first.id, decision: "verify", reason: "" })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await decideRecruiter({ scope: admin, id: first.id, decision: "reject", reason: "" })).toMatchObject({
      ok: false,
      status: 422,
    });
    expect(await decideRecruiter({ scope: admin, id: first.id, decision: "verify", reason: "" })).toMatchObject({
      ok: true,
      status: "verified",
    });
    const after = await scopeFor(user);
    expect(after.isRecruiter).toBe(true);
    expect(after.isMember).toBe(false);
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("target_type", "=", "recruiter_organisation")
      .where("target_id", "=", String(first.id))
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["recruiter.apply", "recruiter.verify"]);
  });

  test("bad company details are refused field by field", () => {
    const r = RecruiterApplicationSchema.safeParse({
      name: "X",
      website: "not a site",
      country: "ZZ",
      registrationNumber: "",
      contactRole: "",
      description: "short",
    });
    expect(r.success).toBe(false);
    const fields = new Set(r.error?.issues.map((i) => String(i.path[0])));
    expect([...fields].sort()).toEqual(["contactRole", "country", "description", "name", "website"]);
  });
});

describe("recruiters never post in the forum", () => {
  test("the recruiter role without 'member' cannot start topics or reply, whatever the category's rules", async () => {
    const { user, scope } = await verifiedRecruiter("rec_no_posting");
    await ageUser(user);
    const open = await createCategory({ post: "everyone", reply: "everyone" });
    const author = await createUser({ username: "rec_topic_author" });
    await ageUser(author);
    const topic = await makeTopic(author, open);
    const cat = { see_rule: "everyone", post_rule: "everyone", reply_rule: "everyone", archived_at: null };
    expect(canStartTopic(scope, cat)).toBe(false);
    expect(
      canReply(scope, { category: cat, participant: false, deleted_at: null, closed_at: null, archived_at: null }),
    ).toBe(false);
    const t = await createTopic(db, {
      scope,
      categorySlug: open.slug,
      title: "A recruiter trying to post a topic",
      body: "We are hiring, apply now please.",
      tags: [],
    });
    expect(t.ok).toBe(false);
    const r = await createReply({ scope, topicId: topic.topicId, body: "We are hiring, apply now please." });
    expect(r.ok).toBe(false);
    const posts = await db
      .selectFrom("posts")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(posts.n).toBe(0);
  });
});

describe("contact requests", () => {
  test("emails are seen by both only after the member accepts, and by nobody else", async () => {
    const { user: recUser, scope: rec } = await verifiedRecruiter("rec_contact_a");
    const { scope: otherRec } = await verifiedRecruiter("rec_contact_b");
    const memberUser = await createProfile({
      username: "rec_member_ada",
      visibility: "members",
      jobTitle: "CX Analyst",
      open: true,
    });
    const member = await scopeFor(memberUser);

    expect(
      await sendContactRequest({ scope: rec, username: memberUser.username, message: "x".repeat(501) }),
    ).toMatchObject({ ok: false, message: "recruiter.errors.messageLong" });
    expect(await sendContactRequest({ scope: rec, username: memberUser.username, message: "hi" })).toMatchObject({
      ok: false,
      message: "recruiter.errors.messageShort",
    });
    expect(
      await sendContactRequest({
        scope: member,
        username: memberUser.username,
        message: "A member is not a recruiter.",
      }),
    ).toMatchObject({ ok: false, status: 403 });
    const sent = await sendContactRequest({
      scope: rec,
      username: memberUser.username,
      message: "Hello Ada, we have a CX analyst role in Nairobi.",
    });
    expect(sent.ok).toBe(true);
    expect(
      await sendContactRequest({
        scope: rec,
        username: memberUser.username,
        message: "Hello again, following up on my note.",
      }),
    ).toMatchObject({ ok: false, message: "recruiter.errors.requestPending" });

    // before acceptance: no email anywhere
    expect((await getProfilePage({ scope: rec, username: memberUser.username }))?.email).toBeNull();
    expect((await listContactsForRecruiter({ scope: rec }))[0].email).toBeNull();
    expect((await listContactsForMember({ userId: memberUser.id }))[0].email).toBeNull();
    const notification = await db
      .selectFrom("notifications")
      .select("data")
      .where("user_id", "=", memberUser.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(notification.data)).toContain("Savanna Talent Partners");

    if (!sent.ok) return;
    expect(
      await decideContactRequest({ scope: await scopeFor(await createUser()), id: sent.id, decision: "accept" }),
    ).toMatchObject({ ok: false, status: 404 });
    expect(await decideContactRequest({ scope: member, id: sent.id, decision: "accept" })).toMatchObject({ ok: true });
    expect(await decideContactRequest({ scope: member, id: sent.id, decision: "decline" })).toMatchObject({
      ok: false,
      status: 409,
    });

    expect((await getProfilePage({ scope: rec, username: memberUser.username }))?.email).toBe(memberUser.email);
    expect((await listContactsForRecruiter({ scope: rec }))[0].email).toBe(memberUser.email);
    expect((await listContactsForMember({ userId: memberUser.id }))[0].email).toBe(recUser.email);
    // nobody else: another recruiter, another member, a visitor
    expect((await getProfilePage({ scope: otherRec, username: memberUser.username }))?.email).toBeNull();
    expect(
      (await getProfilePage({ scope: await scopeFor(await createUser()), username: memberUser.username }))?.email,
    ).toBeNull();
    expect(await getProfilePage({ scope: VISITOR, username: memberUser.username })).toBeUndefined();
    expect(await listContactsForRecruiter({ scope: otherRec })).toEqual([]);
  });

  test(`at most ${CONTACTS_PER_DAY} requests in 24 hours per recruiter`, async () => {
    const { scope: rec } = await verifiedRecruiter("rec_busy");
    const members: { username: string }[] = [];
    for (let i = 0; i < CONTACTS_PER_DAY + 1; i++)
      members.push(await createProfile({ username: `rec_target_${i}`, open: true }));
    const contact = (i: number) =>
      sendContactRequest({ scope: rec, username: members[i].username, message: "We would like to talk about a role." });
    for (let i = 0; i < CONTACTS_PER_DAY; i++) expect((await contact(i)).ok).toBe(true);
    const refused = await contact(CONTACTS_PER_DAY);
    expect(refused).toMatchObject({ ok: false, status: 429, message: "recruiter.errors.rateLimit" });
    // requests older than 24 hours no longer count
    await sql`update contact_requests set created_at = now() - interval '25 hours'
        where recruiter_id = ${rec.userId}`.execute(db);
    expect((await contact(CONTACTS_PER_DAY)).ok).toBe(true);
  });

  test("a member not 'open to opportunities' cannot be contacted: refused, nothing written, no one told", async () => {
    const { scope: rec } = await verifiedRecruiter("rec_closed");
    const closed = await createProfile({ username: "rec_member_closed", visibility: "public", open: false });
    const refused = await sendContactRequest({
      scope: rec,
      username: closed.username,
      message: "Hello, may we talk about a role?",
    });
    expect(refused).toMatchObject({ ok: false, status: 403, message: "recruiter.errors.notOpen" });
    expect(await db.selectFrom("contact_requests").select("id").where("member_id", "=", closed.id).execute()).toEqual(
      [],
    );
    expect(await db.selectFrom("notifications").select("id").where("user_id", "=", closed.id).execute()).toEqual([]);
    expect(
      await db
        .selectFrom("outbox")
        .select("id")
        .where(sql<string>`payload::text`, "like", `%"userId":${closed.id}%`)
        .where("kind", "like", "notif%")
        .execute(),
    ).toEqual([]);
    // once they choose it, the same request goes through
    await db.updateTable("profiles").set({ open_to_opportunities: true }).where("user_id", "=", closed.id).execute();
    expect(
      (await sendContactRequest({ scope: rec, username: closed.username, message: "Hello, may we talk about a role?" }))
        .ok,
    ).toBe(true);
  });

  test("over HTTP: no contact link on a closed member's profile, a 403 with the reason, nothing written", async () => {
    const { user: recUser } = await verifiedRecruiter("rec_http_closed");
    const closed = await createProfile({ username: "rec_http_member_closed", visibility: "public", open: false });
    const open = await createProfile({ username: "rec_http_member_open", visibility: "public", open: true });
    const app = await startApp({ JOBS: "off" });
    try {
      const cookie = await signIn(app, recUser);
      const page = async (url: string) => {
        const res = await fetch(`${app.url}${url}`, {
          headers: { Cookie: cookie, "Accept-Language": "fr" },
          redirect: "manual",
        });
        return { status: res.status, html: await res.text() };
      };
      const closedProfile = await page(`/u/${closed.username}`);
      expect(closedProfile.status).toBe(200);
      expect(closedProfile.html).not.toContain(`/recruiter/contact/${closed.username}`);
      expect(closedProfile.html).toContain("ouvert aux opportunités");
      expect((await page(`/u/${open.username}`)).html).toContain(`/recruiter/contact/${open.username}`);
      const form = await page(`/recruiter/contact/${closed.username}`);
      expect(form.status).toBe(403);
      expect(form.html).toContain("n’a pas indiqué être ouvert aux opportunités");
      expect(form.html).not.toContain('name="message"');
      const post = await postForm(
        app,
        `/recruiter/contact/${closed.username}`,
        { message: "Hello, may we talk about a role?" },
        { cookie },
      );
      expect(post.status).toBe(403);
      expect(await db.selectFrom("contact_requests").select("id").where("member_id", "=", closed.id).execute()).toEqual(
        [],
      );
      expect(await db.selectFrom("notifications").select("id").where("user_id", "=", closed.id).execute()).toEqual([]);
    } finally {
      await app.stop();
    }
  }, 60_000);

  test("blocking a recruiter declines open requests, refuses new ones; hidden members can't be contacted", async () => {
    const { user: recUser, scope: rec } = await verifiedRecruiter("rec_blocked");
    const m = await createProfile({ username: "rec_member_blocker", open: true });
    const sent = await sendContactRequest({
      scope: rec,
      username: m.username,
      message: "Hello, may we talk about a role?",
    });
    expect(sent.ok).toBe(true);
    expect((await setRecruiterBlocked({ scope: await scopeFor(m), recruiterId: recUser.id, blocked: true })).ok).toBe(
      true,
    );
    expect((await listContactsForMember({ userId: m.id }))[0].status).toBe("declined");
    expect(
      await sendContactRequest({ scope: rec, username: m.username, message: "Hello again, may we talk?" }),
    ).toMatchObject({ ok: false, message: "recruiter.errors.unavailable" });

    const hidden = await createProfile({ username: "rec_member_hidden", visibility: "hidden", open: true });
    expect(
      await sendContactRequest({ scope: rec, username: hidden.username, message: "Hello, may we talk about a role?" }),
    ).toMatchObject({ ok: false, status: 404 });
  });
});

describe("saved searches and shortlists", () => {
  test("a recruiter saves and deletes directory searches; other addresses are refused", async () => {
    const { scope: rec } = await verifiedRecruiter("rec_saver");
    expect(
      (
        await saveSearch({
          scope: rec,
          name: "SLA managers in Kenya",
          query: "/directory/managers?country=KE&competency=sla-management",
        })
      ).ok,
    ).toBe(true);
    expect(await saveSearch({ scope: rec, name: "Evil", query: "https://evil.example/" })).toMatchObject({ ok: false });
    expect(await saveSearch({ scope: rec, name: "Evil", query: "//evil.example/directory" })).toMatchObject({
      ok: false,
    });
    const list = await listSavedSearches({ scope: rec });
    expect(list.map((s) => s.name)).toEqual(["SLA managers in Kenya"]);
    const member = await scopeFor(await createUser());
    expect(await saveSearch({ scope: member, name: "x", query: "/directory" })).toMatchObject({
      ok: false,
      status: 403,
    });
    await deleteSavedSearch({ scope: member, id: list[0].id }); // not theirs: nothing happens
    expect(await listSavedSearches({ scope: rec })).toHaveLength(1);
    await deleteSavedSearch({ scope: rec, id: list[0].id });
    expect(await listSavedSearches({ scope: rec })).toHaveLength(0);
  });

  test("a shortlist keeps members the recruiter may see; one who hides their profile drops out", async () => {
    const { scope: rec } = await verifiedRecruiter("rec_shortlister");
    const a = await createProfile({ username: "rec_short_a" });
    const b = await createProfile({ username: "rec_short_b", visibility: "members" });
    const h = await createProfile({ username: "rec_short_hidden", visibility: "hidden" });
    expect(
      (await setShortlisted({ scope: rec, username: a.username, shortlisted: true, note: "strong on SLAs" })).ok,
    ).toBe(true);
    expect((await setShortlisted({ scope: rec, username: b.username, shortlisted: true })).ok).toBe(true);
    expect(await setShortlisted({ scope: rec, username: h.username, shortlisted: true })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect((await listShortlist({ scope: rec })).map((m) => m.username).sort()).toEqual([a.username, b.username]);
    await db.updateTable("profiles").set({ visibility: "hidden" }).where("user_id", "=", b.id).execute();
    expect((await listShortlist({ scope: rec })).map((m) => m.username)).toEqual([a.username]);
  });
});
