// Inlined in the attempt page (which skips the React bundle, see app/web/enhance.ts): each change of
// an answer is saved at once through /assessments/attempts/:id/save, one request at a time per
// question so a slow earlier save never overwrites a later choice. Without JavaScript the page's
// own Save buttons do the same. The answered counter follows each save.
export const ATTEMPT_SCRIPT = `(function(){
var form=document.getElementById("attempt-form");
if(!form||!window.fetch||!window.FormData)return;
var url=form.getAttribute("data-save"),progress=document.querySelector("[data-progress]");
form.querySelectorAll("fieldset[data-question]").forEach(function(fs){
  var status=fs.querySelector("[data-status]"),chain=Promise.resolve();
  fs.addEventListener("change",function(){
    status.textContent=form.getAttribute("data-saving");
    chain=chain.then(function(){
      var f=new FormData();
      fs.querySelectorAll("input").forEach(function(i){if(i.type==="hidden"||i.checked)f.append(i.name,i.value)});
      return fetch(url,{method:"POST",body:f,credentials:"same-origin",headers:{Accept:"application/json"}})
        .then(function(r){return r.json()})
        .then(function(j){status.textContent=j.message;if(j.progress&&progress)progress.textContent=j.progress})
        .catch(function(){status.textContent=form.getAttribute("data-offline")});
    });
  });
});
})();`;
