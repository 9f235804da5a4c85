// Builds the form from the framework: about the assessment, the toolbar (progress, level, filters,
// save and load), contents, then domain by domain, area by area and tier by tier, one fieldset per
// criterion. Ids are made from positions (c12, a3, d1), never from text, and criterion ids travel
// in data attributes set through the DOM.

var CRITERIA = [];  // {c, area, domain, index}, framework order
var AREAS = [];     // {area, domain, index}

function field(id, label, hint, control) {
  var describedBy = hint ? id + "-hint" : null;
  if (describedBy) control.setAttribute("aria-describedby", describedBy);
  return el("div", { class: "field", id: id + "-field" },
    el("label", { for: id }, label),
    hint ? el("p", { class: "hint", id: id + "-hint" }, hint) : null,
    control);
}

function textArea(id, name, criterionId, rows) {
  var area = el("textarea", { id: id, name: id, rows: rows || 3, "data-field": name, spellcheck: "true" });
  if (criterionId !== null) area.setAttribute("data-criterion", criterionId);
  return area;
}

// Every textarea gets a copy shown only when printing, since a printed textarea is cut to its box.
function addPrintCopies(root) {
  root.querySelectorAll("textarea").forEach(function (t) {
    t.after(el("div", { class: "print-only", "aria-hidden": "true", id: t.id + "-print" }));
  });
}

function textInput(id, name, criterionId, extraClass) {
  var input = el("input", { type: "text", id: id, name: id, "data-field": name, class: extraClass || null });
  if (criterionId !== null) input.setAttribute("data-criterion", criterionId);
  return input;
}

function renderAbout() {
  var dateParts = [["day", "Day", 2], ["month", "Month", 2], ["year", "Year", 4]].map(function (p) {
    return el("div", { class: p[0] },
      el("label", { for: "rm-date-" + p[0] }, p[1]),
      el("input", { type: "text", id: "rm-date-" + p[0], name: "rm-date-" + p[0], inputmode: "numeric",
                    maxlength: p[2], "data-field": "date_" + p[0], autocomplete: "off" }));
  });
  return el("fieldset", { class: "about", id: "rm-about" },
    el("legend", null, "About this assessment"),
    field("rm-subject", "Who or what is assessed", "The organisation, service, team or person, for example " +
          "\u201cCommunity Diabetes Service\u201d", textInput("rm-subject", "subject", null)),
    el("fieldset", { class: "field", id: "rm-date-field", "aria-describedby": "rm-date-hint" },
      el("legend", { class: "label" }, "Date of the assessment"),
      el("p", { class: "hint", id: "rm-date-hint" }, "For example, 31 3 2026"),
      el("p", { class: "error-message", id: "rm-date-error", hidden: true }),
      el("div", { class: "date-input" }, dateParts)),
    field("rm-assessors", "Assessors", "The people who made this assessment, one name per line",
          textArea("rm-assessors", "assessors", null, 3)),
    field("rm-notes", "Notes about the whole assessment", "Optional", textArea("rm-notes", "notes", null, 3)));
}

// A compact bar that stays at the top while scrolling (progress, level, save, what happened), and
// the filters and other file actions, which do not.
function renderToolbar() {
  return el("div", { class: "toolbar", role: "region", "aria-label": "Progress and saving" },
    el("p", { class: "progress" },
      el("span", { id: "rm-progress", "aria-live": "polite" }, ""),
      el("progress", { id: "rm-progress-bar", max: CRITERIA.length, value: 0, "aria-hidden": "true" })),
    el("p", { class: "progress", id: "rm-overall" }, "Overall level (preview): ",
      el("strong", { id: "rm-overall-level" }, "")),
    el("button", { type: "submit", id: "rm-save-toml" }, "Save assessment"),
    el("p", { class: "status-message", id: "rm-status", role: "status" }));
}

