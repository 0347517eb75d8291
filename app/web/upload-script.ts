// Images into the composer with JavaScript, on every page a member sees (hydrated or not): picking
// a file, pasting or dropping an image sends it to /composer/upload and inserts its markdown at the
// cursor. Listeners sit on the document, so composers rendered later (client navigation) work too.
// The textarea's text is changed with setRangeText and an input event, which React's onChange and
// the live preview both follow. Without JavaScript the composer's "Upload image" submit does this.
export const UPLOAD_SCRIPT = `(function(){
var d=document;
function box(t){return t&&t.closest?t.closest("[data-upload]"):null}
function send(c,file){
  var ta=c.querySelector("textarea"),st=c.querySelector("[data-upload-status]"),f=new FormData();
  if(!ta)return;
  f.append("image",file);f.append("body",ta.value);
  st.textContent=c.getAttribute("data-uploading");
  fetch("/composer/upload",{method:"POST",body:f,credentials:"same-origin"})
  .then(function(r){return r.json()}).then(function(j){
    if(!j.markdown){st.textContent=j.error||c.getAttribute("data-upload-failed");return}
    var v=ta.value,s=ta.tpSel?ta.tpSel[0]:v.length,e=ta.tpSel?ta.tpSel[1]:v.length;
    var md=(s>0&&v[s-1]!=="\\n"?"\\n":"")+j.markdown+"\\n";
    ta.setRangeText(md,s,e,"end");ta.tpSel=[ta.selectionStart,ta.selectionEnd];
    ta.dispatchEvent(new Event("input",{bubbles:true}));
    st.textContent=j.message;
  }).catch(function(){st.textContent=c.getAttribute("data-upload-failed")});
}
function files(c,list){for(var i=0;i<list.length;i++)if(/^image\\//.test(list[i].type))send(c,list[i])}
d.addEventListener("focusout",function(e){
  var t=e.target;if(box(t)&&t.tagName==="TEXTAREA")t.tpSel=[t.selectionStart,t.selectionEnd];
});
d.addEventListener("change",function(e){
  var t=e.target,c=box(t);if(!c||t.type!=="file"||!t.files.length)return;
  files(c,t.files);t.value="";
});
d.addEventListener("click",function(e){
  var b=e.target&&e.target.closest&&e.target.closest("[data-upload-button]"),c=box(b);
  if(!c)return;e.preventDefault();c.querySelector("input[type=file]").click();
});
d.addEventListener("paste",function(e){
  var t=e.target,c=box(t),l=e.clipboardData&&e.clipboardData.files;
  if(!c||t.tagName!=="TEXTAREA"||!l||!l.length)return;
  e.preventDefault();t.tpSel=[t.selectionStart,t.selectionEnd];files(c,l);
});
d.addEventListener("dragover",function(e){
  if(box(e.target)&&e.dataTransfer&&[].indexOf.call(e.dataTransfer.types,"Files")>=0)e.preventDefault();
});
d.addEventListener("drop",function(e){
  var t=e.target,c=box(t),l=e.dataTransfer&&e.dataTransfer.files;
  if(!c||!l||!l.length)return;
  e.preventDefault();if(t.tagName==="TEXTAREA")t.tpSel=[t.selectionStart,t.selectionEnd];files(c,l);
});
})();`;
