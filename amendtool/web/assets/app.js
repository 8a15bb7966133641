"use strict";
(function () {
  const form = document.getElementById("form");
  const status = document.getElementById("status");

  function showChosen(input) {
    const names = Array.from(input.files).map((f) => f.name);
    input.closest(".drop").querySelector(".chosen").textContent = names.join(", ");
    if (input.name === "version") {
      const list = document.getElementById("version-order");
      list.replaceChildren(...names.map((n) => {
        const item = document.createElement("li");
        item.textContent = n;
        return item;
      }));
    }
  }

  function setFiles(input, files) {
    let chosen = Array.from(files);
    if (!input.multiple) chosen = chosen.slice(0, 1);
    if (input.name === "version") {
      chosen.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
    }
    const transfer = new DataTransfer();
    chosen.forEach((f) => transfer.items.add(f));
    input.files = transfer.files;
    showChosen(input);
  }

  document.querySelectorAll(".drop").forEach((zone) => {
    const input = zone.querySelector("input[type=file]");
    input.addEventListener("change", () => setFiles(input, input.files));
    zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      zone.classList.remove("over");
      setFiles(input, e.dataTransfer.files);
    });
  });
  // a file dropped beside a zone must not replace the page
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());

  function choose(mode) {
    document.querySelectorAll("fieldset.mode").forEach((set) => {
      set.disabled = set.dataset.mode !== mode;
    });
    form.action = "/api/" + mode + "?view=page";
  }
  document.querySelectorAll("input[name=mode]").forEach((radio) => {
    radio.addEventListener("change", () => choose(radio.value));
  });
  const checked = document.querySelector("input[name=mode]:checked");
  if (checked) choose(checked.value);

  // the server refuses larger files (413); say so before sending megabytes for nothing
  const maxBytes = Number(form.dataset.maxBytes);
  form.addEventListener("submit", (e) => {
    const active = form.querySelectorAll("fieldset.mode:not([disabled]) input[type=file]");
    for (const input of active) {
      for (const file of input.files) {
        if (file.size > maxBytes) {
          e.preventDefault();
          status.textContent = file.name + ": file too large (limit " +
            Math.floor(maxBytes / 1048576) + " MB)";
          return;
        }
      }
    }
    const button = e.submitter;
    const download = button && button.classList.contains("download");
    status.textContent = download ? "Preparing the download…" : "Working…";
    // a download does not reload the frame: clear the message after a while
    if (download) setTimeout(() => { status.textContent = ""; }, 4000);
  });
  document.getElementById("result").addEventListener("load", () => {
    status.textContent = "";
  });
})();
