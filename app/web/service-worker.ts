// The service worker (public/sw.js) is registered by every page with this small inline script, allowed
// by its hash (app/web/inline-scripts.server.ts). Without it, or without JavaScript, the site is the same.
export const SW_REGISTER_SCRIPT =
  'if("serviceWorker"in navigator)addEventListener("load",function(){' +
  'navigator.serviceWorker.register("/sw.js").catch(function(){})})';

export const THEME_COLOR = "#0b5d3b";
