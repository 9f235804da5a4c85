// Checking before saving, and showing problems the GOV.UK way: an error summary at the top with a
// link to each field at fault, the message again beside the field, and "Error: " in the title.

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
