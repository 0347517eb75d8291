// Every route file with a concrete address and who may use it: the table behind the authorization
// matrix (test/integration/authz-matrix.test.ts) and the form fuzzing (test/integration/fuzz-forms.test.ts).
//
// Adding a route: add a row to ROUTES (path from the fixtures, the GET answers, and `post` when the
// route has an action whose refusal matters). Run the matrix with AUTHZ_PRINT=1 to print what each
// viewer gets today, then check every cell against the route's rules before pinning it.
import { readdirSync } from "node:fs";
import path from "node:path";
import { db } from "~/db.server";
import { awardLevelBadge } from "~/models/badges/badge.server";
import type { Role } from "../../db/schema";
import { createProfile } from "../factories/profiles";
import { enrol, ensureProgramme } from "../factories/progress";
import { ageUser, createCategory, createTag, makeReply, makeTopic } from "../factories/topics";
import { createUser } from "../factories/users";
import type { TestApp } from "./app";
import { signInCookie } from "./two-factor";
import { MEMBER_SCRIPT_SRC } from "~/web/member-script";

export const WHO = [
  "visitor",
  "member",
  "level1",
  "level2",
  "level3",
  "level4",
  "recruiter",
  "tutor",
  "judge",
  "admin",
] as const;
export type Who = (typeof WHO)[number];
/** A status for everyone, with exceptions: `{ all: 200, visitor: 302 }`. */
export type Answer = Partial<Record<Who, number>> & { all: number };

export type Fixtures = {
  topicUrl: string;
  topicId: number;
  topicSlug: string;
  postId: number;
  replyId: number;
  victimPostId: number;
  privateTopicUrl: string;
  privatePostId: number;
  categorySlug: string;
  privateCategorySlug: string;
  tag: string;
  username: string;
  badgeId: string;
};

/**
 * `post` is checked by posting `postFields` (empty by default) after all the GETs. The data form
 * (`/path.data`) is expected to answer as the page does (202 for a redirect) unless `data` says otherwise.
 */
export type Row = {
  path: (f: Fixtures) => string;
  get: Answer;
  post?: Answer;
  postFields?: Record<string, string>;
  data?: Answer;
};

// ---- the usual shapes ----
export const everyone = (status = 200): Answer => ({ all: status });
/** Signed-in people of any kind; visitors are sent to sign in. */
export const signedIn = (status = 200): Answer => ({ all: status, visitor: 302 });
/** Staff only: visitors sent to sign in, everyone else 403. */
export const staff = (status = 200): Answer => ({ all: 403, visitor: 302, admin: status });
/** Staff only, and the page does not even admit it exists to others. */
export const staffHidden = (status = 200): Answer => ({ all: 404, visitor: 302, admin: status });

