/* The till tally: taps are sent in the background and kept on this device while the
   connection is down, then sent when it is back. Without this script every tap is a plain
   form post, which works too. */
(function () {
  "use strict";
  var root = document.querySelector("[data-tally]");
  if (!root || !window.fetch) { return; }
  var tapUrl = root.dataset.tapUrl;
  var undoUrl = root.dataset.undoUrl;
  var storeKey = "microreach-tally:" + tapUrl;
  var MAX_WAITING = 50;
  var RETRY_MS = 15000;
  var status = root.querySelector("[data-status]");
  var token = root.querySelector("input[name=csrfmiddlewaretoken]").value;
  var sent = [];  // taps sent on this page, newest last, so undo can name the right one
  var sending = false;

  var memory = [];  // where taps wait when the browser keeps no local storage
  function load() {
    try { return JSON.parse(window.localStorage.getItem(storeKey) || "[]"); } catch (e) { return memory.slice(); }
  }
  function save(queue) {
    memory = queue.slice();
    try { window.localStorage.setItem(storeKey, JSON.stringify(queue)); } catch (e) { /* kept in memory */ }
  }

  function say(text) { status.textContent = text; }
  function newRef() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  function counter(who) {
    var button = root.querySelector("button[data-who='" + who + "']");
    return button && button.querySelector("[data-count]");
  }
  function bump(who, by) {
    var count = counter(who);
    if (count) { count.textContent = String(Math.max(0, parseInt(count.textContent, 10) + by)); }
  }
  function post(url, fields) {
    var body = new FormData();
    Object.keys(fields).forEach(function (key) { body.append(key, fields[key]); });
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": token, "Accept": "application/json" }
    });
  }
  function isAnswer(response) {
    return response.ok && (response.headers.get("Content-Type") || "").indexOf("json") !== -1;
  }
  function showWaiting(queue) {
    if (queue.length === 1) { say(root.dataset.labelWaitingOne); }
    else if (queue.length) { say(queue.length + " " + root.dataset.labelWaiting); }
  }

  function flush() {
    var queue = load();
    if (sending || !queue.length) { return; }
    if (navigator.onLine === false) { showWaiting(queue); return; }  // no request bound to fail
    sending = true;
    var tap = queue[0];
    post(tapUrl, { who: tap.who, ref: tap.ref }).then(function (response) {
      sending = false;
      if (response.status === 400) {  // a button no longer on the tally: never sendable
        save(load().filter(function (item) { return item.ref !== tap.ref; }));
        bump(tap.who, -1);
      }
      if (!isAnswer(response)) {  // an error, or the login page after the session ended
        say(root.dataset.labelFailed);
        return;
      }
      var rest = load().filter(function (item) { return item.ref !== tap.ref; });
      save(rest);
      sent.push(tap);
      if (rest.length) { flush(); } else { say(root.dataset.labelSent); }
    }, function () {
      sending = false;
      showWaiting(load());
    });
  }

  root.querySelectorAll("[data-tap-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var queue = load();
      if (queue.length >= MAX_WAITING) {
        say(root.dataset.labelFailed);
        return;
      }
      var who = form.querySelector("input[name=who]").value;
      queue.push({ who: who, ref: newRef() });
      save(queue);
      bump(who, 1);
      say(root.dataset.labelCounted);
      flush();
    });
  });

  root.querySelector("[data-undo-form]").addEventListener("submit", function (event) {
    event.preventDefault();
    var queue = load();
    if (queue.length && !sending) {  // not sent yet: forget it here
      var unsent = queue.pop();
      save(queue);
      bump(unsent.who, -1);
      say(root.dataset.labelUndone);
      showWaiting(queue);
      return;
    }
    var last = sent[sent.length - 1];
    post(undoUrl, last ? { ref: last.ref } : {}).then(function (response) {
      if (!isAnswer(response)) { say(root.dataset.labelFailed); return; }
      return response.json().then(function (answer) {
        if (last) { sent.pop(); }
        if (answer.undone && last) { bump(last.who, -1); }
        if (answer.undone && !last) { window.location.reload(); return; }
        say(root.dataset.labelUndone);
      });
    }, function () { say(root.dataset.labelFailed); });
  });

  window.addEventListener("online", flush);
  window.setInterval(flush, RETRY_MS);
  // Taps still waiting on this device from before are counted on the buttons too: the
  // page's counts are only the taps the server has.
  load().forEach(function (tap) { bump(tap.who, 1); });
  showWaiting(load());
  flush();
}());
