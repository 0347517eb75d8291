// Browser flows run axe once per page shape (test/setup/browser.ts): the shape must tell apart what axe could
// judge differently, and only that.
import { describe, expect, test } from "vitest";
import { pageShape } from "../setup/browser";

const page = (body: string) =>
  `<html lang="en"><body><main>${body}</main><script>var x = "<b>";</script></body></html>`;
const post = (n: number, text: string) =>
  `<article id="post-${n}" class="post"><p>${text}</p><a href="/u/amara${n}" aria-label="Amara ${n}">A</a></article>`;

describe("page shape", () => {
  test("the same markup with other texts, ids, addresses and counts is one shape", () => {
    const a = pageShape("http://x/t/a/12", page(post(1, "Hello") + post(2, "Hi")), true);
    const b = pageShape("http://x/t/a/13", page(post(1, "Bonjour") + post(2, "Salut") + post(3, "Hey")), true);
    expect(b).toBe(a);
  });

  test("a new element, class or attribute value, another route, JavaScript off or a duplicate id is another", () => {
    const base = pageShape("http://x/t/a/12", page(post(1, "Hello")), true);
    const variants = [
      pageShape("http://x/t/a/12", page(post(1, "Hello") + `<p class="error" role="alert">Too short</p>`), true),
      pageShape("http://x/t/a/12", page(post(1, "Hello").replace('class="post"', 'class="post liked"')), true),
      pageShape("http://x/t/a/12", page(post(1, "Hello").replace("<p>", '<p style="color:#aaa">')), true),
      pageShape("http://x/u/a", page(post(1, "Hello")), true),
      pageShape("http://x/t/a/12", page(post(1, "Hello")), false),
      pageShape("http://x/t/a/12", page(post(1, "Hello") + post(1, "Again")), true),
    ];
    for (const v of variants) expect(v).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });
});
