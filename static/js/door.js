/* The door: scan a delegate's QR (BarcodeDetector where the browser has it, else jsQR),
   or find them by name, and check them in. Works offline: the event's roster lives in
   IndexedDB, check-ins made without network wait in a queue there and are sent when the
   network is back (the server keeps each delegate's earliest check-in, once). */
(function () {
  "use strict";
  var root = document.getElementById("door");
  if (!root) return;
  var eventId = root.dataset.event;
  var csrf = root.dataset.csrf;
  var el = function (id) { return document.getElementById(id); };
  // The page's words in the officer's language: #door-text's data attributes, written by the
  // template through {% translate %}; "{n}" and "{time}" are filled in here.
  var words = el("door-text").dataset;
  var t = function (key, values) {
    return words[key].replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  };
  var roster = [];          // entries: id, name, category, seat, code, fp, search, checked_at
  var byFingerprint = {};
  var byCode = {};
  var byId = {};
  var db = null;
  var lastText = "", lastAt = 0;
  var stream = null, detector = null, scanning = false;
  var ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

  // --- IndexedDB: the roster and the queue ------------------------------------------
  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open("door-" + eventId, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore("roster", { keyPath: "id" });
        request.result.createObjectStore("queue", { keyPath: "key" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  function store(name, mode) { return db.transaction(name, mode).objectStore(name); }
  function all(name) {
    return new Promise(function (resolve) {
      var request = store(name, "readonly").getAll();
      request.onsuccess = function () { resolve(request.result || []); };
      request.onerror = function () { resolve([]); };
    });
  }
  function put(name, value) {
    return new Promise(function (resolve) {
      var tx = db.transaction(name, "readwrite");
      tx.objectStore(name).put(value);
      tx.oncomplete = resolve; tx.onerror = resolve;
    });
  }
  function remove(name, keys) {
    return new Promise(function (resolve) {
      var tx = db.transaction(name, "readwrite");
      keys.forEach(function (k) { tx.objectStore(name).delete(k); });
      tx.oncomplete = resolve; tx.onerror = resolve;
    });
  }
  function replaceRoster(entries) {
    return new Promise(function (resolve) {
      var tx = db.transaction("roster", "readwrite");
      var s = tx.objectStore("roster");
      s.clear();
      entries.forEach(function (e) { s.put(e); });
      tx.oncomplete = resolve; tx.onerror = resolve;
    });
  }

  function index(entries) {
    roster = entries; byFingerprint = {}; byCode = {}; byId = {};
    entries.forEach(function (e) {
      if (e.fp) byFingerprint[e.fp] = e;
      if (e.code) byCode[e.code] = e;
      byId[e.id] = e;
    });
  }

  // --- What the screen says ------------------------------------------------------------
  function show(kind, title, detail) {
    var box = el("door-result");
    box.className = "door-result door-result-" + kind;
    el("door-result-title").textContent = title;
    el("door-result-detail").textContent = detail || "";
  }
  function hhmm(iso) {
    var d = new Date(iso);
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }
  function describe(entry) {
    return entry.category + (entry.seat ? " · " + words.seat + " " + entry.seat : "");
  }
  function setNetwork() {
    var online = navigator.onLine;
    var badge = el("door-network");
    badge.textContent = online ? words.online : words.offline;
    badge.className = "badge " + (online ? "bg-success" : "bg-warning text-dark");
  }
  function setQueue(count) {
    var badge = el("door-queue");
    badge.dataset.count = String(count);
    badge.textContent = t("queue", { n: count });
    badge.className = "badge " + (count ? "bg-warning text-dark" : "bg-secondary");
  }

  // --- Codes ---------------------------------------------------------------------------
  function shortCode(text) {
    var chars = text.toUpperCase().split("").filter(function (c) { return ALPHABET.indexOf(c) >= 0; }).join("");
    return chars.length === 8 ? chars.slice(0, 4) + "-" + chars.slice(4) : "";
  }
  function tokenOf(text) {
    var parts = text.trim().replace(/\/+$/, "").split("/");
    return parts[parts.length - 1];
  }
  function sha256(text) {
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)).then(function (buffer) {
      return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    });
  }
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  // --- Checking in ---------------------------------------------------------------------
  function newKey() {
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
  }
  function checkIn(entry, code) {
    if (entry.checked_at) {
      show("again", t("again", { time: hhmm(entry.checked_at) }), entry.name + " · " + describe(entry));
      return Promise.resolve();
    }
    var at = new Date().toISOString();
    entry.checked_at = at;
    show("ok", entry.name, describe(entry));
    var item = { key: newKey(), at: at, door: el("door-name").value || "" };
    if (code) item.code = code; else item.delegate_id = entry.id;
    return put("roster", entry).then(function () { return put("queue", item); }).then(function () {
      return all("queue");
    }).then(function (queue) { setQueue(queue.length); flush(); });
  }
  function sendUnknown(code) {
    // Not in this event's roster: the server says whose code it is (another event, revoked, forged).
    if (!navigator.onLine) { show("refused", words.unknown, ""); return; }
    post([{ key: newKey(), code: code, at: new Date().toISOString(), door: el("door-name").value || "" }])
      .then(function (data) {
        var r = data.results[0];
        if (r.ok) { refreshRoster(); show(r.first_time ? "ok" : "again", r.first_time ? r.name : r.message, r.name + " · " + r.category + (r.seat ? " · " + words.seat + " " + r.seat : "")); }
        else show("refused", r.message, "");
      })
      .catch(function () { show("refused", words.unknown, ""); });
  }
  function handleText(text) {
    var now = Date.now();
    if (text === lastText && now - lastAt < 4000) return;  // the same code held in front of the camera
    lastText = text; lastAt = now;
    var token = tokenOf(text);
    var short = shortCode(text);
    if (short && byCode[short] && text.length <= 12) { checkIn(byCode[short], short); return; }
    sha256(token).then(function (fp) {
      var entry = byFingerprint[fp];
      if (entry) checkIn(entry, token); else sendUnknown(token);
    });
  }

  function post(items) {
    return fetch(root.dataset.checkinsUrl, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ items: items })
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }
  var flushing = false;
  function flush() {
    if (flushing || !navigator.onLine || !db) return Promise.resolve();
    flushing = true;
    return all("queue").then(function (queue) {
      if (!queue.length) return;
      return post(queue).then(function (data) {
        var done = [];
        data.results.forEach(function (r, i) {
          done.push(queue[i].key);
          if (r.ok && byId[r.delegate_id]) {
            var entry = byId[r.delegate_id];
            entry.checked_at = r.checked_at;
            put("roster", entry);
            if (!r.first_time && queue.length === 1 && lastText) {
              show("again", r.message, entry.name + " · " + describe(entry));
            }
          } else if (!r.ok && queue.length === 1) {
            show("refused", r.message, "");
          }
        });
        return remove("queue", done);
      });
    }).catch(function () { /* still offline: the queue waits */ })
      .then(function () { return all("queue"); })
      .then(function (queue) { setQueue(queue.length); flushing = false; });
  }

  function refreshRoster() {
    return fetch(root.dataset.rosterUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { if (!response.ok) throw new Error(); return response.json(); })
      .then(function (data) {
        return all("queue").then(function (queue) {
          // a check-in still waiting in the queue stays checked in on this phone
          var waiting = {};
          queue.forEach(function (q) { if (q.delegate_id) waiting[q.delegate_id] = q.at; });
          var fpWaiting = {};
          return Promise.all(queue.filter(function (q) { return q.code; }).map(function (q) {
            return sha256(q.code).then(function (fp) { fpWaiting[fp] = q.at; });
          })).then(function () {
            data.delegates.forEach(function (e) {
              if (!e.checked_at) e.checked_at = waiting[e.id] || fpWaiting[e.fp] || byCode[e.code] && byCode[e.code].checked_at || null;
            });
            index(data.delegates);
            el("door-roster-state").textContent = t("rosterSaved", { n: data.delegates.length });
            return replaceRoster(data.delegates);
          });
        });
      })
      .catch(function () {
        return all("roster").then(function (entries) {
          index(entries);
          el("door-roster-state").textContent = entries.length
            ? t("rosterOffline", { n: entries.length })
            : words.rosterFailed;
        });
      });
  }

  // --- Camera --------------------------------------------------------------------------
  function startCamera() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      show("refused", words.noCamera, words.noCameraHint);
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (s) {
      stream = s;
      var video = el("door-video");
      video.srcObject = s;
      video.play();
      el("door-camera-start").hidden = true; el("door-camera-stop").hidden = false;
      scanning = true;
      if ("BarcodeDetector" in window) {
        window.BarcodeDetector.getSupportedFormats().then(function (formats) {
          detector = formats.indexOf("qr_code") >= 0 ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
        }).catch(function () { detector = null; }).then(scanLoop);
      } else scanLoop();
    }).catch(function () {
      show("refused", words.cameraRefused, words.cameraRefusedHint);
    });
  }
  function stopCamera() {
    scanning = false;
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
    el("door-camera-start").hidden = false; el("door-camera-stop").hidden = true;
  }
  function scanLoop() {
    if (!scanning) return;
    var video = el("door-video");
    if (video.readyState < 2) { setTimeout(scanLoop, 100); return; }
    if (detector) {
      detector.detect(video).then(function (codes) {
        if (codes.length) handleText(codes[0].rawValue);
      }).catch(function () {}).then(function () { setTimeout(scanLoop, 120); });
      return;
    }
    var canvas = el("door-canvas");
    var width = Math.min(video.videoWidth, 640);
    var height = Math.round(video.videoHeight * width / video.videoWidth);
    canvas.width = width; canvas.height = height;
    var context = canvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(video, 0, 0, width, height);
    var image = context.getImageData(0, 0, width, height);
    var code = window.jsQR ? window.jsQR(image.data, width, height, { inversionAttempts: "dontInvert" }) : null;
    if (code && code.data) handleText(code.data);
    setTimeout(scanLoop, 120);
  }

  // --- Search by name (the fallback) ----------------------------------------------------
  function search() {
    var text = el("door-search").value.trim();
    var list = el("door-search-results");
    list.innerHTML = "";
    if (!text) return;
    var short = shortCode(text);
    var query = fold(text);
    var found = short && byCode[short] ? [byCode[short]] : roster.filter(function (e) {
      return fold(e.name).indexOf(query) >= 0 || (e.search || "").indexOf(query) >= 0;
    }).slice(0, 8);
    var template = el("door-search-item");
    found.forEach(function (entry) {
      var item = template.content.firstElementChild.cloneNode(true);
      item.querySelector(".door-item-name").textContent = entry.name;
      item.querySelector(".door-item-detail").textContent = describe(entry) +
        (entry.checked_at ? " · " + t("checkedIn", { time: hhmm(entry.checked_at) }) : "");
      item.querySelector("button").addEventListener("click", function () {
        checkIn(entry, null); el("door-search").value = ""; list.innerHTML = "";
      });
      list.appendChild(item);
    });
    if (!found.length) {
      var none = document.createElement("li");
      none.className = "list-group-item text-muted";
      none.textContent = words.noneFound;
      list.appendChild(none);
    }
  }

  // --- Start -------------------------------------------------------------------------------
  el("door-camera-start").addEventListener("click", startCamera);
  el("door-camera-stop").addEventListener("click", stopCamera);
  el("door-search").addEventListener("input", search);
  el("door-search-form").addEventListener("submit", function (e) { e.preventDefault(); search(); });
  window.addEventListener("online", function () { setNetwork(); flush().then(refreshRoster); });
  window.addEventListener("offline", setNetwork);
  setNetwork();
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(root.dataset.swUrl, { scope: root.dataset.scope }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      // keep this page and the files it is made of for the moment the network drops
      var urls = [location.href.split("#")[0]];
      document.querySelectorAll("script[src], link[rel=stylesheet]").forEach(function (node) {
        urls.push(node.src || node.href);
      });
      registration.active.postMessage({ cache: urls });
    }).catch(function () {});
  }
  openDb().then(function (opened) {
    db = opened;
    return all("queue").then(function (queue) { setQueue(queue.length); });
  }).then(refreshRoster).then(flush);
  setInterval(function () { flush(); }, 5000);
  window.doorDebug = { handleText: handleText, flush: flush };
})();
