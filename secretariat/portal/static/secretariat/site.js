/* The portal's one script, and every page works without it: on a narrow screen it folds the main
   navigation behind a "Menu" button (aria-expanded says whether it is open). */
(function () {
  "use strict";
  var toggle = document.querySelector("header.site .menu-toggle");
  if (!toggle) { return; }
  var nav = toggle.closest("nav");
  document.documentElement.classList.add("js");
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("open", open);
  });
}());
