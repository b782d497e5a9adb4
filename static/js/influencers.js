// Influencer forms: add another platform profile, and show the engagement rate as numbers are
// typed (the server computes it with the same function as everywhere else).
(function () {
  "use strict";

  // <fieldset data-engagement-preview="URL"> with inputs named ...followers, ...avg_likes etc.
  // and a [data-engagement-output] box: reusable by any page that includes this file.
  const PARAMS = { followers: "followers", following: "following", avg_likes: "likes",
    avg_comments: "comments", avg_shares: "shares", avg_reach: "reach" };
  const timers = new WeakMap();

  function previewParams(container) {
    const params = new URLSearchParams();
    container.querySelectorAll("input").forEach(function (input) {
      Object.keys(PARAMS).forEach(function (suffix) {
        if (input.name === suffix || input.name.endsWith("-" + suffix)) {
          params.set(PARAMS[suffix], input.value.trim());
        }
      });
    });
    return params;
  }

  function refreshPreview(container) {
    const output = container.querySelector("[data-engagement-output]");
    if (!output) return;
    const url = container.dataset.engagementPreview + "?" + previewParams(container).toString();
    fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response); })
      .then(function (html) { output.innerHTML = html; })
      .catch(function () { /* the rate still shows after saving */ });
  }

  document.addEventListener("input", function (event) {
    const container = event.target.closest("[data-engagement-preview]");
    if (!container) return;
    clearTimeout(timers.get(container));
    timers.set(container, setTimeout(function () { refreshPreview(container); }, 350));
  });

  // Roster: htmx saves a status as soon as it is picked, so the Save buttons can go. A pick
  // with the mouse or from the open list saves at once; arrow keys on the closed list only
  // move through the statuses, and the one left on is saved on Enter or on leaving the list.
  if (window.htmx) {
    document.querySelectorAll(".roster-table").forEach(function (table) {
      table.classList.add("js-inline-status");
    });
  }
  const MOVE_KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"];
  function statusSelect(target) {
    return target && target.matches && target.matches(".status-form select") ? target : null;
  }
  function pick(select) {
    delete select.dataset.moving;
    if (window.htmx && select.value !== select.dataset.saved) htmx.trigger(select.form, "status-picked");
  }
  document.addEventListener("focusin", function (event) {
    const select = statusSelect(event.target);
    if (select && select.dataset.saved === undefined) select.dataset.saved = select.value;
  });
  document.addEventListener("keydown", function (event) {
    const select = statusSelect(event.target);
    if (!select) return;
    if (event.key === "Enter") { event.preventDefault(); pick(select); }
    else if (MOVE_KEYS.includes(event.key) || (event.key.length === 1 && event.key !== " ")) select.dataset.moving = "1";
  });
  document.addEventListener("change", function (event) {
    const select = statusSelect(event.target);
    if (select && !select.dataset.moving) pick(select);
  });
  document.addEventListener("focusout", function (event) {
    const select = statusSelect(event.target);
    if (select && select.dataset.moving) pick(select);
  });

  // "Add another platform": copies the empty form from <template id="empty-profile-form">.
  const addButton = document.querySelector("[data-add-profile]");
  const template = document.getElementById("empty-profile-form");
  const total = document.querySelector("input[name$='-TOTAL_FORMS']");
  const most = document.querySelector("input[name$='-MAX_NUM_FORMS']");
  const full = function () {
    return most && parseInt(total.value, 10) >= parseInt(most.value, 10);
  };
  if (addButton && template && total) {
    addButton.hidden = full();
    addButton.addEventListener("click", function () {
      const index = parseInt(total.value, 10);
      const html = template.innerHTML.replace(/__prefix__/g, String(index));
      document.getElementById("profile-forms").insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      addButton.hidden = full(); // the server takes no more profiles than this
      const forms = document.querySelectorAll("#profile-forms .profile-form");
      const added = forms[forms.length - 1];
      const first = added.querySelector("select, input");
      if (first) first.focus();
    });
  }
})();