export const ROUTES: Record<string, Row> = {
  "[.]well-known.jwks[.]json": { path: () => "/.well-known/jwks.json", get: everyone() },
  _index: { path: () => "/", get: everyone() },
  "admin._index": { path: () => "/admin", get: staff() },
  "admin.applications.$id": { path: () => "/admin/applications/999999", get: staff(404), post: staff(400) },
  "admin.applications._index": { path: () => "/admin/applications", get: staff() },
  "admin.audit": { path: () => "/admin/audit", get: staff() },
  "admin.behind": { path: () => "/admin/behind", get: staff() },
  "admin.badges": { path: () => "/admin/badges", get: staff(), post: staff(400) },
  "admin.books": { path: () => "/admin/books", get: staff(), post: staff(400) },
  "admin.categories": { path: () => "/admin/categories", get: staffHidden(), post: staffHidden(422) },
  "admin.categories_.$slug": {
    path: (f) => `/admin/categories/${f.categorySlug}`,
    get: staffHidden(),
    post: staffHidden(422),
  },
  "admin.cpd": { path: () => "/admin/cpd", get: staff(), post: staff(400) },
  "admin.limits": { path: () => "/admin/limits", get: staffHidden(), post: staffHidden(422) },
  "admin.synonyms": { path: () => "/admin/synonyms", get: staff(), post: staff(400) },
  "admin.logs": { path: () => "/admin/logs", get: staff(), post: staff(400) },
  "admin.progress[.]csv": { path: () => "/admin/progress.csv", get: staff() },
  "admin.recruiters": { path: () => "/admin/recruiters", get: staff(), post: staff(400) },
  "admin.requirements": { path: () => "/admin/requirements", get: staff(), post: staff(400) },
  "admin.programme": { path: () => "/admin/programme", get: staff(), post: staff(400) },
  "admin.results": { path: () => "/admin/results", get: staff(), post: staff(400) },
  // no loader: the data form holds only the root's data
  // the members' script, named by its content (app/web/member-script.ts): the same file for anyone
  "assets.$file": { path: () => MEMBER_SCRIPT_SRC, get: everyone() },
  "api.preview": { path: () => "/api/preview", get: everyone(400), post: signedIn(200), data: everyone(200) },
  // the composer's autosave: members only; a post without a draft key is refused
  // no loader: the data form holds only the root's data
  "composer.draft": { path: () => "/composer/draft", get: everyone(400), post: signedIn(400), data: everyone(200) },
  // the composer's @mention / #category suggestions (JSON): anyone signed in; a visitor is refused (401)
  "composer.suggest": {
    path: (f) => `/composer/suggest?q=%40${f.username.slice(0, 3)}&topic=${f.topicId}`,
    get: { all: 200, visitor: 401 },
  },
  // the composer's image upload (script): members only; a form without an image is refused
  // no loader: the data form holds only the root's data
  "composer.upload": { path: () => "/composer/upload", get: everyone(400), post: signedIn(400), data: everyone(200) },
  // an empty application is a valid one for a member without a level (and for staff); enrolled members already have one
  apply: {
    path: () => "/apply",
    get: signedIn(),
    post: { all: 409, visitor: 302, member: 302, admin: 302, recruiter: 403 },
  },
  // a member without the designation's level (or any route complete) is refused; visitors sign in first
  "designations.$code.apply": { path: () => "/designations/CCSM/apply", get: signedIn(), post: signedIn(409) },
  "badges.$awardId": { path: (f) => `/badges/${f.badgeId}`, get: everyone() },
  "badges.$awardId[.]json": { path: (f) => `/badges/${f.badgeId}.json`, get: everyone() },
  "badges.$awardId[.]jwt": { path: (f) => `/badges/${f.badgeId}.jwt`, get: everyone() },
  "badges.$awardId[.]png": { path: (f) => `/badges/${f.badgeId}.png`, get: everyone() },
  "badges.$awardId[.]svg": { path: (f) => `/badges/${f.badgeId}.svg`, get: everyone() },
  "badges.$awardId_.baked[.]svg": { path: (f) => `/badges/${f.badgeId}/baked.svg`, get: everyone() },
  "badges.$awardId_.baked[.]png": { path: (f) => `/badges/${f.badgeId}/baked.png`, get: everyone() },
  "badges.$awardId_.status": { path: (f) => `/badges/${f.badgeId}/status`, get: everyone() },
  "badges._index": { path: () => "/badges", get: everyone() },
  "badges.keys.$thumbprint": { path: () => "/badges/keys/no-such-key", get: everyone(404) },
  "c.$slug": { path: (f) => `/c/${f.categorySlug}`, get: everyone() },
  categories: { path: () => "/categories", get: everyone() },
  "directory.($level)": { path: () => "/directory", get: everyone() },
  "errors.origin": { path: () => "/errors/origin", get: everyone(403) },
  "errors.bad-request": { path: () => "/errors/bad-request", get: everyone(400) },
  // feeds are reached through the server's .rss rewrite (scripts/server/server.ts), which has no data form
  "feeds.c.$slug": { path: (f) => `/c/${f.categorySlug}.rss`, get: everyone(), data: everyone(404) },
  "feeds.latest": { path: () => "/latest.rss", get: everyone(), data: everyone(404) },
  "feeds.t.$slug.$id": { path: (f) => `/t/${f.topicSlug}/${f.topicId}.rss`, get: everyone(), data: everyone(404) },
  "forgot-password": { path: () => "/forgot-password", get: everyone() },
  healthz: { path: () => "/healthz", get: everyone() },
  // a form kept when the session ended: only the member whose cookie names it (the fixtures hold none);
  // a post that is neither "send" (?to=) nor "discard" is refused
  held: { path: () => "/held", get: signedIn(404), post: signedIn(400) },
  latest: { path: () => "/latest", get: everyone() },
  login: { path: () => "/login", get: { all: 302, visitor: 200 } },
  logout: { path: () => "/logout", get: everyone() },
  "my.activities": { path: () => "/my/activities", get: signedIn(), post: signedIn(400) },
  "my.bookmarks": { path: () => "/my/bookmarks", get: signedIn() },
  "my.contacts": { path: () => "/my/contacts", get: signedIn() },
  // one contact thread, by id: only the member it was sent to (the fixtures' people have none)
  "my.contacts_.$id": { path: () => "/my/contacts/999999", get: signedIn(404), post: signedIn(404) },
  "my.notifications.settings": { path: () => "/my/notifications/settings", get: signedIn() },
  // push on a device: the settings page's forms and script post here; a GET goes back to the settings
  "my.push": { path: () => "/my/push", get: { all: 302 }, post: signedIn(400) },
  offline: { path: () => "/offline", get: everyone() },
  "icons.$name": { path: () => "/icons/icon-192.png", get: everyone() },
  // a recruiter keeps no development plan; a form without fields saves an empty plan
  "my.development": {
    path: () => "/my/development",
    get: { all: 200, visitor: 302, recruiter: 403 },
    post: { all: 302, visitor: 302, recruiter: 403 },
  },
  "my.profile": { path: () => "/my/profile", get: signedIn() },
  "my.reading": { path: () => "/my/reading", get: signedIn() },
  "my.cpd": { path: () => "/my/cpd", get: signedIn() },
  "my.security": { path: () => "/my/security", get: signedIn(), post: signedIn(400) },
  "new-topic": { path: () => "/new-topic", get: signedIn() },
  new: { path: () => "/new", get: signedIn() },
  notifications: { path: () => "/notifications", get: signedIn() },
  // personal messages: any signed-in account has an inbox; only members start one (recruiters: 403)
  "messages._index": { path: () => "/messages", get: signedIn() },
  "messages.new": {
    path: () => "/messages/new",
    get: { all: 200, visitor: 302, recruiter: 403 },
    post: { all: 400, visitor: 302, recruiter: 403 },
  },
  // adding people: participants only (404 for anyone else, the conversation not admitted); recruiters 403
  "messages.$id.participants": {
    path: () => "/messages/999999/participants",
    get: { all: 404, visitor: 302, recruiter: 403 },
    post: { all: 404, visitor: 302, recruiter: 403 },
  },
  "p.$id": { path: (f) => `/p/${f.replyId}`, get: everyone() },
  "p.$id_.bookmark": { path: (f) => `/p/${f.replyId}/bookmark`, get: signedIn() },
  "p.$id_.edit": {
    path: (f) => `/p/${f.replyId}/edit`,
    get: { all: 403, visitor: 302, level1: 200, admin: 200 },
    post: { all: 403, visitor: 302, level1: 400, admin: 400 },
  },
  "p.$id_.flag": { path: (f) => `/p/${f.replyId}/flag`, get: signedIn() },
  "p.$id_.moderate": {
    path: (f) => `/p/${f.victimPostId}/moderate`,
    get: staffHidden(),
    post: staffHidden(302),
    postFields: { intent: "hide", reason: "authorization matrix" },
  },
  "p.$id_.revisions": { path: (f) => `/p/${f.replyId}/revisions`, get: everyone() },
  progress: { path: () => "/progress", get: signedIn() },
  // the desk's stage and note forms: verified recruiters only; an empty post names no candidate
  "recruiter._index": { path: () => "/recruiter", get: signedIn(), post: { all: 403, visitor: 302, recruiter: 400 } },
  // an alert mail's unsubscribe link: no sign-in, the token is the key; an unknown one is a 404 for all
  "recruiter.alerts.$token": {
    path: () => "/recruiter/alerts/no-such-token-0000000000",
    get: everyone(404),
    post: everyone(404),
  },
  // a mail's unsubscribe link (issue 23): no sign-in, the signed token is the key; a bad one is a 404 for all
  "mail.unsubscribe.$token": {
    path: () => "/mail/unsubscribe/1.digest.00000000000000000000000000000000",
    get: everyone(404),
    post: everyone(404),
  },
  "recruiter.apply": { path: () => "/recruiter/apply", get: signedIn() },
  "recruiter.contact.$username": {
    path: (f) => `/recruiter/contact/${f.username}`,
    get: { all: 403, visitor: 302, recruiter: 200 },
    post: { all: 403, visitor: 302, recruiter: 422 },
  },
  "recruiter.searches": { path: () => "/recruiter/searches", get: everyone(302) },
  "recruiter.shortlist": { path: () => "/recruiter/shortlist", get: everyone(302) },
  // the shortlist's CSV: the recruiter's own, nobody else's
  "recruiter.shortlist[.]csv": {
    path: () => "/recruiter/shortlist.csv",
    get: { all: 403, visitor: 302, recruiter: 200 },
  },
  "reset-password.$token": { path: () => "/reset-password/not-a-real-token", get: everyone() },
  review: { path: () => "/review", get: staffHidden(), post: staffHidden(400) },
  search: { path: () => "/search?q=service", get: everyone() },
  signup: { path: () => "/signup", get: { all: 302, visitor: 200 } },
  "sitemap[.]xml": { path: () => "/sitemap.xml", get: everyone() },
  "t.$id.admin": { path: (f) => `/t/${f.topicId}/admin`, get: staffHidden(), post: staffHidden(400) },
  "t.$slug.$id.($postNumber)": { path: (f) => f.topicUrl, get: everyone() },
  // a topic by its slug alone: a redirect to it for everyone who may see it (test/integration/topic-navigation.test.ts
  // holds the private cases)
  "t.$slug._index": { path: (f) => `/t/${f.topicSlug}`, get: everyone(302) },
  "tag.$tag": { path: (f) => `/tag/${f.tag}`, get: everyone() },
  top: { path: () => "/top", get: everyone() },
  "u.$username": { path: (f) => `/u/${f.username}`, get: everyone() },
  // the user card's fragment: a profile the viewer may not see is a card saying so (200), never a 404
  "u.$username_.card": { path: (f) => `/u/${f.username}/card`, get: everyone() },
  "u.$username_.moderate": { path: (f) => `/u/${f.username}/moderate`, get: staffHidden(), post: staffHidden(422) },
  "u.$username_.progress": { path: (f) => `/u/${f.username}/progress`, get: staffHidden() },
  // the profile's ignore button posts here; an empty form is refused
  "u.$username_.ignore": {
    path: (f) => `/u/${f.username}/ignore`,
    get: signedIn(),
    post: signedIn(400),
  },
  unread: { path: () => "/unread", get: signedIn() },
  // ---- routes from the parallel features (mentorship, groups, events, awards, assessments, privacy, language) ----
  language: { path: () => "/language", get: everyone() },
  privacy: { path: () => "/privacy", get: everyone() },
  "my.data": { path: () => "/my/data", get: signedIn() },
  // without a prepared export the download sends the member back to /my/data
  "my.data[.]zip": { path: () => "/my/data.zip", get: everyone(302) },
  "my.delete-account": { path: () => "/my/delete-account", get: signedIn() },
  "my.appeals": { path: () => "/my/appeals", get: signedIn() },
  // without a pending sign-in (a password just checked) the second step sends everyone back to sign in (or home)
  "login_.two-factor": { path: () => "/login/two-factor", get: everyone(302), post: everyone(302) },
  "my.two-factor": { path: () => "/my/two-factor", get: signedIn(), post: signedIn(400) },
  "events._index": { path: () => "/events", get: everyone() },
  "events[.]ics": { path: () => "/events.ics", get: everyone() },
  "events[.]rss": { path: () => "/events.rss", get: everyone() },
  "awards._index": { path: () => "/awards", get: everyone() },
  "assessments._index": { path: () => "/assessments", get: signedIn() },
  // judges only (staff manage awards from /admin/awards)
  "judging._index": { path: () => "/judging", get: { all: 403, visitor: 302, judge: 200 } },
  // the tutor of a learning group (the role alone is not enough: the lead adds a tutor with a group), and staff
  "tutor._index": { path: () => "/tutor", get: { all: 403, visitor: 302, admin: 200 } },
  "mentorship._index": { path: () => "/mentorship", get: signedIn() },
  "admin.appeals": { path: () => "/admin/appeals", get: staff() },
  "admin.assessments": { path: () => "/admin/assessments", get: staff() },
  "admin.awards._index": { path: () => "/admin/awards", get: staff() },
  "admin.events._index": { path: () => "/admin/events", get: staff() },
  "admin.groups._index": { path: () => "/admin/groups", get: staff() },
  "admin.mentorship": { path: () => "/admin/mentorship", get: staff() },
  "admin.question-banks": { path: () => "/admin/question-banks", get: staff() },
  "admin.tutor-clock": { path: () => "/admin/tutor-clock", get: staff() },
  "admin.jobs": { path: () => "/admin/jobs", get: staff(), post: staff(400) },
  // by id: an id that does not exist answers 404 to whoever may use the page, before anything else
  "admin.awards.$id": { path: () => "/admin/awards/999999", get: staff(404) },
  "admin.events.$id": { path: () => "/admin/events/999999", get: staff(404) },
  "admin.groups.$id": { path: () => "/admin/groups/999999", get: staff(404) },
  "admin.question-banks_.$id": { path: () => "/admin/question-banks/999999", get: staff(404) },
  "assessments.$slug": { path: () => "/assessments/no-such-assessment", get: signedIn(404) },
  "assessments.attempts.$id": { path: () => "/assessments/attempts/999999", get: signedIn(404) },
  // answers are saved by POST only (JSON, from the page's script): a GET is a bad request
  // (its data form runs no loader of its own: root data only)
  "assessments.attempts.$id_.save": {
    path: () => "/assessments/attempts/999999/save",
    get: everyone(400),
    data: everyone(200),
  },
  "awards.files.$id": { path: () => "/awards/files/999999", get: everyone(404) },
  "awards.nominate": { path: () => "/awards/nominate", get: signedIn() },
  "events.$id": { path: () => "/events/999999", get: everyone(404) },
  "events.$id[.]ics": { path: () => "/events/999999.ics", get: everyone(404) },
  "judging.$id": { path: () => "/judging/999999", get: signedIn(404) },
  "mentorship.$id": { path: () => "/mentorship/999999", get: signedIn(404) },
  // level 4 only (the tutor and judge fixtures are level-4 members)
  "mentorship.mentor": {
    path: () => "/mentorship/mentor",
    get: { all: 403, visitor: 302, level4: 200, tutor: 200, judge: 200 },
  },
  "mentorship.request": { path: () => "/mentorship/request", get: signedIn() },
  "mentorship.suggestions": { path: () => "/mentorship/suggestions", get: signedIn() },
  "tutor.groups.$id": { path: () => "/tutor/groups/999999", get: signedIn(404) },
  "uploads.$": { path: () => "/uploads/profiles/1-abcdefghijkl-256.webp", get: everyone(404) },
  // portfolios (issue 26): the member's own page (a recruiter account has none), its interview
  // calendar (none scheduled: 404), evidence files (member, staff, assigned reviewers), the
  // reference's tokenised page (no account), the reviewer's pages and staff's
  "portfolio.$key": { path: () => "/portfolio/ccsm-experience-portfolio", get: { ...signedIn(), recruiter: 403 } },
  "portfolio.$key_.interview[.]ics": {
    path: () => "/portfolio/ccsm-experience-portfolio/interview.ics",
    get: signedIn(404),
  },
  "portfolio-files.$id": { path: () => "/portfolio-files/999999", get: everyone(404) },
  "references.$token": { path: () => "/references/no-such-token-0000000000", get: everyone(404) },
  "portfolio-reviews._index": { path: () => "/portfolio-reviews", get: signedIn() },
  "portfolio-reviews.$id": { path: () => "/portfolio-reviews/999999", get: signedIn(404) },
  "admin.portfolios._index": { path: () => "/admin/portfolios", get: staff() },
  "admin.portfolios.$id": { path: () => "/admin/portfolios/999999", get: staff(404) },
};

