// Who personal messages reach, in Chromium with JavaScript on and off (issue 24 point 7): no "Send a
// message" link to a suspended member or one who ignores you, nor for a suspended member; a send is
// refused with a sentence and the form keeps what was typed. In a group conversation an ignored member's
// posts are folded behind a <details> for the one who ignores them.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { addParticipants, createConversation, setIgnored } from "~/models/forum/messages.server";
import { NewMessageSchema } from "~/models/forum/messages.schema";
import { createReply } from "~/models/forum/post.server";
import { ageUser, backdatePosts, createCategory, makeReply, makeTopic, scopeFor } from "../factories/topics";
import { createUser } from "../factories/users";
import type { Scope } from "~/models/permissions.server";
import { expectAccessible, hasChromium, useAppAndBrowser } from "../setup/browser";
import { signedInPage } from "../setup/session";

type U = Awaited<ReturnType<typeof createUser>>;

const suspend = (u: U) =>
  db
    .updateTable("users")
    .set({ suspended_until: new Date(Date.now() + 86_400_000), sanction_reason: "spam" })
    .where("id", "=", u.id)
    .execute();

async function members(n: number) {
  const users = await Promise.all(Array.from({ length: n }, () => createUser()));
  for (const u of users) await ageUser(u);
  return users;
}

async function converse(from: U, to: U[], title = "Planning the okapi night shift") {
  const body = "Who takes the Friday night shift this week?";
  const input = NewMessageSchema.parse({ to: to.map((u) => u.username).join(" "), title, body });
  const sent = await createConversation({ scope: await scopeFor(from), input });
  if (!sent.ok) throw new Error(sent.message);
  return sent;
}

describe("adding people to a conversation", () => {
  test("a participant adds up to the limit; refused to recruiters, outsiders, the suspended, ignorers", async () => {
    const [ama, kofi, esi, sus, ign, outsider, shunned] = await members(7);
    const recruiter = await createUser({ roles: ["recruiter"] });
    const sent = await converse(ama, [kofi]);
    const add = async (scope: Scope, to: string) => addParticipants({ scope, topicId: sent.topicId, to });
    const asAma = await scopeFor(ama);
    expect(await add(await scopeFor(outsider), esi.username)).toMatchObject({ ok: false, status: 404 });
    expect(await add(await scopeFor(recruiter), esi.username)).toMatchObject({ ok: false, status: 403 });
    await suspend(sus);
    expect(await add(asAma, sus.username)).toMatchObject({ ok: false, message: "messages.errors.cannotAdd" });
    await setIgnored({ scope: await scopeFor(ign), username: kofi.username, ignore: true });
    await setIgnored({ scope: await scopeFor(ign), username: ama.username, ignore: true });
    expect(await add(asAma, ign.username)).toMatchObject({ ok: false, message: "messages.errors.cannotAdd" });
    // ignored by a participant other than the adder: refused in the same words
    await setIgnored({ scope: await scopeFor(kofi), username: shunned.username, ignore: true });
    expect(await add(asAma, shunned.username)).toMatchObject({ ok: false, message: "messages.errors.cannotAdd" });
    expect(await add(asAma, kofi.username)).toMatchObject({ ok: false, message: "messages.errors.alreadyIn" });
    // Kofi, a participant, adds Esi; she is told as of a new message
    expect(await add(await scopeFor(kofi), `@${esi.username}`)).toMatchObject({ ok: true, added: 1 });
    const told = await db.selectFrom("notifications").selectAll().where("user_id", "=", esi.id).execute();
    expect(told).toMatchObject([{ kind: "reply", topic_id: sent.topicId, actor_id: kofi.id }]);
    // three in it: seven more fit, the eighth is refused with the limit
    const more = await members(8);
    const names = more.map((u) => u.username);
    expect(await add(asAma, names.join(" "))).toMatchObject({ ok: false, message: "messages.errors.tooMany" });
    expect(await add(asAma, names.slice(0, 7).join(","))).toMatchObject({ ok: true, added: 7 });
    expect(await add(asAma, names[7])).toMatchObject({ ok: false, message: "messages.errors.tooMany" });
    // a suspended participant adds no one
    await suspend(kofi);
    expect(await add(await scopeFor(kofi), names[7])).toMatchObject({ ok: false, message: "limits.suspended" });
  });
});

