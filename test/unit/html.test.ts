// The escaping of the lists and pages rendered as strings (app/html.ts, components/topic-list.tsx,
// post-view.ts, directory-cards.ts, directory-page.ts): hostile titles, names, tags and queries
// stay text, in element content and in attributes, in a real HTML parser.
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { DomUtils, parseDocument } from "htmlparser2";
import type { Element } from "domhandler";
import { escapeHtml } from "~/html";
import { TopicList, type TopicListItem } from "~/components/topic-list";
import { postsHtml, type PostAbilities, type PostItem } from "~/components/post-view";
import { relativeTime } from "~/components/relative-time";
import { SLOT, directoryCardsHtml } from "~/components/directory-cards";
import type { DirectoryCard, DirectoryOutcome } from "~/models/directory/directory.server";
import { directoryPageHtml } from "~/components/directory-page";
import type { DirectoryPageData } from "~/models/directory/directory-page.server";
import { parseDirectoryQuery } from "~/models/directory/directory.schema";
import { createElement } from "react";
import { I18nextProvider } from "react-i18next";
import { sharedI18n } from "~/i18n";
import { HOSTILE_INPUTS } from "./hostile-inputs";

// a small query layer over htmlparser2's DOM: elements by tag and class
type Node = {
  all(tag: string, cls?: string): Node[];
  one(tag: string, cls?: string): Node | null;
  text: string;
  attr(name: string): string | undefined;
  tag: string;
};
function wrap(el: Element): Node {
  const match = (tag: string, cls?: string) => (e: Element) =>
    e.name === tag && (!cls || (e.attribs.class ?? "").split(" ").includes(cls));
  return {
    all: (tag, cls) => DomUtils.findAll(match(tag, cls), el.children).map(wrap),
    one: (tag, cls) => {
      const f = DomUtils.findOne(match(tag, cls), el.children);
      return f ? wrap(f) : null;
    },
    text: DomUtils.textContent(el),
    attr: (name) => el.attribs[name],
    tag: el.name,
  };
}
/** The list as a page renders it, in English. */
const render = (props: { topics: TopicListItem[]; signedIn: boolean }) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: sharedI18n("en") }, createElement(TopicList, props)));
const parse = (html: string) =>
  wrap({ name: "root", attribs: {}, children: parseDocument(html).children } as unknown as Element);

const topic = (over: Partial<TopicListItem> = {}): TopicListItem => ({
  id: 7,
  slug: "a-topic",
  title: "A topic",
  tags: [{ slug: "sla-management", name: "SLA management" }],
  reply_count: 3,
  highest_post_number: 4,
  like_count: 2,
  bumped_at: new Date("2026-12-01T10:00:00Z"),
  pinned: false,
  closed_at: null,
  archived_at: null,
  unread: 0,
  is_new: false,
  category: { slug: "general", name: "General", colour: "#123abc" },
  posters: [{ username: "ada", display_name: "Ada Obi" }],
  ...over,
});

describe("escapeHtml", () => {
  it("escapes the five characters, every time (no regex state between calls)", () => {
    for (let i = 0; i < 3; i++)
      expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
        "&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;&amp;&lt;/a&gt;",
      );
    expect(escapeHtml("plain")).toBe("plain");
    expect(escapeHtml(42)).toBe("42");
  });
});

