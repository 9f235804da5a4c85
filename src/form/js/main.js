// The form at work: the answers (one state object), kept in local storage as the person types;
// the level preview and progress; filters; checking before saving (GOV.UK error summary); saving
// as TOML or JSON; loading a saved file.

var STORAGE_KEY = "routemap-form:" + FW.id + "@" + FW.version + ":" + DATA.instance;
var TITLE = document.title;
var state = blankState();

function blankState() {
  var s = { subject: "", date_day: "", date_month: "", date_year: "", assessors: [], notes: "", criteria: {} };
  eachCriterion(function (c) { s.criteria[c.id] = blankAnswer(); });
  return s;
}

function blankAnswer() {
  return { status: "unknown", evidence: "", note: "", owner: "", due: "", reason: "", reason_text: "" };
}

// From an assessment as read from a file (or the prefill): {subject, date, assessors, notes, criteria}.
function stateFromAssessment(a) {
  var s = blankState();
  s.subject = a.subject || "";
  s.notes = a.notes || "";
  s.assessors = (a.assessors || []).slice();
  var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(a.date || "");
  if (m) { s.date_year = m[1]; s.date_month = String(+m[2]); s.date_day = String(+m[3]); }
  Object.keys(a.criteria || {}).forEach(function (id) {
    if (!hasKey(s.criteria, id)) return;
    var r = a.criteria[id];
    RECORD_KEYS.forEach(function (key) { if (typeof r[key] === "string") s.criteria[id][key] = r[key]; });
    if (!s.criteria[id].status) s.criteria[id].status = "unknown";
  });
  return s;
}

// One name per line; blank lines and surrounding spaces dropped.
function splitNames(text) {
  return text.split("\n").map(function (n) { return n.trim(); }).filter(function (n) { return n; });
}

// "" when no part is given, "YYYY-MM-DD" when the parts make a real date, else null.
function stateDate() {
  var d = state.date_day.trim(), m = state.date_month.trim(), y = state.date_year.trim();
  if (!d && !m && !y) return "";
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  var iso = y + "-" + ("0" + m).slice(-2) + "-" + ("0" + d).slice(-2);
  return isRealDate(iso) ? iso : null;
}

function assessmentFromState() {
  var criteria = {};
  eachCriterion(function (c) { criteria[c.id] = state.criteria[c.id]; });
  return {
    subject: state.subject, date: stateDate() || "", notes: state.notes, criteria: criteria,
    assessors: state.assessors.slice()
  };
}

// --- local storage -------------------------------------------------------------------------------

var storage = (function () {
  try {
    var probe = STORAGE_KEY + ":probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch (e) {
    return null;  // blocked for files in some browsers, or full
  }
})();

function persist() {
  if (!storage) return;
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ format: 1, state: state }));
  } catch (e) {
    say("Your answers could not be kept in this browser (" + e.name + "): save the assessment to a file now.");
  }
}

function restore() {
  if (!storage) return null;
  try {
    var saved = JSON.parse(storage.getItem(STORAGE_KEY) || "null");
    if (!saved || saved.format !== 1 || !saved.state) return null;
    var s = blankState();
    ["subject", "date_day", "date_month", "date_year", "notes"].forEach(function (k) {
      if (typeof saved.state[k] === "string") s[k] = saved.state[k];
    });
    if (Array.isArray(saved.state.assessors))
      s.assessors = saved.state.assessors.filter(function (n) { return typeof n === "string"; });
    Object.keys(s.criteria).forEach(function (id) {
      var r = saved.state.criteria && saved.state.criteria[id];
      if (!r) return;
      RECORD_KEYS.forEach(function (key) { if (typeof r[key] === "string") s.criteria[id][key] = r[key]; });
      if (DATA.statuses.indexOf(s.criteria[id].status) < 0) s.criteria[id].status = "unknown";
    });
    return s;
  } catch (e) {
    return null;
  }
}

// --- state to page -------------------------------------------------------------------------------

function say(message) { byId("rm-status").textContent = message; }

function setValue(node, value) {
  node.value = value;
  var copy = byId(node.id + "-print");
  if (copy) copy.textContent = value;
}

function showAll() {
  ["subject", "notes"].forEach(function (k) { setValue(byId("rm-" + k), state[k]); });
  setValue(byId("rm-assessors"), state.assessors.join("\n"));
  ["day", "month", "year"].forEach(function (k) { setValue(byId("rm-date-" + k), state["date_" + k]); });
  CRITERIA.forEach(function (entry) { showCriterion(entry.index); });
  update();
}

