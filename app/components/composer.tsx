import { useEffect, useId, useState } from "react";
import { useTranslation } from "~/use-translation";
import { useMessage } from "./use-message";
import { POST_IMAGE_MAX_MB, POST_IMAGE_MAX_SIDE } from "~/models/forum/topic.schema";
import { escapeHtml } from "~/html";

type Props = {
  name?: string;
  defaultValue?: string;
  error?: string;
  errorValues?: Record<string, unknown>;
  /** server-rendered preview (the "Preview" submit, without JavaScript) */
  preview?: string | null;
  label?: string;
  /** the page comes back from the "Upload image" submit with the image added */
  uploaded?: boolean;
};

// Elements whose content the inline scripts write, maybe before React has taken the page over ("Draft saved.",
// the suggestions): React renders them empty and never compares or resets what a script put there (a
// difference in rendered text would make React render the whole document afresh, see web/keep-typed.ts).
const SCRIPT_OWNED = { dangerouslySetInnerHTML: { __html: "" }, suppressHydrationWarning: true };

/**
 * The markdown editor: a textarea with a Preview button that works as a plain submit; with
 * JavaScript the preview also follows the typing (rendered by the server's one pipeline). Images:
 * a file field and an "Upload image" submit (multipart, the page comes back with the image's markdown
 * added); with JavaScript, picking, pasting or dropping an image inserts it at the cursor
 * (app/web/upload-script.ts, which finds the composer by `data-upload`).
 */
export function Composer({ name = "body", defaultValue = "", error, errorValues, preview, label, uploaded }: Props) {
  const { t } = useTranslation();
  const message = useMessage();
  const id = useId();
  const [text, setText] = useState(defaultValue);
  const [live, setLive] = useState(false);
  const [liveHtml, setLiveHtml] = useState<string | undefined>(undefined);
  // A new defaultValue (the form came back from the server) replaces the text; the first one is already the
  // state. Set during render, not in an effect: an effect also runs at mount, after hydration, and would set
  // back what the member typed meanwhile (web/keep-typed.ts has just put it in).
  const [given, setGiven] = useState(defaultValue);
  if (given !== defaultValue) {
    setGiven(defaultValue);
    setText(defaultValue);
  }
  // "Quote selection" on the topic page adds to whatever is being written.
  useEffect(() => {
    const add = (e: Event) => {
      setText(
        (current) =>
          `${current}${current && !current.endsWith("\n\n") ? "\n\n" : ""}${String((e as CustomEvent).detail)}`,
      );
      setLive(true);
    };
    window.addEventListener("tp:quote", add);
    return () => window.removeEventListener("tp:quote", add);
  }, []);
  // The live preview: a plain request, not a Remix fetcher (a fetcher's POST would reload every loader of the
  // page after each preview, and one still in flight when the post is sent broke the navigation to the topic).
  // A newer text cancels the request for the older one; a refused text keeps the last preview.
  useEffect(() => {
    if (!live) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const body = new FormData();
      body.set("body", text);
      fetch("/api/preview", { method: "POST", body, credentials: "same-origin", signal: controller.signal })
        .then(async (res) => {
          if (res.ok) setLiveHtml(((await res.json()) as { html: string }).html);
        })
        .catch(() => {}); // cancelled, or offline: the last preview stays
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, live]);
  const shown = live ? (liveHtml ?? preview) : preview;
  return (
    <div
      className="composer"
      data-upload=""
      data-uploading={t("uploads.uploading")}
      data-upload-failed={t("uploads.failed")}
    >
      <div className="field">
        <label htmlFor={id}>{label ?? t("composer.body")}</label>
        <p className="hint" id={`${id}-hint`}>
          {t("composer.bodyHint")}
        </p>
        <textarea
          id={id}
          name={name}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setLive(true);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(" ")}
          rows={10}
          data-preview={`${id}-preview`}
          data-suggest={`${id}-suggest`}
        />
        {/* filled by SUGGEST_SCRIPT while an @name or #category is typed (JavaScript only) */}
        <ul
          id={`${id}-suggest`}
          role="listbox"
          className="suggest"
          aria-label={t("suggest.label")}
          hidden
          {...SCRIPT_OWNED}
        />
        <p
          id={`${id}-suggest-status`}
          className="visually-hidden"
          role="status"
          data-one={t("suggest.one")}
          data-many={t("suggest.many", { n: "{n}" })}
          {...SCRIPT_OWNED}
        />
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {message(error, errorValues)}
          </p>
        ) : null}
      </div>
      <div className="field upload-field">
        <label htmlFor={`${id}-image`}>{t("uploads.label")}</label>
        <p className="hint" id={`${id}-image-hint`}>
          {t("uploads.hint", { max: POST_IMAGE_MAX_MB, side: POST_IMAGE_MAX_SIDE })}
        </p>
        <input
          type="file"
          id={`${id}-image`}
          name="image"
          accept="image/jpeg,image/png,image/webp,image/gif"
          aria-describedby={`${id}-image-hint`}
        />
        <button
          type="submit"
          name="intent"
          value="upload"
          formEncType="multipart/form-data"
          formNoValidate
          className="secondary"
          data-upload-button=""
        >
          {t("uploads.button")}
        </button>
        <p
          className="muted upload-status"
          aria-live="polite"
          data-upload-status=""
          suppressHydrationWarning
          dangerouslySetInnerHTML={{ __html: uploaded ? escapeHtml(t("uploads.added")) : "" }}
        />
      </div>
      {/* always present (hidden while empty) so the inline script of non-hydrated pages can fill it */}
      <section
        className="preview"
        id={`${id}-preview`}
        aria-label={t("composer.previewTitle")}
        aria-live="polite"
        hidden={!shown}
      >
        <h2 className="preview-title">{t("composer.previewTitle")}</h2>
        <div className="post-body" dangerouslySetInnerHTML={{ __html: shown ?? "" }} />
      </section>
    </div>
  );
}

