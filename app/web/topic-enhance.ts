// Inlined in the topic page (which skips the React bundle, see app/web/enhance.ts), for visitors and
// members alike. Everything it does works without it:
// - an author's name or avatar opens the profile; with this script a tap opens a small card instead,
//   fetched on demand from /u/:username/card (an HTML fragment written by the server), kept per page;
// - the position line ("Posts 1–20 of 48") follows the reading ("12 of 48").
export const TOPIC_SCRIPT = `(function(){
var d=document,posts=d.querySelector(".posts[data-card-close]"),cache={},box=null,opener=null;
function close(back){
  if(!box)return;box.remove();box=null;
  if(back&&opener)opener.focus();
  opener=null;
}
function show(a,html){
  close(false);opener=a;
  box=d.createElement("div");box.className="user-card-popup";box.setAttribute("role","dialog");
  box.setAttribute("aria-label",a.getAttribute("data-card-label")||"");box.tabIndex=-1;
  box.innerHTML=html;
  var x=d.createElement("button");x.type="button";x.className="secondary small user-card-close";
  x.textContent=posts.getAttribute("data-card-close");x.addEventListener("click",function(){close(true)});
  box.appendChild(x);
  var head=a.closest(".post-head");head.parentNode.insertBefore(box,head.nextSibling);box.focus();
}
if(posts){
  posts.addEventListener("click",function(e){
    var a=e.target.closest&&e.target.closest("a[data-user-card]");
    if(!a||e.button!==0||e.ctrlKey||e.metaKey||e.shiftKey||e.altKey)return;
    e.preventDefault();
    var name=a.getAttribute("data-user-card");
    if(box&&opener&&opener.getAttribute("data-user-card")===name){close(true);return}
    if(cache[name]){show(a,cache[name]);return}
    fetch("/u/"+encodeURIComponent(name)+"/card",{credentials:"same-origin"}).then(function(r){
      if(!r.ok)throw r;return r.text();
    }).then(function(h){cache[name]=h;show(a,h)}).catch(function(){
      var p=d.createElement("p");p.textContent=posts.getAttribute("data-card-failed");show(a,p.outerHTML);
    });
  });
  d.addEventListener("keydown",function(e){if(e.key==="Escape"&&box)close(true)});
  d.addEventListener("click",function(e){
    if(box&&!box.contains(e.target)&&!e.target.closest("a[data-user-card]"))close(false)});
}
var at=d.querySelector("[data-progress-at]");
if(at&&"IntersectionObserver" in window){
  var seen={},tpl=at.getAttribute("data-progress-at");
  var io=new IntersectionObserver(function(es){
    es.forEach(function(en){
      var n=en.target.getAttribute("data-post-number");if(en.isIntersecting)seen[n]=1;else delete seen[n]});
    var ns=Object.keys(seen).map(Number);if(!ns.length)return;
    at.textContent=tpl.replace("__N__",String(Math.max.apply(null,ns)));
  },{rootMargin:"0px 0px -50% 0px"});
  d.querySelectorAll("article.post[data-post-number]").forEach(function(p){io.observe(p)});
}
})();`;
