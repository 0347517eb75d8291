// What may leave the markdown pipeline: sanitize-html with an explicit allowlist, run on marked's
// output. The rules it enforces are listed at the top of ./index.server.ts.
import sanitizeHtml from "sanitize-html";

// Marks elements our own renderers produced; a fresh value per render (see toHtml in ./index.server.ts).
export const TRUST_ATTR = "data-tp-trust";

const ASCII_CONTROL = /[\u0000-\u001f\u007f]/;

/** http(s), mailto, or a site path (`/x` but not `//x` or `/\x`, which browsers treat as another host). */
function safeHref(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || ASCII_CONTROL.test(v)) return undefined;
  if (/^https?:\/\/[^/\\\s]/i.test(v) || /^mailto:[^\s]/i.test(v) || /^\/(?![/\\])/.test(v)) return v;
  return undefined;
}

function safeImageSrc(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || ASCII_CONTROL.test(v)) return undefined;
  if (/^https?:\/\/[^/\\\s]/i.test(v)) return v;
  if (
    /^\/uploads\/[A-Za-z0-9_%-][A-Za-z0-9._%-]*(?:\/[A-Za-z0-9_%-][A-Za-z0-9._%-]*)*$/.test(v) &&
    !/\.\.|%2e%2e/i.test(v)
  )
    return v;
  return undefined;
}

const ALLOWED_TAGS = [
  "p",
  "br",
  "hr",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "strong",
  "em",
  "del",
  "s",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "img",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "sup",
  "sub",
  "aside",
  "span",
  "div",
];

// Disallowed elements whose whole content is dropped, not just the tag.
export const DROP_WITH_CONTENT = [
  "script",
  "style",
  "textarea",
  "option",
  "select",
  "xmp",
  "noscript",
  "noembed",
  "noframes",
  "plaintext",
  "template",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "title",
  "head",
  "canvas",
  "audio",
  "video",
  "picture",
  "map",
];

type Attribs = sanitizeHtml.Attributes;
type Transformer = sanitizeHtml.Transformer;

function sanitizeOptions(trust: string): sanitizeHtml.IOptions {
  const trusted = (attribs: Attribs) => attribs[TRUST_ATTR] === trust;
  const rename =
    (tagName: string): Transformer =>
    (_, attribs) => ({ tagName, attribs });
  const ownClass =
    (tagName: string): Transformer =>
    (_, attribs) => {
      const out: Attribs = {};
      if (trusted(attribs) && attribs.class) out.class = attribs.class;
      return { tagName, attribs: out };
    };
  const cellAlign =
    (tagName: string): Transformer =>
    (_, attribs) => {
      const out: Attribs = {};
      if (["left", "center", "right"].includes(attribs.align)) out.align = attribs.align;
      return { tagName, attribs: out };
    };
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ["href", "title", "rel", "class"],
      img: ["src", "alt", "title", "loading", "decoding", "width", "height"],
      th: ["align"],
      td: ["align"],
      ol: ["start"],
      code: ["class"],
      aside: ["class"],
      div: ["class"],
    },
    allowedClasses: {
      a: ["mention", "hashtag"],
      aside: ["quote"],
      div: ["quote-author"],
      code: ["language-*"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: DROP_WITH_CONTENT,
    // A refused image without alt text would leave an empty <span>: drop it.
    exclusiveFilter: (frame) =>
      frame.tag === "img" && !frame.attribs.src && !(frame as { innerText?: string }).innerText,
    transformTags: {
      h1: rename("h2"),
      b: rename("strong"),
      i: rename("em"),
      strike: rename("del"),
      a: (_, attribs) => {
        const href = safeHref(attribs.href);
        if (!href) return { tagName: "span", attribs: {} };
        const out: Attribs = { href, rel: "nofollow ugc noopener" };
        if (attribs.title) out.title = attribs.title;
        if (trusted(attribs) && attribs.class) out.class = attribs.class;
        return { tagName: "a", attribs: out };
      },
      img: (_, attribs) => {
        const src = safeImageSrc(attribs.src);
        // Keep the alt text readable. (Not an unknown tag name: sanitize-html would then emit a stray
        // closing tag for the next element at the same depth.)
        if (!src) return { tagName: "span", attribs: {}, text: attribs.alt ?? "" };
        const out: Attribs = { src, alt: attribs.alt ?? "", loading: "lazy", decoding: "async" };
        if (attribs.title) out.title = attribs.title;
        // sizes only from our renderer (our uploads' recorded sizes), never from raw HTML
        if (trusted(attribs) && /^\d{1,5}$/.test(attribs.width ?? "") && /^\d{1,5}$/.test(attribs.height ?? "")) {
          out.width = attribs.width;
          out.height = attribs.height;
        }
        return { tagName: "img", attribs: out };
      },
      ol: (_, attribs) => {
        const out: Attribs = {};
        if (/^\d{1,9}$/.test(attribs.start ?? "")) out.start = attribs.start;
        return { tagName: "ol", attribs: out };
      },
      th: cellAlign("th"),
      td: cellAlign("td"),
      aside: ownClass("aside"),
      div: ownClass("div"),
    },
  };
}

/** Marked's HTML reduced to the allowlist; elements carrying `trust` keep their own classes. */
export function sanitizeRendered(html: string, trust: string): string {
  return sanitizeHtml(html, sanitizeOptions(trust)).trim();
}
