// Small helpers shared by the other parts. All DOM is built here with createElement and
// textContent: no text from the framework or an assessment is ever parsed as HTML.

var DATA = JSON.parse(document.getElementById("rm-data").textContent);
var FW = DATA.framework;

var STATUS_LABELS = {
  met: "Met", partial: "Partly met", not_met: "Not met", not_applicable: "Not applicable", unknown: "Unknown"
};
var REASON_LABELS = {
  not_relevant: "Not relevant to us", out_of_scope: "Out of the scope of this assessment",
  owned_elsewhere: "Owned elsewhere (another team or organisation is responsible)"
};
var RECORD_KEYS = ["status", "evidence", "note", "owner", "due", "reason", "reason_text"];

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
  FW.domains.forEach(function (domain) {
    domain.areas.forEach(function (area) {
      area.criteria.forEach(function (c) { fn(c, area, domain); });
    });
  });
}