describe.skipIf(!hasChromium)("who personal messages reach", () => {
  const live = useAppAndBrowser();

  async function pageAs(u: U, javaScriptEnabled: boolean) {
    const page = await signedInPage(live.browser, live.app, u, { javaScriptEnabled });
    page.context().setDefaultTimeout(30_000); // the machine is shared: give slow moments room
    return page;
  }

  async function sendTo(page: Page, to: string, title: string, body: string) {
    await page.goto(`${live.app.url}/messages/new?to=${to}`);
    await page.getByLabel("Title").fill(title);
    await page.locator("textarea[name=body]").fill(body);
    await page.getByRole("button", { name: "Send message" }).click();
  }

  for (const javaScriptEnabled of [true, false]) {
    const js = javaScriptEnabled ? "on" : "off";

    test(`no message link to a suspended or ignoring member; a send is refused (JavaScript ${js})`, async () => {
      const [ama, sus, ign, yaw] = await members(4);
      await suspend(sus);
      await setIgnored({ scope: await scopeFor(ign), username: ama.username, ignore: true });
      const page = await pageAs(ama, javaScriptEnabled);
      const link = page.getByRole("link", { name: "Send a message" });
      await page.goto(`${live.app.url}/u/${yaw.username}`);
      expect(await link.count()).toBe(1);
      for (const other of [sus, ign]) {
        await page.goto(`${live.app.url}/u/${other.username}`);
        await page.getByRole("button", { name: "Ignore this member" }).waitFor();
        expect(await link.count(), `link to ${other.username}`).toBe(0);
        const body = `A long note for ${other.username} that must survive the refusal.`;
        await sendTo(page, other.username, "About the weekend rota", body);
        await page.getByText(`@${other.username} cannot receive messages from you at the moment.`).first().waitFor();
        expect(await page.getByLabel("Title").inputValue()).toBe("About the weekend rota");
        expect(await page.locator("textarea[name=body]").inputValue()).toBe(body);
      }
      const sent = await db.selectFrom("topics").select("id").where("user_id", "=", ama.id).execute();
      expect(sent).toEqual([]);

      // suspended, Ama is offered no link either, and a send says why
      await suspend(ama);
      await page.goto(`${live.app.url}/u/${yaw.username}`);
      await page.getByRole("button", { name: "Ignore this member" }).waitFor();
      expect(await link.count()).toBe(0);
      await sendTo(page, yaw.username, "Writing while suspended", "Kept text while suspended.");
      await page.getByText("Your account is suspended until").first().waitFor();
      expect(await page.locator("textarea[name=body]").inputValue()).toBe("Kept text while suspended.");
      await page.context().close();
    }, 120_000);

    test(`an ignored member's posts are folded in a group conversation and in topics (JavaScript ${js})`, async () => {
      const [ama, kofi, esi] = await members(3);
      await setIgnored({ scope: await scopeFor(esi), username: kofi.username, ignore: true });
      const sent = await converse(ama, [kofi, esi]);
      await backdatePosts(kofi.id, 60);
      const words = "Kofi takes Friday night, as usual.";
      const reply = await createReply({ scope: await scopeFor(kofi), topicId: sent.topicId, body: words });
      if (!reply.ok) throw new Error(reply.message);
      const topic = await makeTopic(ama, await createCategory(), { title: "A topic Kofi answers in public" });
      await makeReply(kofi, topic, "A public answer from Kofi that Esi folds away.");
      await drainJobs();
      // Esi is not told of Kofi's posts; Ama is
      const toldOf = (u: U) =>
        db
          .selectFrom("notifications")
          .select("id")
          .where("user_id", "=", u.id)
          .where("actor_id", "=", kofi.id)
          .execute();
      expect(await toldOf(esi)).toEqual([]);
      expect((await toldOf(ama)).length).toBeGreaterThan(0);

      for (const [url, text] of [
        [sent.url, words],
        [topic.url, "A public answer from Kofi that Esi folds away."],
      ]) {
        const page = await pageAs(esi, javaScriptEnabled);
        await page.goto(`${live.app.url}${url}`);
        const folded = page.locator("details.post-ignored");
        await folded.locator("summary", { hasText: "A post by a member you ignore (show it)" }).waitFor();
        expect(await folded.count()).toBe(1);
        expect(await page.getByText(text).isVisible()).toBe(false);
        await folded.locator("summary").click();
        await page.getByText(text).waitFor();
        await page.context().close();
      }
      // Ama, who ignores nobody, reads Kofi's post unfolded
      const page = await pageAs(ama, javaScriptEnabled);
      await page.goto(`${live.app.url}${sent.url}`);
      await page.getByText(words).waitFor();
      expect(await page.locator("details.post-ignored").count()).toBe(0);
      await page.context().close();
    }, 120_000);

    test(`a participant adds a member with the conversation's form (JavaScript ${js})`, async () => {
      const [ama, kofi, esi, sus] = await members(4);
      await suspend(sus);
      const sent = await converse(ama, [kofi], "Who covers the okapi feeding round");
      const page = await pageAs(ama, javaScriptEnabled);
      // from the conversation, where its participants are named
      await page.goto(`${live.app.url}${sent.url}`);
      await page.locator(".message-participants").getByRole("link", { name: "Add people" }).click();
      await page.waitForURL((u) => u.pathname === `/messages/${sent.topicId}/participants`);
      await expectAccessible(page);
      const field = page.getByLabel("Add people");
      await field.fill(sus.username);
      await page.getByRole("button", { name: "Add to the conversation" }).click();
      await page.getByText(`@${sus.username} cannot be added to this conversation at the moment.`).first().waitFor();
      expect(await field.inputValue()).toBe(sus.username);
      await field.fill(esi.username);
      await page.getByRole("button", { name: "Add to the conversation" }).click();
      await page.locator("h1", { hasText: "Who covers the okapi feeding round" }).waitFor();
      const names = [kofi.display_name, esi.display_name].sort((a, b) => a.localeCompare(b)).join(", ");
      await page.getByText(`Between you and ${names}`).waitFor();
      // the conversation records it in one line, as Discourse's small action
      await page.locator(".small-action", { hasText: `@${ama.username} added @${esi.username}` }).waitFor();
      await page.context().close();
      const esiPage = await pageAs(esi, javaScriptEnabled);
      await esiPage.goto(`${live.app.url}/messages`);
      await esiPage.getByRole("link", { name: "Who covers the okapi feeding round" }).waitFor();
      await esiPage.context().close();
    }, 120_000);
  }
});