/** Extra addresses that must stay closed whatever the route table says (private things by id). */
export const PRIVATE: Record<string, Row> = {
  "a staff-only topic": { path: (f) => f.privateTopicUrl, get: { all: 404, admin: 200 } },
  "a staff-only post's revisions": { path: (f) => `/p/${f.privatePostId}/revisions`, get: { all: 404, admin: 200 } },
  "a staff-only post's flag form": {
    path: (f) => `/p/${f.privatePostId}/flag`,
    get: { all: 404, visitor: 302, admin: 200 },
  },
  "a staff-only category": { path: (f) => `/c/${f.privateCategorySlug}`, get: { all: 404, admin: 200 } },
  "a staff-only category's feed": { path: (f) => `/c/${f.privateCategorySlug}.rss`, get: { all: 404 } },
  // authz_level1 has not said they are open to opportunities: no recruiter may contact them
  "the contact form of a member not open to opportunities": {
    path: () => "/recruiter/contact/authz_level1",
    get: { all: 403, visitor: 302 },
  },
};

export const expected = (a: Answer, who: Who) => a[who] ?? a.all;

/** Route ids as Remix derives them from file names. */
export function routeFiles(): string[] {
  return readdirSync(path.resolve(__dirname, "../../app/routes"))
    .filter((f) => /\.(tsx?|jsx?)$/.test(f))
    .map((f) => f.replace(/\.(tsx?|jsx?)$/, ""))
    .sort();
}

