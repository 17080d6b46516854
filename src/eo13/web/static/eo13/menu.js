// The staff menu is one "Menu" button on a phone; on a wider screen it starts open (issue 13: the menu took six
// lines on a phone). An external file, so the Content Security Policy needs no inline script.
(function () {
  var wide = window.matchMedia("(min-width: 40em)");
  document.querySelectorAll("details.eo13-menu").forEach(function (menu) {
    if (wide.matches) menu.open = true;
  });
})();
