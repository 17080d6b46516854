// Shows the Print button only where JavaScript runs; the page prints fine from the browser menu without it.
document.querySelectorAll(".eo13-print").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
