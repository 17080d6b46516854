// After the first passkey is made, show the recovery codes (a passkey lives on one device, which can be lost).
// django-otp-webauthn's own script runs the ceremony and fires this event; no inline script (CSP).
document.addEventListener("otp_webauthn.register_complete", function () {
  var box = document.getElementById("passkey-section");
  if (box && box.dataset.doneUrl) {
    window.location.assign(box.dataset.doneUrl);
  }
});
