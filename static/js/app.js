// Small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // <button data-copy-target="#id">: copies that element's text or value to the clipboard.
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-copy-target]");
    if (!button) return;
    const source = document.querySelector(button.dataset.copyTarget);
    if (!source || !navigator.clipboard) return;
    navigator.clipboard.writeText(source.value !== undefined ? source.value : source.textContent).then(function () {
      const original = button.textContent;
      button.textContent = button.dataset.copiedLabel || "Copied";
      setTimeout(function () { button.textContent = original; }, 2000);
    });
  });

  // <form data-confirm="Are you sure?">: asks before submitting.
  document.addEventListener("submit", function (event) {
    const form = event.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.dataset.confirm)) event.preventDefault();
  });

  // After a failed submit the error summary takes focus, so it is read out first.
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();

  // Content swapped in place (htmx) that carries data-announce is read out by the shared
  // live region. Clearing first makes a repeated text ("Saved") count as new.
  const live = document.getElementById("live-region");
  function announce(text) {
    if (!live || !text) return;
    live.textContent = "";
    setTimeout(function () { live.textContent = text; }, 50);
  }
  document.addEventListener("htmx:load", function (event) {
    const root = event.detail.elt;
    if (!root || !root.querySelectorAll || root === document.body) return;
    const parts = [];
    if (root.matches("[data-announce]")) parts.push(root.textContent.trim());
    root.querySelectorAll("[data-announce]").forEach(function (el) { parts.push(el.textContent.trim()); });
    if (parts.length) announce(parts.join(" "));
  });

  // Tables wider than their box get a scroll hint and a first column that stays in view.
  function markOverflow() {
    document.querySelectorAll(".table-container").forEach(function (container) {
      const box = container.querySelector(".table-scroll");
      if (box) container.classList.toggle("is-overflowing", box.scrollWidth > box.clientWidth + 1);
    });
  }
  markOverflow();
  window.addEventListener("resize", markOverflow);
  document.addEventListener("htmx:afterSettle", markOverflow);

  // A sorted table reloads at the table (#fragment); focus returns to the header link that was
  // used, whose name says the new direction.
  // (After load: the browser's own move to the #fragment would take focus away again.)
  window.addEventListener("load", function () {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    const sorted = target && target.matches("[data-sortable-table]") && target.querySelector("th[aria-sort] a");
    if (sorted) setTimeout(function () { sorted.focus(); }, 0);
  });
})();
