// Keyboard shortcuts (JavaScript only): `?` lists them, `j`/`k` next/previous post, `r` reply, `l`
// like and `b` bookmark the chosen post, `/` search, `g` then `l` Latest. Single keys, so never while
// typing in a field or with Ctrl/Alt/Meta, and a member may turn them off (WCAG 2.1.4): the root
// renders this dialog only while the member's setting is on, and the script, constant and inlined for
// every member, does nothing without it (so turning them off is obeyed at once, even on a page that
// hydrated before). Topic pages do not hydrate, hence a plain script rather than React handlers.
import { useTranslation } from "~/use-translation";

const KEYS: [string[], string][] = [
  [["?"], "help"],
  [["j"], "next"],
  [["k"], "prev"],
  [["r"], "reply"],
  [["l"], "like"],
  [["b"], "bookmark"],
  [["/"], "search"],
  [["g", "l"], "latest"],
];

export const SHORTCUTS_DIALOG_ID = "keyboard-shortcuts";

/** The help dialog and the live region the script speaks through (its sentences are worded here). */
export function KeyboardShortcuts() {
  const { t } = useTranslation();
  const said = (key: string) => t(`shortcuts.announce.${key}`, { n: "{n}", name: "{name}" });
  return (
    <>
      <dialog id={SHORTCUTS_DIALOG_ID} className="shortcuts-dialog" aria-labelledby="keyboard-shortcuts-title">
        <h2 id="keyboard-shortcuts-title">{t("shortcuts.title")}</h2>
        <p>{t("shortcuts.intro")}</p>
        <dl className="shortcut-list">
          {KEYS.map(([keys, name]) => (
            <div key={name}>
              <dt>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? ` ${t("shortcuts.then")} ` : null}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{t(`shortcuts.keys.${name}`)}</dd>
            </div>
          ))}
        </dl>
        <p>
          <a href="/my/notifications/settings#shortcuts">{t("shortcuts.turnOff")}</a>
        </p>
        <form method="dialog">
          <button type="submit">{t("shortcuts.close")}</button>
        </form>
      </dialog>
      <div
        id="shortcut-live"
        className="visually-hidden"
        aria-live="polite"
        data-post={said("post")}
        data-first={said("first")}
        data-last={said("last")}
        data-nopost={said("noPost")}
        data-noreply={said("noReply")}
        data-nolike={said("noLike")}
        data-nobookmark={said("noBookmark")}
        data-liking={said("liking")}
        data-go={said("go")}
      />
    </>
  );
}

export const KEYS_SCRIPT = `(function(){
var d=document,current=null,g=0;
function say(key,n,name){
  var r=d.getElementById("shortcut-live");if(!r)return;
  var s=(r.getAttribute("data-"+key)||"").replace("{n}",n).replace("{name}",name);
  r.textContent="";setTimeout(function(){r.textContent=s},50);
}
function posts(){return [].slice.call(d.querySelectorAll("article.post[data-post-number]"))}
function chosen(){
  var a=d.activeElement,p=a&&a.closest&&a.closest("article.post[data-post-number]");
  if(p)return p;
  if(current&&d.contains(current))return current;
  var h=location.hash&&d.getElementById(location.hash.slice(1));
  return h&&h.matches("article.post[data-post-number]")?h:null;
}
function choose(p){
  current=p;p.setAttribute("tabindex","-1");p.focus();
  var who=p.querySelector(".post-author");
  say("post",p.getAttribute("data-post-number"),who?who.textContent:"");
}
function step(dir){
  var list=posts();if(!list.length)return;
  var c=chosen(),i=list.indexOf(c),next;
  if(i<0){
    // none chosen yet: the first post in view
    next=list.filter(function(p){return p.getBoundingClientRect().bottom>0})[0]||list[0];
  }else next=list[i+dir];
  if(!next)return say(dir>0?"last":"first");
  choose(next);
}
function act(sel,none){
  var p=chosen();if(!p)return say("nopost");
  var el=p.querySelector(sel);if(!el)return say(none);
  if(none==="nolike")say("liking",p.getAttribute("data-post-number"));
  el.click();
}
d.addEventListener("keydown",function(e){
  var help=d.getElementById("${SHORTCUTS_DIALOG_ID}"),t=e.target;
  if(!help||e.defaultPrevented||e.ctrlKey||e.metaKey||e.altKey||e.isComposing)return;
  if(t&&(t.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))return;
  if(d.querySelector("dialog[open]"))return;
  var k=e.key,after=g&&Date.now()-g<1500;g=0;
  if(after&&k==="l"){location.href="/latest"}
  else if(k==="?")help.showModal();
  else if(k==="j"||k==="k")step(k==="j"?1:-1);
  else if(k==="r"){
    var ta=d.querySelector("#composer textarea")||d.querySelector("textarea[data-suggest]");
    if(!ta)return say("noreply");
    ta.focus();
  }
  else if(k==="l")act("button.like","nolike");
  else if(k==="b")act('a[href$="/bookmark"]',"nobookmark");
  else if(k==="/"){
    var s=d.querySelector("input[type=search]");
    if(s){s.focus();s.select()}else location.href="/search";
  }
  else if(k==="g"){g=Date.now();say("go")}
  else return;
  e.preventDefault();
});
})();`;