describe("TopicList rows", () => {
  it("keep hostile titles, names, tags and colours as text", () => {
    const hostile = HOSTILE_INPUTS.map((h) => h.markdown);
    const topics = hostile.map((h, i) =>
      topic({
        id: i + 1,
        title: h,
        tags: [{ slug: h, name: h }],
        category: { slug: "c", name: h, colour: `#fff;background:url(javascript:alert(1))` },
        posters: [{ username: "u", display_name: h }],
      }),
    );
    const html = render({ topics, signedIn: true });
    const root = parse(html);
    const rows = root.all("li", "topic-row");
    expect(rows).toHaveLength(hostile.length);
    rows.forEach((row, i) => {
      expect(row.one("a", "topic-title")!.text).toBe(hostile[i]);
      expect(row.one("a", "category-badge")!.text).toBe(hostile[i]);
      expect(row.one("a", "category-badge")!.attr("style")).toBeUndefined(); // not a colour: no style at all
      expect(row.one("span", "avatar")!.attr("aria-label")).toBe(hostile[i]);
      expect(row.one("span", "avatar")!.attr("title")).toBe(hostile[i]);
      expect(row.one("a", "tag")!.text).toBe(hostile[i]);
    });
    // nothing but the list's own elements
    const elements = DomUtils.findAll(() => true, parseDocument(html).children);
    expect([...new Set(elements.map((e) => e.name))].sort()).toEqual([
      "a",
      "dd",
      "div",
      "dl",
      "dt",
      "li",
      "ol",
      "span",
      "time",
    ]);
    // no attribute but the list's own (no handler, no src, no injected style)
    const names = new Set(elements.flatMap((e) => Object.keys(e.attribs)));
    expect([...names].sort()).toEqual(["aria-label", "class", "datetime", "href", "role", "title"]);
    expect(elements.filter((e) => e.name === "a").every((e) => /^\/(t|c|tag)\//.test(e.attribs.href))).toBe(true);
  });

  it("show what a row shows: link to the first unread post, badges, posters, counts and time", () => {
    const html = render({
      topics: [topic({ unread: 2, pinned: true }), topic({ id: 8, is_new: true })],
      signedIn: true,
    });
    const [first, second] = parse(html).all("li", "topic-row");
    expect(first.one("a", "topic-title")!.attr("href")).toBe("/t/a-topic/7/3");
    expect(first.all("span", "tag-state").map((e) => e.text)).toEqual(["Pinned"]);
    expect(first.one("span", "unread-badge")!.text).toBe("2 unread");
    expect(second.one("span", "new-badge")!.text).toBe("new");
    expect(first.one("a", "category-badge")!.attr("style")).toBe("--c:#123abc");
    expect(first.one("span", "avatar")!.text).toBe("AO");
    // a tag reads as its name and links by its slug
    expect(first.one("a", "tag")!.text).toBe("SLA management");
    expect(first.one("a", "tag")!.attr("href")).toBe("/tag/sla-management");
    expect(
      first
        .all("dd")
        .map((e) => e.text)
        .slice(0, 2),
    ).toEqual(["3", "2"]);
    expect(first.one("time")!.attr("datetime")).toBe("2026-12-01T10:00:00.000Z");
    // visitors go to the topic's start and see no unread badges
    const visitor = parse(render({ topics: [topic({ unread: 2 })], signedIn: false }));
    expect(visitor.one("a", "topic-title")!.attr("href")).toBe("/t/a-topic/7");
    expect(visitor.one("span", "unread-badge")).toBeNull();
  });
});

describe("a topic's posts as a string (every reader)", () => {
  const post = (over: Partial<PostItem> = {}): PostItem => ({
    id: 11,
    post_number: 2,
    user_id: 5,
    username: "ada_obi",
    display_name: 'Ada <Obi> & "Co"',
    level: 2,
    badge_id: null,
    reply_to_post_number: null,
    body_html: "<p>Hello <strong>there</strong></p>",
    like_count: 3,
    revision_count: 0,
    created_at: new Date(Date.now() - 3.5 * 3_600_000),
    edited_at: null,
    liked: false,
    bookmarked: false,
    own: false,
    state: "visible",
    ...over,
  });
  const visitor: PostAbilities = { signedIn: false, reply: false, moderate: false, like: false };
  const member: PostAbilities = { signedIn: true, reply: true, moderate: false, like: true };
  const staff: PostAbilities = { ...member, moderate: true };
  const html = (posts: PostItem[], can: PostAbilities, lang: "en" | "fr" = "en") =>
    postsHtml(posts, { topicPath: "/t/a-topic/7", can, t: sharedI18n(lang).t, lang });
  const articles = (h: string) => parse(h).all("article", "post");
  const a0 = (h: string) => articles(h)[0]!;
  const { t } = sharedI18n("en");

  it("keeps hostile names, usernames, badge ids and addresses as text, for visitors and members", () => {
    const hostile = HOSTILE_INPUTS.map((h) => h.markdown);
    const posts = hostile.map((x, i) =>
      post({ id: i + 1, post_number: i + 1, display_name: x, username: `u${i}"><b>`, badge_id: x }),
    );
    for (const can of [visitor, member, staff]) {
      const out = html(posts, can);
      const found = articles(out);
      expect(found).toHaveLength(hostile.length);
      found.forEach((a, i) => {
        expect(a.one("span", "post-author")!.text).toBe(hostile[i]);
        expect(a.attr("data-username")).toBe(`u${i}"><b>`);
        expect(a.one("a", "level-tag")!.attr("href")).toBe(`/badges/${hostile[i]}`);
        if (can.like) {
          // no action: the like form posts to the page's own address
          expect(a.one("form")!.attr("action")).toBeUndefined();
          expect(a.one("button", "like")!.attr("aria-label")).toBe(t("topic.likeLabel", { name: hostile[i] }));
        }
      });
      const elements = DomUtils.findAll(() => true, parseDocument(out).children);
      const forms = can.like ? ["button", "form", "input"] : [];
      const tags = ["a", "article", "div", "footer", "header", "p", "span", "strong", "time", ...forms];
      expect([...new Set(elements.map((e) => e.name))].sort()).toEqual(tags.sort());
      const attributes = new Set(elements.flatMap((e) => Object.keys(e.attribs)));
      // tabindex: the avatar's link to the user card is left out of the tab order (the name is the same link)
      const allowed =
        /^(aria-[a-z]+|class|id|href|title|datetime|data-[a-z-]+|method|action|type|name|value|tabindex)$/;
      expect(a0(out).one("a", "avatar-link")!.attr("data-user-card")).toBe(`u0"><b>`);
      for (const name of attributes) expect(name).toMatch(allowed);
    }
  });

  it("gives each reader the actions they may take, as plain forms and links", () => {
    const posts = [
      post(),
      post({ id: 12, post_number: 3, liked: true, bookmarked: true, like_count: 1 }),
      post({ id: 13, post_number: 4, own: true }),
      post({ id: 14, post_number: 5, own: true, state: "withdrawn", body_html: "" }),
      post({ id: 15, post_number: 6, state: "deleted", body_html: "" }),
    ];
    const actions = (h: string) =>
      articles(h).map((a) => [
        ...a.all("form").map((f) => `${f.attr("action") ?? "(this page)"} ${f.one("button")!.attr("value")}`),
        ...a
          .one("footer")!
          .all("a")
          .map((l) => l.attr("href")),
      ]);
    // a visitor (who owns nothing): counts only, no form
    const read = posts.map((p) => ({ ...p, own: false }));
    expect(parse(html(read, visitor)).all("form")).toHaveLength(0);
    expect(
      parse(html(read, visitor))
        .all("footer")
        .flatMap((f) => f.all("a")),
    ).toHaveLength(0);
    expect(articles(html(posts, visitor))[0].one("span", "like-count")!.text).toBe("3 likes");
    // relative: the composer opens on the page being read
    const answer = (n: number) => [`?replyTo=${n}#composer`, `?quote=${n}#composer`];
    expect(actions(html(posts, member))).toEqual([
      ["(this page) like", ...answer(2), "/p/11/bookmark", "/p/11/flag"],
      ["(this page) unlike", ...answer(3), "/p/12/bookmark", "/p/12/flag"],
      ["/p/13 delete", ...answer(4), "/p/13/bookmark", "/p/13/edit"],
      ["/p/14 restore"],
      [],
    ]);
    expect(actions(html(posts, staff))[4]).toEqual(["/p/15 restore", "/p/15/moderate"]);
    expect(actions(html(posts, staff))[0]).toContain("/p/11/edit");
    const [liked] = articles(html([posts[1]], member));
    const like = liked.one("button", "like")!;
    const shown = [like.attr("class"), like.attr("aria-pressed"), like.text];
    expect(shown).toEqual(["secondary small like liked", "true", "♥ 1"]);
    expect(like.attr("aria-label")).toBe(t("topic.unlikeLabel", { name: posts[1].display_name }));
    expect(liked.one("form")!.one("input")!.attr("value")).toBe("12");
    expect(
      liked
        .one("footer")!
        .all("a")
        .map((a) => a.text),
    ).toContain("Bookmarked.");
  });

  it.each(["en", "fr"] as const)("shows a post's facts: author, level, time, reply, revisions, notes (%s)", (lang) => {
    const tr = sharedI18n(lang).t;
    const [first, second, departed, withdrawn, deleted, hidden, anonymous] = articles(
      html(
        [
          post(),
          post({
            id: 12,
            post_number: 3,
            level: 4,
            badge_id: "abc_DEF-123",
            reply_to_post_number: 2,
            revision_count: 2,
          }),
          post({ id: 13, post_number: 4, username: "deleted-17", display_name: null, level: null, like_count: 0 }),
          post({ id: 14, post_number: 5, state: "withdrawn", body_html: "" }),
          post({ id: 15, post_number: 6, state: "deleted", body_html: "" }),
          post({ id: 16, post_number: 7, state: "hidden", body_html: "", own: true }),
          post({ id: 17, post_number: 8, username: null, display_name: null, level: 3 }),
        ],
        visitor,
        lang,
      ),
    );
    expect(first.attr("id")).toBe("post-2");
    expect(first.one("a")!.attr("href")).toBe("/u/ada_obi");
    const pill = tr("badges.pill.text", { level: 2, name: tr("badges.levelShort.2") });
    expect(first.one("span", "level-tag")!.text).toBe(`${pill} ${tr("badges.pill.levelSuffix", { level: 2 })}`);
    expect(first.one("div", "post-meta")!.one("a")!.attr("href")).toBe("/t/a-topic/7/2#post-2");
    expect(first.one("time")!.text).toBe(relativeTime(new Date(Date.now() - 3.5 * 3_600_000), lang).text);
    expect(first.one("div", "post-body")!.one("strong")!.text).toBe("there");
    expect(second.one("a", "level-tag")!.attr("href")).toBe("/badges/abc_DEF-123");
    const meta = second
      .one("div", "post-meta")!
      .all("a")
      .map((a) => a.attr("href"));
    expect(meta).toEqual(["/t/a-topic/7/3#post-3", "/t/a-topic/7/2#post-2", "/p/12/revisions"]);
    expect(departed.one("span", "post-author")!.text).toBe(tr("privacy.deletedMember"));
    expect(departed.one("span", "post-author")!.one("a")).toBeNull();
    expect(withdrawn.one("p", "post-note")!.text).toBe(tr("topic.withdrawn"));
    expect(deleted.one("p", "post-note")!.text).toBe(tr("topic.deleted"));
    expect(hidden.one("p", "post-note")!.text).toBe(tr("topic.hiddenOwn"));
    expect(anonymous.attr("data-username")).toBeUndefined();
    expect(anonymous.one("span", "post-author")!.text).toBe("—");
  });
});

describe("directory cards as a string", () => {
  const labels = {
    at: `${SLOT("title")} at ${SLOT("organisation")}`,
    yearOne: "1 year",
    years: `${SLOT("count")} years`,
    level: `Level ${SLOT("level")}`,
    mentor: "Mentor",
    open: "Open to opportunities",
  };
  const card = (over: Partial<DirectoryCard> = {}): DirectoryCard => ({
    id: 1,
    username: "ada_obi",
    name: "Ada Obi",
    jobTitle: "Team lead",
    organisation: "Acme",
    country: "NG",
    city: "Lagos",
    level: 2,
    badges: ["level-2", "mentor"],
    designations: ["CCXP"],
    openToOpportunities: true,
    isMentor: true,
    yearsCustomerFacing: 3,
    photo: null,
    competencies: ["SLA management", "Coaching"],
    proficiency: {},
    ...over,
  });

  it("shows a card's facts", () => {
    const li = parse(`<ul>${directoryCardsHtml([card()], labels, "en")}</ul>`).one("li", "directory-card")!;
    expect(li.one("a")!.attr("href")).toBe("/u/ada_obi");
    expect(li.all("p").map((p) => p.text)).toEqual([
      "Team lead at Acme",
      "Lagos, Nigeria · 3 years",
      "Level 2MentorCCXPOpen to opportunities",
      "SLA management · Coaching",
    ]);
    expect(li.one("span", "avatar")!.text).toBe("AO");
    const withPhoto = parse(
      directoryCardsHtml(
        [card({ photo: "/uploads/x-64.webp", badges: [], openToOpportunities: false, designations: [] })],
        labels,
        "en",
      ),
    );
    expect(withPhoto.one("img")!.attr("src")).toBe("/uploads/x-64.webp");
    expect(withPhoto.all("span", "flag-pill")).toHaveLength(0);
  });

  it("keeps hostile names, titles, places, designations and competencies as text", () => {
    const hostile = HOSTILE_INPUTS.map((h) => h.markdown);
    const cards = hostile.map((x, i) =>
      card({
        id: i,
        name: x,
        jobTitle: x,
        organisation: null,
        city: x,
        country: null,
        yearsCustomerFacing: 0,
        designations: [x],
        competencies: [x],
      }),
    );
    const html = directoryCardsHtml(cards, labels, "en");
    const items = parse(`<ul>${html}</ul>`).all("li", "directory-card");
    expect(items).toHaveLength(hostile.length);
    items.forEach((li, i) => {
      expect(li.one("a")!.text).toBe(hostile[i]);
      expect(li.all("p").map((p) => p.text)).toEqual([
        hostile[i],
        hostile[i],
        `Level 2Mentor${hostile[i]}Open to opportunities`,
        hostile[i],
      ]);
    });
    const elements = DomUtils.findAll(() => true, parseDocument(html).children);
    expect([...new Set(elements.map((e) => e.name))].sort()).toEqual(["a", "div", "h2", "li", "p", "span"]);
    expect([...new Set(elements.flatMap((e) => Object.keys(e.attribs)))].sort()).toEqual([
      "aria-hidden",
      "class",
      "href",
    ]);
  });
});

describe("the directory page as a string", () => {
  const outcome = (over: Partial<DirectoryOutcome> = {}): DirectoryOutcome => ({
    mode: "meili",
    cards: [],
    total: 0,
    close: null,
    page: 1,
    totalPages: 0,
    facets: {
      level: { "2": 3 },
      country: { NG: 2 },
      competency: {},
      designations: {},
      languages: { en: 3 },
      open_to_opportunities: 1,
      is_mentor: 0,
    },
    elapsedMs: 1,
    ...over,
  });
  const data = (over: Partial<DirectoryPageData> = {}): DirectoryPageData => ({
    query: parseDirectoryQuery(new URLSearchParams()),
    fixedLevel: null,
    basePath: "/directory",
    outcome: outcome(),
    competencies: [{ slug: "sla-management", name: "SLA management" }],
    signedIn: false,
    isRecruiter: false,
    ...over,
  });
  const ctx = { t: sharedI18n("en").t, lang: "en", pathname: "/directory" };

  it("keeps the viewer's filters: the typed text, the chosen options and boxes, the current view", () => {
    const query = parseDirectoryQuery(
      new URLSearchParams("q=team lead&country=NG&language=en&competency=sla-management&open=1&sort=experience&page=2"),
    );
    const page = parse(
      directoryPageHtml(data({ query, outcome: outcome({ total: 60, page: 2, totalPages: 3 }) }), ctx),
    );
    expect(page.one("input")!.attr("value")).toBe("team lead");
    const selected = (id: string) =>
      page
        .all("select")
        .find((s) => s.attr("id") === id)!
        .all("option")
        .filter((o) => o.attr("selected") !== undefined)
        .map((o) => o.attr("value"));
    expect(selected("f-country")).toEqual(["NG"]);
    expect(selected("f-language")).toEqual(["en"]);
    expect(selected("f-sort")).toEqual(["experience"]);
    expect(selected("f-level")).toEqual([""]);
    const checked = page
      .all("input")
      .filter((i) => i.attr("checked") !== undefined)
      .map((i) => `${i.attr("name")}=${i.attr("value")}`);
    expect(checked).toEqual(["competency=sla-management", "open=1"]);
    expect(
      page
        .one("nav", "directory-views")!
        .all("a")
        .filter((a) => a.attr("aria-current") === "page")
        .map((a) => a.attr("href")),
    ).toEqual(["/directory"]);
    const pager = page
      .one("nav", "pager")!
      .all("a")
      .map((a) => a.attr("href"));
    expect(pager).toEqual([
      "/directory?q=team+lead&country=NG&competency=sla-management&language=en&open=1&sort=experience",
      "/directory?q=team+lead&country=NG&competency=sla-management&language=en&open=1&sort=experience&page=3",
    ]);
    expect(page.one("p", "muted")!.text).toContain("Sign in");
  });

  it("keeps hostile queries, competency names and designations as text; the only script is ours", () => {
    for (const { markdown: x } of HOSTILE_INPUTS) {
      const query = { ...parseDirectoryQuery(new URLSearchParams()), q: x };
      const facets = { ...outcome().facets!, designations: { [x]: 2 } };
      const html = directoryPageHtml(
        data({ query, isRecruiter: true, outcome: outcome({ facets }), competencies: [{ slug: "x", name: x }] }),
        ctx,
      );
      const page = parse(html);
      expect(page.one("input")!.attr("value")).toBe(x);
      expect(
        page
          .all("input")
          .find((i) => i.attr("name") === "name")!
          .attr("value"),
      ).toBe(x);
      expect(page.one("fieldset")!.one("label")!.text.trim()).toBe(`${x} (0)`);
      expect(page.all("option").find((o) => o.attr("value") === x)!.text).toBe(`${x} (2)`);
      const scripts = page.all("script");
      expect(scripts).toHaveLength(1);
      // allowed by its hash (app/web/inline-scripts.server.ts), so it carries no nonce
      expect(scripts[0].attr("nonce")).toBeUndefined();
      const elements = DomUtils.findAll(() => true, parseDocument(html).children);
      expect([...new Set(elements.map((e) => e.name))].sort()).toEqual([
        "a",
        "button",
        "details",
        "div",
        "fieldset",
        "form",
        "h1",
        "input",
        "label",
        "legend",
        "nav",
        "option",
        "p",
        "script",
        "select",
        "summary",
      ]);
    }
  });

  it("close matches follow the full matches under their own heading, and the status says how many of each", () => {
    const person = (username: string): DirectoryCard => ({
      ...{ id: username.length, username, name: username, jobTitle: null, organisation: null },
      ...{ country: "NG", city: "Lagos", level: 3, badges: [], designations: [], openToOpportunities: false },
      ...{ isMentor: false, yearsCustomerFacing: 0 },
      ...{ photo: null, competencies: [], proficiency: {} },
    });
    const cards = ["exact_one", "close_one", "close_two"].map(person);
    const query = parseDirectoryQuery(new URLSearchParams("q=Lagos French team lead"));
    const render = (total: number, close: { total: number; firstIndex: number }) =>
      parse(directoryPageHtml(data({ query, outcome: outcome({ cards, total, close, totalPages: 1 }) }), ctx));
    const page = render(1, { total: 2, firstIndex: 1 });
    const lists = page.all("ul", "directory-cards");
    const names = lists.map((l) => l.all("li").map((li) => li.one("a")!.text));
    expect(names).toEqual([["exact_one"], ["close_one", "close_two"]]);
    expect(page.one("h2", "close-matches")!.text).toBe("Close matches");
    const status = (p: typeof page) => p.all("p").find((x) => x.attr("role") === "status")!.text;
    expect(status(page)).toBe("1 profile · 2 close matches below: profiles that match part of your search.");
    // nothing matches every word: the page says so, and the close matches are the whole list
    const none = render(0, { total: 3, firstIndex: 0 });
    expect(none.all("ul", "directory-cards")).toHaveLength(1);
    expect(status(none)).toBe(
      "No profile matches every word of your search. 3 close matches below: profiles that match part of your search.",
    );
  });
});
