// Shows the Print button only where JavaScript runs; the page prints fine from the browser menu without it.
document.querySelectorAll(".eo13-print").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});

// Before a guide answer is sent, this page's history entry remembers the choices (never typed text), so browser
// Back shows the question again with its answer kept. Without JavaScript the browser's own form memory does it.
document.querySelectorAll("form.eo13-guide-form").forEach(function (form) {
  form.addEventListener("submit", function () {
    var url = new URL(window.location.href);
    url.searchParams.delete("pick");
    form.querySelectorAll("input[type=radio]:checked, input[type=checkbox]:checked").forEach(function (input) {
      url.searchParams.append("pick", input.name + ":" + input.value);
    });
    window.history.replaceState(window.history.state, "", url.toString());
  });
});