function renderTools() {
  var filters = [["all", "All criteria"], ["unanswered", "Only unanswered"], ["not_met", "Only not met"]];
  return el("div", { class: "tools" },
    el("fieldset", { class: "filters" }, el("legend", null, "Show"),
      filters.map(function (f) {
        return el("span", { class: "radio" },
          el("input", { type: "radio", name: "rm-filter", id: "rm-filter-" + f[0], value: f[0], checked: f[0] === "all" }),
          el("label", { for: "rm-filter-" + f[0] }, f[1]));
      })),
    el("div", { class: "buttons" },
      el("button", { type: "button", id: "rm-save-json", class: "secondary" }, "Save as JSON"),
      el("label", { class: "file-button", for: "rm-load", id: "rm-load-label" }, "Load a saved file",
        el("input", { type: "file", id: "rm-load", class: "visually-hidden", accept: ".toml,.json,application/json" })),
      el("button", { type: "button", id: "rm-clear", class: "secondary", "aria-controls": "rm-clear-confirm" },
        "Clear all answers")),
    // Asked on the page rather than in a browser dialog, and only after the button is chosen.
    el("div", { class: "confirm", id: "rm-clear-confirm", hidden: true, role: "group",
                "aria-labelledby": "rm-clear-question" },
      el("p", { id: "rm-clear-question", tabindex: "-1" }, "Clear every answer in this form, and its draft in this " +
         "browser? Save the assessment first if you need it."),
      el("button", { type: "button", id: "rm-clear-yes", class: "warning" }, "Yes, clear all answers"),
      el("button", { type: "button", id: "rm-clear-no", class: "secondary" }, "No, keep them")));
}

function renderActions(actions) {
  return el("ul", null, actions.map(function (a) {
    return el("li", null, a.text, a.children.length ? renderActions(a.children) : null);
  }));
}

function countActions(actions) {
  return actions.reduce(function (n, a) { return n + 1 + countActions(a.children); }, 0);
}

function renderCriterion(c, index) {
  var id = "c" + index;
  var tier = FW.tiers[c.tier].name;
  var radios = choicesOf(c).map(function (choice) {
    return el("span", { class: "radio" },
      el("input", { type: "radio", name: id + "-status", id: id + "-" + choice.key, value: choice.value,
                    "data-field": "status", "data-criterion": c.id }),
      el("label", { for: id + "-" + choice.key }, choice.label));
  });
  var reason = el("select", { id: id + "-reason", name: id + "-reason", "data-field": "reason", "data-criterion": c.id },
    el("option", { value: "" }, "Choose a reason"),
    DATA.reasons.map(function (r) { return el("option", { value: r }, REASON_LABELS[r]); }));
  var box = el("fieldset", { class: "criterion", id: id, "aria-describedby": id + "-hint", "data-criterion-id": c.id },
    el("legend", null, c.text),
    el("p", { class: "hint", id: id + "-hint" }, tier + " \u00b7 criterion " + c.id),
    c.details.length ? el("ul", { class: "details" }, c.details_html.map(function (d) { return rich("li", { class: "prose" }, d); })) : null,
    el("fieldset", { class: "radios" }, el("legend", null, scaleOf(c).length ? "Answer" : "Status"), radios),
    el("div", { class: "conditional", id: id + "-na", hidden: true },
      el("div", { class: "field", id: id + "-reason-field" },
        el("label", { for: id + "-reason" }, "Why does this criterion not apply?"),
        el("p", { class: "error-message", id: id + "-reason-error", hidden: true }),
        reason),
      field(id + "-reason-text", "The reason in words", "Optional",
            textArea(id + "-reason-text", "reason_text", c.id, 2))),
    el("div", { class: "answer-fields" },
      field(id + "-evidence", "Evidence", "What shows this status: documents, minutes, data, dates",
            textArea(id + "-evidence", "evidence", c.id, 3)),
      field(id + "-note", "Note", "Optional", textArea(id + "-note", "note", c.id, 3)),
      field(id + "-owner", "Owner", "Who is responsible for progress", textInput(id + "-owner", "owner", c.id)),
      field(id + "-due", "Due", "When progress is due, for example 2026-09-30", textInput(id + "-due", "due", c.id, "short"))));
  addPrintCopies(box);
  return box;
}

