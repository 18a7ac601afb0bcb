/* The iframe embed tells its parent page how tall it is, so the page can size the iframe and it
   never scrolls.  The message carries nothing but the height: {type: "timeline-embed:height", height}. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var sent = 0;
  function tell() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    window.parent.postMessage({ type: "timeline-embed:height", height: height }, "*");
  }
  new ResizeObserver(tell).observe(document.documentElement);
  window.addEventListener("load", tell);
})();