function showCriterion(k) {
  var entry = CRITERIA[k], answer = state.criteria[entry.c.id], id = "c" + k;
  DATA.statuses.forEach(function (s) { byId(id + "-status-" + s).checked = answer.status === s; });
  ["evidence", "note", "owner", "due", "reason"].forEach(function (key) { setValue(byId(id + "-" + key), answer[key]); });
  setValue(byId(id + "-reason-text"), answer.reason_text);
  showStatus(k);
}

// The criterion's status is shown by its radios; not applicable reveals the reason.
function showStatus(k) {
  var id = "c" + k, status = state.criteria[CRITERIA[k].c.id].status;
  byId(id).setAttribute("data-status", status);
  byId(id + "-na").hidden = status !== "not_applicable";
}

function setLevel(node, level) {
  node.setAttribute("data-level", level === null ? "na" : String(level));
  node.querySelector("strong").textContent = levelName(level);
}

// Progress and the level preview.
function update() {
  var answered = CRITERIA.filter(function (e) { return state.criteria[e.c.id].status !== "unknown"; }).length;
  byId("rm-progress").textContent = answered + " of " + plural(CRITERIA.length, "criterion", "criteria") + " answered";
  byId("rm-progress-bar").value = answered;
  var levels = previewLevels(function (id) { return state.criteria[id].status; });
  AREAS.forEach(function (a) { setLevel(byId("level-a" + a.index), levels.areas[a.area.id]); });
  FW.domains.forEach(function (domain, d) {
    setLevel(byId("level-d" + d), levels.domains[domain.id]);
    byId("nav-level-d" + d).textContent = levelName(levels.domains[domain.id]);
  });
  var overall = byId("rm-overall");
  overall.setAttribute("data-level", levels.overall === null ? "na" : String(levels.overall));
  byId("rm-overall-level").textContent = levelName(levels.overall);
}

// --- filters ---------------------------------------------------------------------------------------

function currentFilter() {
  var chosen = document.querySelector("input[name=rm-filter]:checked");
  return chosen ? chosen.value : "all";
}

// Applied when the filter is chosen (not as answers change, so that a criterion does not vanish
// while someone is answering it).
function applyFilter() {
  var filter = currentFilter(), shown = 0;
  CRITERIA.forEach(function (e) {
    var status = state.criteria[e.c.id].status;
    var visible = filter === "all" || (filter === "unanswered" && status === "unknown") ||
                  (filter === "not_met" && status === "not_met");
    byId("c" + e.index).hidden = !visible;
    if (visible) shown++;
  });
  document.querySelectorAll(".tier, .area, .domain").forEach(function (box) {
    box.hidden = !box.querySelector(".criterion:not([hidden])");
  });
  byId("rm-empty-filter").hidden = shown > 0;
  say(filter === "all" ? "Showing all criteria." : "Showing " + plural(shown, "criterion", "criteria") + ".");
}

function showEverything() {
  byId("rm-filter-all").checked = true;
  document.querySelectorAll(".criterion, .tier, .area, .domain").forEach(function (box) { box.hidden = false; });
  byId("rm-empty-filter").hidden = true;
}

// --- checking and errors ---------------------------------------------------------------------------

function shortText(text) {
  var t = String(text).replace(/\s+/g, " ").trim();
  return t.length > 80 ? t.slice(0, 77) + "\u2026" : t;
}

// Every problem that stops a save: [{target: element id, message}].
function problems() {
  var out = [];
  if (stateDate() === null) out.push({ target: "rm-date-day", field: "rm-date", message: "The date of the assessment must be a real date, for example 31 3 2026" });
  CRITERIA.forEach(function (e) {
    var answer = state.criteria[e.c.id];
    if (answer.status === "not_applicable" && !answer.reason)
      out.push({ target: "c" + e.index + "-reason", field: "c" + e.index + "-reason",
                 message: "Choose why \u201c" + shortText(e.c.text) + "\u201d does not apply" });
  });
  return out;
}

function clearErrors() {
  byId("rm-errors").hidden = true;
  byId("rm-errors-list").textContent = "";
  document.querySelectorAll(".has-error").forEach(function (n) { n.classList.remove("has-error"); });
  document.querySelectorAll(".error-message").forEach(function (n) { n.hidden = true; n.textContent = ""; });
  document.querySelectorAll("[aria-invalid]").forEach(function (n) {
    n.removeAttribute("aria-invalid");
    var ids = (n.getAttribute("aria-describedby") || "").split(" ").filter(function (i) { return !/-error$/.test(i); });
    if (ids.length) n.setAttribute("aria-describedby", ids.join(" ")); else n.removeAttribute("aria-describedby");
  });
  document.title = TITLE;
}

