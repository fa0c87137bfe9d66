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

// What the form's limits refuse (data-max-file, data-max-total, data-max-files), as
// [file name, why] in the words of the page's div.checked; empty when everything may go.
function refusals(form) {
  var out = [];
  var files = [];
  form.querySelectorAll("input[type=file]").forEach(function (input) {
    Array.prototype.forEach.call(input.files || [], function (f) { files.push(f); });
  });
  var box = form.querySelector("div.checked");
  if (!box || !form.dataset.maxFile) { return out; }
  var total = 0;
  files.forEach(function (f) {
    total += f.size;
    if (f.size > Number(form.dataset.maxFile)) {
      out.push([f.name, box.dataset.tooLarge]);
    }
  });
  if (out.length === 0 && (total > Number(form.dataset.maxTotal) ||
      files.length > Number(form.dataset.maxFiles))) {
    out.push(["", box.dataset.tooMuch]);
  }
  return out;
}

document.querySelectorAll("form[data-progress]").forEach(function (form) {
  var bar = form.querySelector("progress");
  if (!bar || !window.FormData) { return; }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var refused = refusals(form);
    var box = form.querySelector("div.checked");
    if (box) {
      box.textContent = "";
      box.hidden = refused.length === 0;
      refused.forEach(function (line) {
        // [file name, why]: the name isolated, as a name can be in any script.
        var p = document.createElement("p");
        if (line[0]) {
          var name = document.createElement("bdi");
          name.textContent = line[0];
          p.appendChild(name);
          p.appendChild(document.createTextNode(" — "));
        }
        p.appendChild(document.createTextNode(line[1]));
        box.appendChild(p);
      });
    }
    if (refused.length > 0) { return; }
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