/** The composer's buttons (send, preview, save the draft) and the line where the draft's state is said. */
export function ComposerActions({ intent, label, notice }: { intent: string; label: string; notice?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="actions">
        <button type="submit" name="intent" value={intent}>
          {label}
        </button>
        <button type="submit" name="intent" value="preview" className="secondary">
          {t("composer.preview")}
        </button>
        <button type="submit" name="intent" value="draft" className="secondary">
          {t("composer.saveDraft")}
        </button>
      </div>
      <p className="muted draft-status" aria-live="polite">
        {notice ? t(notice) : null}
        <span data-draft-status {...SCRIPT_OWNED} />
      </p>
    </>
  );
}

// The composer's @mention and #category suggestions (the ARIA combobox pattern on the textarea), for
// signed-in members on every page (root layout; constant, allowed by hash): listeners on the document,
// so a composer that a client-side navigation shows is served too. It asks GET /composer/suggest,
// fills the composer's listbox, and inserts `@name ` or `#slug `; without it, typing is plain text.
// The topic (ranking its people first) is the one a reply composer's draft belongs to.
export const SUGGEST_SCRIPT = `(function(){
var d=document,seq=0,timer,open=null,ATTRS=["role","aria-autocomplete","aria-controls","aria-expanded",
"aria-activedescendant"];
function isBox(t){return t&&t.matches&&t.matches("textarea[data-suggest]")}
function token(ta){
  if(ta.selectionStart!==ta.selectionEnd)return null;
  var b=ta.value.slice(0,ta.selectionStart),
    m=/(^|[^\\w@\\/])(@[A-Za-z0-9_]{1,30})$/.exec(b)||/(^|[^\\w@\\/#&])(#[a-z0-9][a-z0-9-]{0,49})$/.exec(b);
  return m&&{q:m[2],start:b.length-m[2].length,end:b.length};
}
var mirror,COPY=["boxSizing","fontFamily","fontSize","fontStyle","fontVariant","fontWeight","fontStretch",
"lineHeight","letterSpacing","wordSpacing","textTransform","textIndent","tabSize","direction","paddingTop",
"paddingRight","paddingBottom","paddingLeft"];
function caret(ta,pos){
  // a hidden copy of the textarea's text box, wrapped alike: where the text up to pos ends is the caret
  var cs=getComputedStyle(ta),s;
  if(!mirror){mirror=d.createElement("div");mirror.setAttribute("aria-hidden","true");d.body.appendChild(mirror)}
  s=mirror.style;
  COPY.forEach(function(p){s[p]=cs[p]});
  s.position="absolute";s.visibility="hidden";s.top="0";s.left="-9999px";s.border="0";s.overflow="hidden";
  s.whiteSpace="pre-wrap";s.overflowWrap="break-word";s.boxSizing="content-box";
  s.width=(ta.clientWidth-parseFloat(cs.paddingLeft)-parseFloat(cs.paddingRight))+"px";
  mirror.textContent=ta.value.slice(0,pos);
  var sp=d.createElement("span");sp.textContent=ta.value.slice(pos)||".";mirror.appendChild(sp);
  var m=mirror.getBoundingClientRect(),r=sp.getClientRects()[0]||sp.getBoundingClientRect(),
    c={top:r.top-m.top+ta.clientTop-ta.scrollTop,left:r.left-m.left+ta.clientLeft-ta.scrollLeft,height:r.height};
  mirror.textContent="";
  return c;
}
function place(ta,ul,tok){
  // under the line being typed, from the word's start; kept within the textarea's box
  var c=caret(ta,tok.start),top=Math.max(0,Math.min(c.top+c.height,ta.offsetHeight)),
    left=Math.max(0,Math.min(c.left,ta.offsetWidth-ul.offsetWidth));
  ul.style.top=(ta.offsetTop+top)+"px";ul.style.left=(ta.offsetLeft+left)+"px";
}
function close(){
  if(!open)return;
  open.ul.hidden=true;open.ul.textContent="";
  ATTRS.forEach(function(a){open.ta.removeAttribute(a)});
  open=null;
}
function move(i){
  var n=open.items.length,opts=open.ul.children;open.active=(i+n)%n;
  for(var k=0;k<n;k++)opts[k].setAttribute("aria-selected",k===open.active?"true":"false");
  open.ta.setAttribute("aria-activedescendant",opts[open.active].id);
  opts[open.active].scrollIntoView({block:"nearest"});
}
function pick(i){
  var ta=open.ta,it=open.items[i],t=token(ta)||open.tok;
  close();
  ta.focus();
  ta.setRangeText(t.q.charAt(0)+it.value+" ",t.start,t.end,"end");
  ta.dispatchEvent(new Event("input",{bubbles:true}));
}
function show(ta,ul,tok,items){
  close();
  open={ta:ta,ul:ul,tok:tok,items:items,active:0};
  items.forEach(function(it,i){
    var li=d.createElement("li"),name=d.createElement("span");
    li.id=ul.id+"-"+i;li.setAttribute("role","option");
    li.textContent=it.label+" ";name.className="muted";name.textContent=tok.q.charAt(0)+it.value;li.appendChild(name);
    li.addEventListener("mousedown",function(e){e.preventDefault()});
    li.addEventListener("click",function(){pick(i)});
    ul.appendChild(li);
  });
  ul.hidden=false;place(ta,ul,tok);
  ta.setAttribute("role","combobox");ta.setAttribute("aria-autocomplete","list");
  ta.setAttribute("aria-controls",ul.id);ta.setAttribute("aria-expanded","true");
  move(0);
  var st=d.getElementById(ul.id+"-status");
  if(st)st.textContent=items.length===1?st.getAttribute("data-one")
    :st.getAttribute("data-many").replace("{n}",items.length);
}
function ask(ta){
  var tok=token(ta),ul=d.getElementById(ta.getAttribute("data-suggest"));
  if(!tok||!ul)return close();
  var n=++seq,f=ta.form,topic=/^topic:(\\d+)$/.exec(f&&f.getAttribute("data-draft")||"");
  fetch("/composer/suggest?q="+encodeURIComponent(tok.q)+(topic?"&topic="+topic[1]:""),
    {credentials:"same-origin",headers:{Accept:"application/json"}})
  .then(function(r){return r.ok?r.json():null}).then(function(j){
    if(n!==seq||d.activeElement!==ta)return;
    var now=token(ta);
    if(!j||!j.items||!j.items.length||!now||now.q!==tok.q)return close();
    show(ta,ul,now,j.items);
  }).catch(function(){});
}
d.addEventListener("input",function(e){
  var ta=e.target;if(!isBox(ta))return;
  clearTimeout(timer);
  if(!token(ta))return close();
  timer=setTimeout(function(){ask(ta)},150);
},true);
d.addEventListener("keydown",function(e){
  if(!open||e.target!==open.ta||e.isComposing||e.altKey||e.ctrlKey||e.metaKey)return;
  var k=e.key;
  if(k==="ArrowDown"||k==="ArrowUp")move(open.active+(k==="ArrowDown"?1:-1));
  else if(k==="Enter"||(k==="Tab"&&!e.shiftKey))pick(open.active);
  else if(k==="Escape")close();
  else return;
  e.preventDefault();e.stopPropagation();
},true);
d.addEventListener("focusout",function(e){if(open&&e.target===open.ta){clearTimeout(timer);seq++;close()}},true);
d.addEventListener("click",function(e){if(open&&e.target===open.ta&&!token(open.ta))close()},true);
})();`;
