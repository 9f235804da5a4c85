// The answers: one state object, made from a file or the prefill, kept in local storage as the
// person types (keyed by framework, version and this form's own id, so that two forms never share a
// draft), and turned back into an assessment to save.

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
    if (s.criteria[id].answer) s.criteria[id].status = ANSWER + s.criteria[id].answer;
    delete s.criteria[id].answer;
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
      delete s.criteria[id].answer;
      if (!validStatus(CRITERION_OF[id], s.criteria[id].status)) s.criteria[id].status = "unknown";
    });
    return s;
  } catch (e) {
    return null;
  }
}