function renderDomain(domain, d) {
  var section = el("section", { class: "domain", id: "d" + d, "aria-labelledby": "d" + d + "-title" },
    el("h2", { id: "d" + d + "-title" }, domain.name),
    domain.step && domain.step !== domain.name ? el("p", { class: "hint" }, domain.step) : null,
    domain.summary ? el("p", null, domain.summary) : null,
    domain.description && domain.description !== domain.summary ? rich("div", { class: "prose" }, domain.description_html) : null,
    el("p", { class: "level", id: "level-d" + d, "data-domain-id": domain.id }, "Domain level (preview): ", el("strong")));
  if (domain.actions.length)
    section.appendChild(el("details", { class: "guidance" },
      el("summary", null, "What to do: the route map\u2019s guidance (" + plural(countActions(domain.actions), "action") + ")"),
      renderActions(domain.actions)));
  domain.areas.forEach(function (area) {
    var a = AREAS.length;
    AREAS.push({ area: area, domain: domain, index: a });
    var box = el("section", { class: "area", id: "a" + a, "aria-labelledby": area.implicit ? null : "a" + a + "-title" },
      area.implicit ? null : el("h3", { id: "a" + a + "-title" }, area.name),
      area.description ? rich("div", { class: "hint prose" }, area.description_html) : null,
      el("p", { class: "level", id: "level-a" + a, "data-area-id": area.id },
        area.implicit ? "Level (preview): " : "Area level (preview): ", el("strong")));
    FW.tiers.forEach(function (tier, t) {
      var criteria = area.criteria.filter(function (c) { return c.tier === t; });
      if (!criteria.length) return;
      var group = el("div", { class: "tier", "data-tier": tier.id }, el("h4", null, tier.name));
      criteria.forEach(function (c) {
        var k = CRITERIA.length;
        CRITERIA.push({ c: c, area: area, domain: domain, index: k });
        group.appendChild(renderCriterion(c, k));
      });
      box.appendChild(group);
    });
    section.appendChild(box);
  });
  return section;
}

function renderPage(app) {
  var domains = FW.domains.map(renderDomain);  // first, so that CRITERIA is known to the toolbar
  var intro = el("div", { class: "intro" },
    el("p", null, "Answer each criterion: choose its status and say what shows it. Not applicable needs a reason. " +
       "The level preview follows the route map\u2019s staged rule: an area reaches a tier when every " +
       "criterion of that tier and of the tiers below is met, leaving out those that do not apply."),
    el("p", { id: "rm-storage" }, "Your answers are kept in this browser as you type, so you can close the page " +
       "and come back. When you have finished, choose \u201cSave assessment\u201d and send the file it downloads."));
  var contents = el("nav", { class: "contents", "aria-labelledby": "rm-contents-title" },
    el("h2", { id: "rm-contents-title" }, "Contents"),
    el("ol", null, FW.domains.map(function (domain, d) {
      return el("li", null, el("a", { href: "#d" + d }, domain.name), " \u2014 ",
        el("span", { id: "nav-level-d" + d }, ""));
    })));
  var errors = el("div", { class: "error-summary", id: "rm-errors", tabindex: "-1", hidden: true, role: "alert",
                           "aria-labelledby": "rm-errors-title" },
    el("h2", { id: "rm-errors-title" }, "There is a problem"),
    el("ul", { id: "rm-errors-list" }));
  var form = el("form", { id: "rm-form", novalidate: true, "aria-labelledby": "rm-title" },
    renderAbout(), renderToolbar(), renderTools(), contents, domains,
    el("p", { class: "empty-filter", id: "rm-empty-filter", hidden: true }, "No criteria match this filter."));
  append(app, [errors, intro, form]);
  addPrintCopies(byId("rm-about"));
}
