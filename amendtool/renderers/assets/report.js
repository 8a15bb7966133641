(function () {
  "use strict";
  var body = document.body;
  var changes = Array.prototype.slice.call(document.querySelectorAll(".change"));
  var current = -1;

  function setView(view) {
    body.classList.toggle("view-inline", view === "inline");
    document.querySelectorAll("[data-view]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === view));
    });
  }

  function visible() {
    return changes.filter(function (change) { return !change.classList.contains("hidden"); });
  }

  function go(step) {
    var shown = visible();
    if (!shown.length) { return; }
    var position = shown.indexOf(changes[current]);
    position = position < 0 ? (step > 0 ? 0 : shown.length - 1)
                            : Math.min(Math.max(position + step, 0), shown.length - 1);
    current = changes.indexOf(shown[position]);
    shown[position].focus();
    shown[position].scrollIntoView({ block: "start" });
    document.getElementById("position").textContent = (position + 1) + " / " + shown.length;
  }

  function applyFilter() {
    var wanted = {};
    document.querySelectorAll("input[data-relation]").forEach(function (box) {
      wanted[box.getAttribute("data-relation")] = box.checked;
    });
    changes.forEach(function (change) {
      change.classList.remove("revealed");
      change.classList.toggle("hidden", !wanted[change.getAttribute("data-relation")]);
    });
    document.querySelectorAll(".toc li[data-relation]").forEach(function (item) {
      item.classList.toggle("hidden", !wanted[item.getAttribute("data-relation")]);
    });
    document.getElementById("position").textContent = visible().length + " shown";
  }

  document.querySelectorAll("[data-view]").forEach(function (button) {
    button.addEventListener("click", function () { setView(button.getAttribute("data-view")); });
  });
  document.getElementById("next").addEventListener("click", function () { go(1); });
  document.getElementById("previous").addEventListener("click", function () { go(-1); });
  document.querySelectorAll("input[data-relation]").forEach(function (box) {
    box.addEventListener("change", applyFilter);
  });
  // a link to a change hidden by the filter (a moved clause's neighbour) shows that change
  document.querySelectorAll("a[href^='#change-']").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) { return; }
      event.preventDefault();
      target.classList.remove("hidden");
      target.classList.add("revealed");
      current = changes.indexOf(target);
      target.focus();
      target.scrollIntoView({ block: "start" });
      history.replaceState(null, "", link.getAttribute("href"));
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    // typing in a text field is not navigation; a ticked checkbox or a button is no reason
    // to stop n / p working
    var target = event.target;
    var tag = (target.tagName || "").toLowerCase();
    var typing = tag === "textarea" || target.isContentEditable ||
      (tag === "input" && !/^(checkbox|radio|button|submit|reset)$/.test(target.type));
    if (typing) { return; }
    if (event.key === "n") { go(1); } else if (event.key === "p") { go(-1); }
  });
  setView("side-by-side");
  applyFilter();
})();
