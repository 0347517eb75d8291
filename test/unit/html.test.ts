// The escaping of the lists and pages rendered as strings (app/html.ts, components/topic-list.tsx,
// post-view.tsx, directory-cards.ts, directory-page.ts): hostile titles, names, tags and queries
// stay text, in element content and in attributes, in a real HTML parser.
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import { DomUtils, parseDocument } from "htmlparser2";
import type { Element } from "domhandler";
import { escapeHtml } from "~/html";
import { TopicList, type TopicListItem } from "~/components/topic-list";
import { PostView, readOnlyPostsHtml, readsOnly, type PostItem } from "~/components/post-view";
import { SLOT, directoryCardsHtml } from "~/components/directory-cards";
import type { DirectoryCard, DirectoryOutcome } from "~/models/directory.server";
import { directoryPageHtml, type DirectoryPageData } from "~/components/directory-page";
import { parseDirectoryQuery } from "~/models/directory.schema";
import { createElement } from "react";
import { I18nextProvider } from "react-i18next";
import { sharedI18n } from "~/i18n";
import { HOSTILE_INPUTS } from "./hostile-inputs";

// a small query layer over htmlparser2's DOM: elements by tag and class
type Node = { all(tag: string, cls?: string): Node[]; one(tag: string, cls?: string): Node | null; text: string; attr(name: string): string | undefined; tag: string };
function wrap(el: Element): Node {
  const match = (tag: string, cls?: string) => (e: Element) => e.name === tag && (!cls || (e.attribs.class ?? "").split(" ").includes(cls));
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
const render = (props: { topics: TopicListItem[]; signedIn: boolean }) => renderToStaticMarkup(createElement(I18nextProvider, { i18n: sharedI18n("en") }, createElement(TopicList, props)));
const parse = (html: string) => wrap({ name: "root", attribs: {}, children: parseDocument(html).children } as unknown as Element);

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
  unread: null,
  category: { slug: "general", name: "General", colour: "#123abc" },
  posters: [{ username: "ada", display_name: "Ada Obi" }],
  ...over,
});

describe("escapeHtml", () => {
  it("escapes the five characters, every time (no regex state between calls)", () => {
    for (let i = 0; i < 3; i++) expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;&amp;&lt;/a&gt;");
    expect(escapeHtml("plain")).toBe("plain");
    expect(escapeHtml(42)).toBe("42");
  });
});