// The GOV.UK pattern: a summary at the top with a link to each field, the message again beside the
// field, "Error: " in the title, and focus moved to the summary.
function showErrors(list, heading) {
  clearErrors();
  byId("rm-errors-title").textContent = heading || "There is a problem";
  list.forEach(function (p) {
    var link = el("a", { href: "#" + p.target }, p.message);
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var target = byId(p.target);
      var around = target.closest("fieldset.criterion") || target.closest(".field") || target;
      around.scrollIntoView();
      target.focus();
    });
    byId("rm-errors-list").appendChild(el("li", null, link));
    if (!p.field) return;
    var box = byId(p.field + "-field"), message = byId(p.field + "-error"), control = byId(p.target);
    if (box) box.classList.add("has-error");
    if (message) {
      message.hidden = false;
      append(message, [el("span", { class: "visually-hidden" }, "Error: "), p.message]);
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-describedby", ((control.getAttribute("aria-describedby") || "") + " " + message.id).trim());
    }
  });
  document.title = "Error: " + TITLE;
  var summary = byId("rm-errors");
  summary.hidden = false;
  summary.focus();
}

// --- saving and loading ----------------------------------------------------------------------------

function download(text, name, type) {
  var url = URL.createObjectURL(new Blob([text], { type: type }));
  var link = el("a", { href: url, download: name, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
}

function save(format) {
  var list = problems();
  if (list.length) {
    showEverything();
    showErrors(list);
    say("Not saved: " + plural(list.length, "problem") + " to fix first.");
    return;
  }
  clearErrors();
  var a = assessmentFromState();
  var name = fileName(a.subject, a.date, format);
  if (format === "json") download(formatJson(a), name, "application/json");
  else download(formatToml(a), name, "application/toml");
  say("Saved " + name + " to your downloads. Send that file to whoever collects the assessments; " +
      "routemap reads it as it is.");
}

function load(file) {
  var reader = new FileReader();
  reader.onload = function () {
    var result = readAssessment(String(reader.result), file.name);
    if (result.errors) {
      showErrors(result.errors.map(function (m) { return { target: "rm-load", message: m }; }),
                 "The file " + file.name + " could not be loaded");
      say("Nothing was loaded from " + file.name + ".");
      return;
    }
    clearErrors();
    state = stateFromAssessment(result.assessment);
    persist();
    showEverything();
    showAll();
    say("Loaded " + file.name + ": " + byId("rm-progress").textContent + ".");
  };
  reader.onerror = function () { say("The file " + file.name + " could not be read."); };
  reader.readAsText(file, "utf-8");
}

// --- events ------------------------------------------------------------------------------------------

function onInput(event) {
  var node = event.target, key = node.getAttribute("data-field");
  if (!key) return;
  var criterion = node.getAttribute("data-criterion");
  // Assessors are kept as a list, so names read from a file stay exactly as they were until edited.
  if (key === "assessors") state.assessors = splitNames(node.value);
  else if (criterion === null) state[key] = node.value;
  else if (key === "status") { if (node.checked) state.criteria[criterion].status = node.value; }
  else state.criteria[criterion][key] = node.value;
  var copy = byId(node.id + "-print");
  if (copy) copy.textContent = node.value;
  persist();
  if (key === "status") {
    var k = +node.id.slice(1, node.id.indexOf("-"));
    showStatus(k);
    update();
  }
  // Once the summary is showing, it follows the answers, so a fixed problem goes away.
  if (!byId("rm-errors").hidden && byId("rm-errors-title").textContent === "There is a problem") {
    var list = problems();
    if (list.length) {
      var focused = document.activeElement;
      showErrors(list);
      if (focused) focused.focus();
    } else clearErrors();
  }
}

function start() {
  renderPage(byId("rm-app"));
  var restored = restore();
  if (restored) state = restored;
  else if (DATA.prefill) state = stateFromAssessment(DATA.prefill);
  showAll();
  if (!storage) byId("rm-storage").textContent = "This browser does not keep drafts of this page, so save your " +
    "answers to a file often with \u201cSave assessment\u201d, and load that file to go on.";
  else if (restored) say("Your earlier answers in this browser were restored.");
  var form = byId("rm-form");
  form.addEventListener("input", onInput);
  form.addEventListener("change", function (event) {
    if (event.target.name === "rm-filter") applyFilter();
    else if (event.target.id === "rm-load") {
      if (event.target.files.length) load(event.target.files[0]);
      event.target.value = "";
    } else onInput(event);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); save("toml"); });
  byId("rm-save-json").addEventListener("click", function () { save("json"); });
  // Printing shows the guidance in full.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { closed.forEach(function (d) { d.open = false; }); });
}

start();
