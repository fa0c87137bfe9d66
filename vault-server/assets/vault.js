// Small additions to pages that work without it: copy buttons, upload progress.
"use strict";

document.querySelectorAll("[data-copy-target]").forEach(function (button) {
  var input = document.getElementById(button.getAttribute("data-copy-target"));
  if (!input || !navigator.clipboard) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    input.select();
    navigator.clipboard.writeText(input.value).then(function () {
      button.textContent = "✓ " + button.textContent.replace(/^✓ /, "");
    });
  });
});

document.querySelectorAll("form[data-progress]").forEach(function (form) {
  var bar = form.querySelector("progress");
  if (!bar || !window.FormData) { return; }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    bar.hidden = false;
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
    });
    xhr.addEventListener("load", function () {
      if (xhr.status < 400 && xhr.responseURL) {
        window.location.assign(xhr.responseURL);
      } else {
        document.open();
        document.write(xhr.responseText);
        document.close();
      }
    });
    xhr.addEventListener("error", function () { form.submit(); });
    form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    xhr.send(new FormData(form));
  });
});