describe("TopicList rows", () => {
  it("keep hostile titles, names, tags and colours as text", () => {
    const hostile = HOSTILE_INPUTS.map((h) => h.markdown);
    const topics = hostile.map((h, i) =>
      topic({ id: i + 1, title: h, tags: [{ slug: h, name: h }], category: { slug: "c", name: h, colour: `#fff;background:url(javascript:alert(1))` }, posters: [{ username: "u", display_name: h }] }),
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
    expect([...new Set(elements.map((e) => e.name))].sort()).toEqual(["a", "dd", "div", "dl", "dt", "li", "ol", "span", "time"]);
    // no attribute but the list's own (no handler, no src, no injected style)
    const names = new Set(elements.flatMap((e) => Object.keys(e.attribs)));
    expect([...names].sort()).toEqual(["aria-label", "class", "datetime", "href", "role", "title"]);
    expect(elements.filter((e) => e.name === "a").every((e) => /^\/(t|c|tag)\//.test(e.attribs.href))).toBe(true);
  });

  it("show what a row shows: link to the first unread post, badges, posters, counts and time", () => {
    const html = render({ topics: [topic({ unread: 2, pinned: true }), topic({ id: 8, unread: null })], signedIn: true });
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
    expect(first.all("dd").map((e) => e.text).slice(0, 2)).toEqual(["3", "2"]);
    expect(first.one("time")!.attr("datetime")).toBe("2026-12-01T10:00:00.000Z");
    // visitors go to the topic's start and see no unread badges
    const visitor = parse(render({ topics: [topic({ unread: 2 })], signedIn: false }));
    expect(visitor.one("a", "topic-title")!.attr("href")).toBe("/t/a-topic/7");
    expect(visitor.one("span", "unread-badge")).toBeNull();
  });
});

describe("a visitor's posts as a string", () => {
  const post = (over: Partial<PostItem> = {}): PostItem => ({
    id: 11,
    post_number: 2,
    user_id: 5,
    username: "ada_obi",
    display_name: "Ada <Obi> & \"Co\"",
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
  const posts: PostItem[] = [
    post(),
    post({ id: 12, post_number: 3, level: 4, badge_id: "abc_DEF-123", reply_to_post_number: 2, revision_count: 2, like_count: 1 }),
    post({ id: 13, post_number: 4, username: "deleted-17", display_name: null, level: null, like_count: 0 }),
    post({ id: 14, post_number: 5, state: "withdrawn", body_html: "" }),
    post({ id: 15, post_number: 6, state: "deleted", body_html: "", revision_count: 1 }),
    post({ id: 16, post_number: 7, state: "hidden", body_html: "", level: 1, created_at: new Date(Date.now() - 40 * 86_400_000) }),
    post({ id: 17, post_number: 8, username: null, display_name: null, level: 3 }),
  ];
  const visitor = { signedIn: false, reply: false, moderate: false, like: false };

  it.each(["en", "fr"] as const)("is exactly PostView's markup (%s)", (lang) => {
    const i18n = sharedI18n(lang);
    const viaReact = renderToString(createElement(I18nextProvider, { i18n }, posts.map((p) => createElement(PostView, { key: p.id, post: p, topicPath: "/t/a-topic/7", can: visitor }))));
    expect(readsOnly(visitor)).toBe(true);
    expect(readOnlyPostsHtml(posts, "/t/a-topic/7", i18n.t, lang)).toBe(viaReact);
  });

  it("is used for no one who can act on a post", () => {
    for (const can of [{ ...visitor, signedIn: true }, { ...visitor, reply: true }, { ...visitor, like: true }, { ...visitor, moderate: true }]) expect(readsOnly(can)).toBe(false);
  });
});

describe("directory cards as a string", () => {
  const labels = { at: `${SLOT("title")} at ${SLOT("organisation")}`, yearOne: "1 year", years: `${SLOT("count")} years`, level: `Level ${SLOT("level")}`, mentor: "Mentor", open: "Open to opportunities" };
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
    expect(li.all("p").map((p) => p.text)).toEqual(["Team lead at Acme", "Lagos, Nigeria · 3 years", "Level 2MentorCCXPOpen to opportunities", "SLA management · Coaching"]);
    expect(li.one("span", "avatar")!.text).toBe("AO");
    const withPhoto = parse(directoryCardsHtml([card({ photo: "/uploads/x-64.webp", badges: [], openToOpportunities: false, designations: [] })], labels, "en"));
    expect(withPhoto.one("img")!.attr("src")).toBe("/uploads/x-64.webp");
    expect(withPhoto.all("span", "flag-pill")).toHaveLength(0);
  });

  it("keeps hostile names, titles, places, designations and competencies as text", () => {
    const hostile = HOSTILE_INPUTS.map((h) => h.markdown);
    const cards = hostile.map((x, i) => card({ id: i, name: x, jobTitle: x, organisation: null, city: x, country: null, yearsCustomerFacing: 0, designations: [x], competencies: [x] }));
    const html = directoryCardsHtml(cards, labels, "en");
    const items = parse(`<ul>${html}</ul>`).all("li", "directory-card");
    expect(items).toHaveLength(hostile.length);
    items.forEach((li, i) => {
      expect(li.one("a")!.text).toBe(hostile[i]);
      expect(li.all("p").map((p) => p.text)).toEqual([hostile[i], hostile[i], `Level 2Mentor${hostile[i]}Open to opportunities`, hostile[i]]);
    });
    const elements = DomUtils.findAll(() => true, parseDocument(html).children);
    expect([...new Set(elements.map((e) => e.name))].sort()).toEqual(["a", "div", "h2", "li", "p", "span"]);
    expect([...new Set(elements.flatMap((e) => Object.keys(e.attribs)))].sort()).toEqual(["aria-hidden", "class", "href"]);
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
    facets: { level: { "2": 3 }, country: { NG: 2 }, competency: {}, designations: {}, languages: { en: 3 }, open_to_opportunities: 1, is_mentor: 0 },
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
    const query = parseDirectoryQuery(new URLSearchParams("q=team lead&country=NG&language=en&competency=sla-management&open=1&sort=experience&page=2"));
    const page = parse(directoryPageHtml(data({ query, outcome: outcome({ total: 60, page: 2, totalPages: 3 }) }), ctx));
    expect(page.one("input")!.attr("value")).toBe("team lead");
    const selected = (id: string) => page.all("select").find((s) => s.attr("id") === id)!.all("option").filter((o) => o.attr("selected") !== undefined).map((o) => o.attr("value"));
    expect(selected("f-country")).toEqual(["NG"]);
    expect(selected("f-language")).toEqual(["en"]);
    expect(selected("f-sort")).toEqual(["experience"]);
    expect(selected("f-level")).toEqual([""]);
    const checked = page.all("input").filter((i) => i.attr("checked") !== undefined).map((i) => `${i.attr("name")}=${i.attr("value")}`);
    expect(checked).toEqual(["competency=sla-management", "open=1"]);
    expect(page.one("nav", "directory-views")!.all("a").filter((a) => a.attr("aria-current") === "page").map((a) => a.attr("href"))).toEqual(["/directory"]);
    const pager = page.one("nav", "pager")!.all("a").map((a) => a.attr("href"));
    expect(pager).toEqual(["/directory?q=team+lead&country=NG&competency=sla-management&language=en&open=1&sort=experience", "/directory?q=team+lead&country=NG&competency=sla-management&language=en&open=1&sort=experience&page=3"]);
    expect(page.one("p", "muted")!.text).toContain("Sign in");
  });

  it("keeps hostile queries, competency names and designations as text; the only script is ours", () => {
    for (const { markdown: x } of HOSTILE_INPUTS) {
      const query = { ...parseDirectoryQuery(new URLSearchParams()), q: x };
      const facets = { ...outcome().facets!, designations: { [x]: 2 } };
      const html = directoryPageHtml(data({ query, isRecruiter: true, outcome: outcome({ facets }), competencies: [{ slug: "x", name: x }] }), ctx);
      const page = parse(html);
      expect(page.one("input")!.attr("value")).toBe(x);
      expect(page.all("input").find((i) => i.attr("name") === "name")!.attr("value")).toBe(x);
      expect(page.one("fieldset")!.one("label")!.text.trim()).toBe(`${x} (0)`);
      expect(page.all("option").find((o) => o.attr("value") === x)!.text).toBe(`${x} (2)`);
      const scripts = page.all("script");
      expect(scripts).toHaveLength(1);
      // allowed by its hash (app/inline-scripts.server.ts), so it carries no nonce
      expect(scripts[0].attr("nonce")).toBeUndefined();
      const elements = DomUtils.findAll(() => true, parseDocument(html).children);
      expect([...new Set(elements.map((e) => e.name))].sort()).toEqual(["a", "button", "details", "div", "fieldset", "form", "h1", "input", "label", "legend", "nav", "option", "p", "script", "select", "summary"]);
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
