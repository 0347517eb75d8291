// Pages that do not load the React bundle (handle: { hydrate: false }) are plain HTML forms; this
// small script, inlined in the page, adds what JavaScript improves there: a live preview while
// typing and "Quote selection". Everything still works without it.
export type PageHandle = { hydrate?: boolean; enhance?: boolean };

/** Pages that hydrate: zod must not probe `new Function` (the policy forbids eval), set before any module runs. */
export const ZOD_CONFIG_SCRIPT = "window.__zod_globalConfig={jitless:true}";

export const ENHANCE_SCRIPT = `(function(){
var d=document,timer;
d.querySelectorAll("textarea[data-preview]").forEach(function(ta){
  var box=d.getElementById(ta.getAttribute("data-preview"));
  if(!box)return;
  ta.addEventListener("input",function(){
    clearTimeout(timer);
    timer=setTimeout(function(){
      var f=new FormData();f.append("body",ta.value);
      fetch("/api/preview",{method:"POST",body:f,credentials:"same-origin"})
      .then(function(r){return r.ok?r.json():null}).then(function(j){
        if(!j)return;box.querySelector(".post-body").innerHTML=j.html;box.hidden=!j.html;
      }).catch(function(){});
    },400);
  });
});
var btn=d.getElementById("quote-selection"),composer=d.querySelector("textarea[data-preview]");
if(btn&&composer){
  var picked=null;
  d.addEventListener("selectionchange",function(){
    var s=window.getSelection(),text=s?String(s).trim():"",n=s&&s.anchorNode,el=n&&(n.nodeType===1?n:n.parentElement);
    var post=el&&el.closest("article.post[data-username]");
    picked=text&&post&&el.closest(".post-body")
      ?{text:text.slice(0,5000),user:post.getAttribute("data-username"),n:post.getAttribute("data-post-number")}:null;
    btn.hidden=!picked;
  });
  btn.addEventListener("mousedown",function(e){e.preventDefault()});
  btn.addEventListener("click",function(){
    if(!picked)return;
    var v=composer.value;
    composer.value=v+(v&&!/\\n\\n$/.test(v)?"\\n\\n":"")
      +"[quote=\\""+picked.user+", post:"+picked.n+", topic:"+btn.getAttribute("data-topic")+"\\"]\\n"
      +picked.text+"\\n[/quote]\\n\\n";
    composer.dispatchEvent(new Event("input"));composer.focus();btn.hidden=true;
  });
}
})();`;

// Every page (hydrated or not) inlines this: a posting form shows "Sending…" on its button and
// takes no second submit until the answer arrives (Remix forms: the root calls tpFormsIdle when
// navigation and fetchers are idle; plain forms: the next page replaces this one); composer forms
// (data-draft) save a draft while the member writes, on leaving the field and on leaving the page.
// The submitter is disabled a tick later, after the browser (or Remix) has read its name and value.
// Idle puts back only a label still showing "Sending…": React may have re-rendered it meanwhile
// ("Add to shortlist" became "Remove from shortlist").
export const FORMS_SCRIPT = `(function(){
var d=document,w=window,b=d.body,sending=b.getAttribute("data-sending")||"Sending…",timers=new WeakMap();
var page=Math.random().toString(36).slice(2,14)||"p",seq=0;
function buttons(f){return f.querySelectorAll("button:not([type=button]):not([type=reset]),input[type=submit]")}
function reset(f){
  f.removeAttribute("aria-busy");
  buttons(f).forEach(function(x){
    if(x.tpLabel!==undefined){
      if(x.firstChild&&x.firstChild.nodeValue===sending)x.firstChild.nodeValue=x.tpLabel;delete x.tpLabel}
    if(x.tpDisabled){x.disabled=false;delete x.tpDisabled}
  });
}
w.tpFormsIdle=function(){d.querySelectorAll("form[aria-busy=true]").forEach(reset)};
w.addEventListener("pageshow",function(e){if(e.persisted)w.tpFormsIdle()});
function saveDraft(f,leaving){
  clearTimeout(timers.get(f));
  if(!f.tpDirty||f.getAttribute("aria-busy")==="true")return;
  f.tpDirty=false;
  var data=new FormData(f);data.delete("intent");data.set("key",f.getAttribute("data-draft"));
  data.set("page",page);data.set("seq",String(++seq));
  if(leaving&&navigator.sendBeacon){navigator.sendBeacon("/composer/draft",data);return}
  fetch("/composer/draft",{method:"POST",body:data,credentials:"same-origin",keepalive:leaving}).then(function(r){
    var s=f.querySelector("[data-draft-status]");
    if(r.ok&&s)s.textContent=b.getAttribute("data-draft-saved")||"";
    if(!r.ok)f.tpDirty=true;
  }).catch(function(){f.tpDirty=true});
}
function draftForm(e){var f=e.target&&e.target.form;return f&&f.hasAttribute("data-draft")?f:null}
function leave(){d.querySelectorAll("form[data-draft]").forEach(function(f){saveDraft(f,true)})}
d.addEventListener("input",function(e){
  var f=draftForm(e);if(!f)return;
  f.tpDirty=true;clearTimeout(timers.get(f));timers.set(f,setTimeout(function(){saveDraft(f)},2000));
  // unsaved text: the beacon leaves as soon as leaving starts, not when the next page arrives (pagehide)
  w.addEventListener("beforeunload",leave);
},true);
d.addEventListener("change",function(e){var f=draftForm(e);if(f){f.tpDirty=true;saveDraft(f)}},true);
d.addEventListener("focusout",function(e){var f=draftForm(e);if(f)saveDraft(f)},true);
w.addEventListener("pagehide",leave);
w.addEventListener("submit",function(e){
  var f=e.target;
  if(!(f instanceof HTMLFormElement)||(f.getAttribute("method")||"get").toLowerCase()!=="post")return;
  if(f.getAttribute("aria-busy")==="true"){e.preventDefault();e.stopImmediatePropagation();return}
  var s=e.submitter,n=s&&s.getAttribute("name")==="intent"?s.value:"";
  // a preview or a saved draft keeps the draft going; a post ends it (no autosave after it)
  if(n!=="preview"&&n!=="draft")clearTimeout(timers.get(f)),f.tpDirty=false;
  f.setAttribute("aria-busy","true");
  var token=(f.tpToken||0)+1;f.tpToken=token;
  setTimeout(function(){
    buttons(f).forEach(function(x){if(!x.disabled){x.disabled=true;x.tpDisabled=true}});
    if(s&&s.childNodes.length===1&&s.firstChild.nodeType===3){
      s.tpLabel=s.firstChild.nodeValue;s.firstChild.nodeValue=sending}
  },0);
  // a download (or an answer that never comes) must not leave the form stuck
  setTimeout(function(){if(f.tpToken===token&&f.getAttribute("aria-busy")==="true")reset(f)},20000);
},true);
})();`;
