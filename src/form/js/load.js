// Reading a saved assessment (TOML or JSON) back into the form: the same checks as routemap's own
// readers (docs/file-formats.md), and it must be an assessment of this form's framework and
// version. Every problem is reported; nothing is dropped silently.

function hasKey(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
function isTable(v) { return v !== null && typeof v === "object" && !Array.isArray(v) && !("tomlDate" in v); }

function readAssessment(text, name) {
  var errors = [], root;
  var json = /\.json$/i.test(name || "") || /^\s*\{/.test(text);
  try {
    root = json ? JSON.parse(text) : parseToml(text);
  } catch (e) {
    var where = e instanceof TomlError ? "line " + e.line + ": " : "";
    return { errors: [(json ? "Not valid JSON: " : "Not a valid assessment file: ") + where + e.message] };
  }
  if (!isTable(root)) return { errors: ["Not an assessment file: expected an object with 'assessment' and 'criteria'"] };
  function unknownKeys(table, allowed, where) {
    Object.keys(table).forEach(function (k) {
      if (allowed.indexOf(k) < 0) errors.push("Unknown key '" + k + "' in " + where);
    });
  }
  function str(table, key, where, required) {
    if (!hasKey(table, key)) { if (required) errors.push("Missing '" + key + "' in " + where); return ""; }
    if (typeof table[key] !== "string") { errors.push("'" + key + "' in " + where + " must be a string"); return ""; }
    return table[key];
  }
  unknownKeys(root, ["format_version", "assessment", "criteria"], "the file");
  if (!hasKey(root, "format_version")) errors.push("Missing 'format_version' (this is not an assessment file)");
  else if (root.format_version !== 1) errors.push("format_version " + JSON.stringify(root.format_version) + " is not one this form reads (1)");
  var out = { subject: "", date: "", assessors: [], notes: "", criteria: {} };
  var a = root.assessment;
  if (!isTable(a)) errors.push("Missing the 'assessment' table");
  else {
    var where = "'assessment'";
    unknownKeys(a, ["framework", "framework_version", "subject", "date", "assessors", "notes"], where);
    var id = str(a, "framework", where, true), version = str(a, "framework_version", where, true);
    if (id && id !== FW.id) errors.push("This is an assessment against '" + id + "', and this form is for '" + FW.id + "'");
    else if (version && version !== FW.version)
      errors.push("This is an assessment against version " + version + " of " + FW.id + ", and this form is for version " + FW.version);
    out.subject = str(a, "subject", where, false);
    out.notes = str(a, "notes", where, false);
    if (a.date && typeof a.date === "object" && typeof a.date.tomlDate === "string") out.date = a.date.tomlDate;
    else out.date = str(a, "date", where, false);
    if (out.date && !isRealDate(out.date)) errors.push("The date '" + out.date + "' is not a real date in the form YYYY-MM-DD");
    if (hasKey(a, "assessors")) {
      if (!Array.isArray(a.assessors) || a.assessors.some(function (n) { return typeof n !== "string"; }))
        errors.push("'assessors' must be a list of names");
      else out.assessors = a.assessors.slice();
    }
  }
  var known = {};
  eachCriterion(function (c) { known[c.id] = true; });
  if (hasKey(root, "criteria")) {
    if (!isTable(root.criteria)) errors.push("'criteria' must be a table keyed by criterion id");
    else Object.keys(root.criteria).forEach(function (cid) {
      var record = root.criteria[cid], where = "criterion '" + cid + "'";
      if (!hasKey(known, cid)) { errors.push("'" + cid + "' is not a criterion of " + FW.id + " " + FW.version); return; }
      if (!isTable(record)) { errors.push(where + " must be a table"); return; }
      unknownKeys(record, RECORD_KEYS, where);
      var r = {};
      RECORD_KEYS.forEach(function (key) { r[key] = str(record, key, where, false); });
      r.status = r.status === "" ? "unknown" : normaliseName(r.status);
      if (DATA.statuses.indexOf(r.status) < 0) errors.push(where + ": unknown status '" + record.status + "'");
      if (r.answer) {
        var scale = scaleOf(CRITERION_OF[cid]);
        if (r.status !== "unknown")
          errors.push(where + ": gives both a status ('" + r.status + "') and an answer ('" + r.answer + "'): give one");
        else if (!scale.some(function (a) { return a.id === r.answer; }))
          errors.push(where + ": '" + r.answer + "' is not an answer of its scale" + (scale.length ? " (" +
                      scale.map(function (a) { return a.id; }).join(", ") + ")" : ": it has none"));
      }
      if (r.reason) {
        r.reason = normaliseName(r.reason);
        if (DATA.reasons.indexOf(r.reason) < 0) errors.push(where + ": unknown reason '" + record.reason + "'");
      }
      if ((r.reason || r.reason_text) && r.status !== "not_applicable")
        errors.push(where + ": a reason is given, but the status is " + r.status + ", not not_applicable");
      out.criteria[cid] = r;
    });
  }
  return errors.length ? { errors: errors } : { assessment: out };
}
