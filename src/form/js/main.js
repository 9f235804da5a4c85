// The form at work: showing the answers, progress and the level preview; filters; saving as TOML
// or JSON; loading a saved file; and the events that tie them together.

// After a refused save the error summary follows the answers, so that a fixed problem goes away.
var saveRefused = false;

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
  choicesOf(entry.c).forEach(function (choice) { byId(id + "-" + choice.key).checked = answer.status === choice.value; });
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
  var levels = previewLevels(function (id) { return meaningOf(id, state.criteria[id].status); });
  AREAS.forEach(function (a) { setLevel(byId("level-a" + a.index), levels.areas[a.area.id]); });
  FW.domains.forEach(function (domain, d) {
    setLevel(byId("level-d" + d), levels.domains[domain.id]);
    byId("nav-level-d" + d).textContent = levelName(levels.domains[domain.id]);
  });
  setLevel(byId("rm-overall"), levels.overall);
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
                  (filter === "not_met" && meaningOf(e.c.id, status) === "not_met");
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
    saveRefused = true;
    showEverything();
    showErrors(list);
    say("Not saved: " + plural(list.length, "problem") + " to fix first.");
    return;
  }
  clearErrors();
  saveRefused = false;
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
      saveRefused = false;
      showErrors(result.errors.map(function (m) { return { target: "rm-load", message: m }; }),
                 "The file " + file.name + " could not be loaded");
      say("Nothing was loaded from " + file.name + ".");
      return;
    }
    clearErrors();
    saveRefused = false;
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
  if (saveRefused) {
    var list = problems();
    if (list.length) {
      var focused = document.activeElement;
      showErrors(list);
      if (focused) focused.focus();
    } else {
      clearErrors();
      saveRefused = false;
    }
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
  byId("rm-clear").addEventListener("click", function () {
    byId("rm-clear-confirm").hidden = false;
    byId("rm-clear-question").focus();
  });
  byId("rm-clear-no").addEventListener("click", function () {
    byId("rm-clear-confirm").hidden = true;
    byId("rm-clear").focus();
  });
  byId("rm-clear-yes").addEventListener("click", function () {
    byId("rm-clear-confirm").hidden = true;
    clearErrors();
    saveRefused = false;
    state = blankState();
    persist();
    showEverything();
    showAll();
    byId("rm-clear").focus();
    say("All answers cleared.");
  });
  // Printing shows the guidance in full.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { closed.forEach(function (d) { d.open = false; }); });
}

start();
