// Learning groups through the real models: a group with its tutor and learners, and posts made
// with each user's full scope (group membership included, as the viewer resolves it).
import { randomBytes } from "node:crypto";
import { db } from "~/db.server";
import { addLearner, createGroup, getGroup } from "~/models/groups/learning-group.server";
import { createReply, createTopic } from "~/models/forum/post.server";
import { scopeOfUser } from "~/viewer.server";
import { ageUser, backdatePosts } from "./topics";
import { createAdmin, createUser } from "./users";

export async function member(level = 1) {
  const u = await createUser();
  await ageUser(u);
  await db.updateTable("users").set({ level }).where("id", "=", u.id).execute();
  return u;
}

export async function makeGroup({
  learners = 2,
  admin,
}: { learners?: number; admin?: Awaited<ReturnType<typeof createAdmin>> } = {}) {
  const staff = admin ?? (await createAdmin());
  const tutor = await member(4);
  const made = await createGroup({
    adminId: staff.id,
    name: `Cohort ${randomBytes(2).toString("hex")}`,
    startsOn: "2026-09-01",
    endsOn: "2026-12-15",
    tutor: tutor.username,
  });
  if (!made.ok) throw new Error(`createGroup failed: ${made.message}`);
  const people = [];
  for (let i = 0; i < learners; i++) {
    const l = await member(1);
    const r = await addLearner({ adminId: staff.id, groupId: made.groupId, learner: l.username });
    if (!r.ok) throw new Error(`addLearner failed: ${r.message}`);
    people.push(l);
  }
  const group = (await getGroup(db, made.groupId))!;
  return { group, tutor, learners: people, admin: staff };
}

export async function ask(
  user: { id: number },
  group: { category_slug: string },
  opts: { title?: string; body?: string } = {},
) {
  await backdatePosts(user.id);
  const r = await createTopic(db, {
    scope: await scopeOfUser(db, user.id),
    categorySlug: group.category_slug,
    title: opts.title ?? `How do I handle a refund dispute ${randomBytes(2).toString("hex")}?`,
    body:
      opts.body ?? `A customer disputes a refund we already made; what should I say? ${randomBytes(3).toString("hex")}`,
    tags: [],
  });
  if (!r.ok) throw new Error(`createTopic failed: ${r.message}`);
  return r;
}

export async function answer(user: { id: number }, topic: { topicId: number }, body?: string) {
  await backdatePosts(user.id);
  const r = await createReply({
    scope: await scopeOfUser(db, user.id),
    topicId: topic.topicId,
    body: body ?? `Here is what I would do in that case ${randomBytes(3).toString("hex")}.`,
  });
  if (!r.ok) throw new Error(`createReply failed: ${r.message}`);
  return r;
}
