import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

type Picked = { text: string; username: string; postNumber: string };

/**
 * With JavaScript: select text in a post and a "Quote selection" button appears; it adds a quote
 * (author and link back) to the reply composer. Without JavaScript each post's Quote link does it.
 */
export function QuoteSelection({ topicId }: { topicId: number }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Picked | null>(null);
  useEffect(() => {
    const update = () => {
      const sel = window.getSelection();
      const text = sel?.toString().trim() ?? "";
      const node = sel?.anchorNode;
      const el = node ? (node.nodeType === 1 ? (node as Element) : node.parentElement) : null;
      const post = el?.closest<HTMLElement>("article.post[data-username]");
      if (!text || !post || !el?.closest(".post-body")) return setPicked(null);
      setPicked({ text: text.slice(0, 5000), username: post.dataset.username ?? "", postNumber: post.dataset.postNumber ?? "" });
    };
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, []);
  if (!picked) return null;
  return (
    <button
      type="button"
      className="quote-selection"
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        const quote = `[quote="${picked.username}, post:${picked.postNumber}, topic:${topicId}"]\n${picked.text}\n[/quote]\n\n`;
        window.dispatchEvent(new CustomEvent("tp:quote", { detail: quote }));
        document.getElementById("composer")?.scrollIntoView();
        setPicked(null);
      }}
    >
      {t("topic.quoteSelection")}
    </button>
  );
}
