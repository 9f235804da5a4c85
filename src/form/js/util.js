// Small helpers shared by the other parts. All DOM is built here with createElement and
// textContent: no text from the framework or an assessment is ever parsed as HTML, with one
// exception, rich(): the framework author's Markdown, which routemap rendered to safe HTML (raw HTML
// escaped, only http, https, mailto and relative links) when it made this page.

var DATA = JSON.parse(document.getElementById("rm-data").textContent);
var FW = DATA.framework;

var STATUS_LABELS = {
  met: "Met", partial: "Partly met", not_met: "Not met", not_applicable: "Not applicable", unknown: "Unknown"
};
var REASON_LABELS = {
  not_relevant: "Not relevant to us", out_of_scope: "Out of the scope of this assessment",
  owned_elsewhere: "Owned elsewhere (another team or organisation is responsible)"
};
var RECORD_KEYS = ["status", "answer", "evidence", "note", "owner", "due", "reason", "reason_text"];

// Answer scales (docs/framework-format.md): FW.scales[k] lists the answers {id, name, credit,
// counts_as} of one scale, and a criterion's `scale` is the index of its own, or -1. In the state an
// answer is kept as the status "answer:<id>"; it counts as its counts_as (met, partial or not_met).
var ANSWER = "answer:";
var CRITERION_OF = {};

function scaleOf(c) { return c.scale >= 0 ? FW.scales[c.scale].answers : []; }

// The choices a criterion offers: its scale's answers, then not applicable and unknown; or the
// built-in statuses. {key: the end of the radio's id, value: the status kept, label}.
function choicesOf(c) {
  var scale = scaleOf(c);
  if (!scale.length)
    return DATA.statuses.map(function (s) { return { key: "status-" + s, value: s, label: STATUS_LABELS[s] }; });
  return scale.map(function (a, j) { return { key: "answer-" + j, value: ANSWER + a.id, label: a.name }; })
    .concat(["not_applicable", "unknown"].map(function (s) { return { key: "status-" + s, value: s, label: STATUS_LABELS[s] }; }));
}

function isAnswer(status) { return String(status).indexOf(ANSWER) === 0; }

function answerOf(c, status) {
  var id = String(status).slice(ANSWER.length);
  return scaleOf(c).filter(function (a) { return a.id === id; })[0] || null;
}

// What a criterion's status counts as: an answer's counts_as, or the status itself.
function meaningOf(criterionId, status) {
  if (!isAnswer(status)) return status;
  var answer = answerOf(CRITERION_OF[criterionId], status);
  return answer ? answer.counts_as : "unknown";
}

// A status the criterion can hold: a built-in one, or an answer of its own scale.
function validStatus(c, status) {
  return isAnswer(status) ? answerOf(c, status) !== null : DATA.statuses.indexOf(status) >= 0;
}

// el("p", {class: "hint", id: "x"}, "text", childNode, ...): attributes by name, children as
// text nodes or elements.
function el(tag, attributes) {
  var node = document.createElement(tag);
  if (attributes) {
    Object.keys(attributes).forEach(function (name) {
      var value = attributes[name];
      if (value === false || value === null || value === undefined) return;
      node.setAttribute(name, value === true ? "" : String(value));
    });
  }
  for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
  return node;
}

// An element holding HTML that routemap rendered from the framework's Markdown (a *_html field of
// DATA); never called with anything typed into the form or read from an assessment file.
function rich(tag, attributes, html) {
  var node = el(tag, attributes);
  node.innerHTML = html;
  return node;
}

function append(node, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) child.forEach(function (c) { append(node, c); });
  else if (typeof child === "string" || typeof child === "number") node.appendChild(document.createTextNode(String(child)));
  else node.appendChild(child);
}

function byId(id) { return document.getElementById(id); }

function isRealDate(text) {
  var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  var y = +m[1], mo = +m[2], d = +m[3];
  if (mo < 1 || mo > 12 || d < 1) return false;
  var days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1];
}

// The statuses and reasons the file formats accept: any case, spaces or hyphens for underscores,
// "n/a" and "na" for not_applicable (docs/file-formats.md).
function normaliseName(text) {
  var t = String(text).trim().toLowerCase().replace(/[ -]/g, "_");
  if (t === "n/a" || t === "na") return "not_applicable";
  return t;
}

// "riverside-trust-2026-03-31.toml": only letters, digits and hyphens, so that the name is safe
// on every file system and in an email attachment.
function fileName(subject, date, extension) {
  var base = String(subject || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
  var parts = [base || "assessment"];
  if (isRealDate(date)) parts.push(date);
  return parts.join("-") + "." + extension;
}

function plural(n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); }

// Calls fn(criterion, area, domain) for every criterion, in framework order.
function eachCriterion(fn) {
  if (!eachCriterion.indexed) {
    eachCriterion.indexed = true;
    eachCriterion(function (c) { CRITERION_OF[c.id] = c; });
  }
  FW.domains.forEach(function (domain) {
    domain.areas.forEach(function (area) {
      area.criteria.forEach(function (c) { fn(c, area, domain); });
    });
  });
}