/** Runs `fn` over `items` with at most `n` at a time. */
export async function pool<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

export type Person = { id: number; username: string; password: string };

/** One user per kind of viewer, and the forum, profile and badge the routes' addresses point at. */
export async function createFixtures(): Promise<{
  fixtures: Fixtures;
  people: Record<Exclude<Who, "visitor">, Person>;
}> {
  await ensureProgramme();
  const people: Partial<Record<Who, Person>> = {};
  const make = async (who: Who, roles: Role[], level?: number) => {
    const u = await createUser({ username: `authz_${who}`, roles });
    await ageUser(u);
    if (level) await enrol(u.id, level);
    people[who] = u;
  };
  await make("member", ["member"]);
  for (const l of [1, 2, 3, 4]) await make(`level${l}` as Who, ["member"], l);
  await make("recruiter", ["recruiter"]);
  await make("tutor", ["member", "tutor"], 4);
  await make("judge", ["member", "judge"], 4);
  await make("admin", ["member", "admin"]);

  const open = await createCategory({ slug: "authz-open", name: "Open talk" });
  const secret = await createCategory({
    slug: "authz-staff",
    name: "Staff room",
    see: "staff",
    post: "staff",
    reply: "staff",
  });
  const tag = await createTag("authz-tag", "Authz tag");
  const topic = await makeTopic(people.level1!, open, {
    title: "Greeting customers by name on the phone",
    tags: [tag],
  });
  const reply = await makeReply(people.level1!, topic, "A reply that only its author and staff may edit.");
  const victim = await makeTopic(people.level2!, open, { title: "A post a moderator will hide in this test" });
  const hidden = await makeTopic(people.admin!, secret, { title: "Confidential staff matter for review" });
  const owner = { username: "authz_profile", displayName: "Profile Owner" };
  const profile = await createProfile({ ...owner, level: 1, open: true }); // open: recruiters may contact them
  const badge = await db
    .transaction()
    .execute((trx) =>
      awardLevelBadge(trx, { userId: profile.id, level: 1, awardedBy: null, applicationId: null, at: new Date() }),
    );

  const firstPost = async (topicId: number) =>
    (
      await db
        .selectFrom("posts")
        .select("id")
        .where("topic_id", "=", topicId)
        .where("post_number", "=", 1)
        .executeTakeFirstOrThrow()
    ).id;
  const slug = (await db.selectFrom("topics").select("slug").where("id", "=", topic.topicId).executeTakeFirstOrThrow())
    .slug;
  const fixtures: Fixtures = {
    topicUrl: topic.url,
    topicId: topic.topicId,
    topicSlug: slug,
    postId: await firstPost(topic.topicId),
    replyId: reply.postId,
    victimPostId: await firstPost(victim.topicId),
    privateTopicUrl: hidden.url,
    privatePostId: await firstPost(hidden.topicId),
    categorySlug: open.slug,
    privateCategorySlug: secret.slug,
    tag,
    username: profile.username,
    badgeId: badge.public_id,
  };
  return { fixtures, people: people as Record<Exclude<Who, "visitor">, Person> };
}

