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
      fetch("/api/preview",{method:"POST",body:f,credentials:"same-origin"}).then(function(r){return r.ok?r.json():null}).then(function(j){
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
    picked=text&&post&&el.closest(".post-body")?{text:text.slice(0,5000),user:post.getAttribute("data-username"),n:post.getAttribute("data-post-number")}:null;
    btn.hidden=!picked;
  });
  btn.addEventListener("mousedown",function(e){e.preventDefault()});
  btn.addEventListener("click",function(){
    if(!picked)return;
    var v=composer.value;
    composer.value=v+(v&&!/\\n\\n$/.test(v)?"\\n\\n":"")+"[quote=\\""+picked.user+", post:"+picked.n+", topic:"+btn.getAttribute("data-topic")+"\\"]\\n"+picked.text+"\\n[/quote]\\n\\n";
    composer.dispatchEvent(new Event("input"));composer.focus();btn.hidden=true;
  });
}
})();`;