export async function signIn(app: TestApp, user: { username: string; password: string }) {
  return signInCookie(app, user);
}

// ---- sanctions: the write actions a suspended or silenced member is refused ----
// (test/integration/authz-sanctions.test.ts). Suspended: no post, reply, edit, like, flag or message, nor adding
// anyone to a conversation (Discourse's rule); silenced: the same, but may still like. One check
// (`sanctionRefusal` in app/models/forum/limits.server.ts); mentorship asks and endorsements are tested in
// mentorship.test.ts and directory.test.ts.
export type SanctionFixtures = {
  topicUrl: string;
  topicId: number;
  postId: number;
  ownPostId: number;
  categorySlug: string;
  /** a member the sanctioned one may otherwise write a personal message to */
  recipient: string;
  /** a conversation the sanctioned one takes part in, and a member they may otherwise add to it */
  conversationId: number;
  addable: string;
};
export type SanctionRow = {
  path: (f: SanctionFixtures) => string;
  fields: (f: SanctionFixtures) => Record<string, string>;
  suspended: number;
  silenced: number;
  member: number;
};
export const SANCTIONS: Record<string, SanctionRow> = {
  like: {
    path: (f) => f.topicUrl,
    fields: (f) => ({ intent: "like", postId: String(f.postId) }),
    suspended: 403,
    silenced: 302,
    member: 302,
  },
  flag: {
    path: (f) => `/p/${f.postId}/flag`,
    fields: () => ({ reason: "spam" }),
    suspended: 403,
    silenced: 403,
    member: 200,
  },
  reply: {
    path: (f) => f.topicUrl,
    fields: () => ({ body: "A reply a sanctioned member may not post, long enough." }),
    suspended: 403,
    silenced: 403,
    member: 302,
  },
  "new topic": {
    path: () => "/new-topic",
    fields: (f) => ({
      title: "A topic a sanctioned member may not start",
      category: f.categorySlug,
      body: "Its body is long enough to be a topic.",
    }),
    suspended: 403,
    silenced: 403,
    member: 302,
  },
  message: {
    path: () => "/messages/new",
    fields: (f) => ({
      to: f.recipient,
      title: "A message a sanctioned member may not send",
      body: "Its body is long enough to be a message.",
    }),
    suspended: 403,
    silenced: 403,
    member: 302,
  },
  "add to a conversation": {
    path: (f) => `/messages/${f.conversationId}/participants`,
    fields: (f) => ({ to: f.addable }),
    suspended: 403,
    silenced: 403,
    member: 302,
  },
  edit: {
    path: (f) => `/p/${f.ownPostId}/edit`,
    fields: () => ({ body: "An edit a sanctioned member may not make, long enough." }),
    suspended: 403,
    silenced: 403,
    member: 302,
  },
};
