// Assessment files: writing TOML exactly as routemap's own writer does (src/assessment_io/
// toml_format.cpp) and JSON with the same keys, and reading them back. The TOML reader is strict
// and small: it knows the part of TOML that assessment files use (tables, quoted keys, strings of
// all four kinds, integers, dates, arrays of strings, comments) and reports anything else, with
// its line, rather than guess.

function tomlString(text) {
  var out = "\"";
  for (var ch of String(text)) {
    var code = ch.codePointAt(0);
    if (ch === "\"") out += "\\\"";
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\f") out += "\\f";
    else if (ch === "\r") out += "\\r";
    else if (code < 0x20 || code === 0x7f) out += "\\u" + ("000" + code.toString(16).toUpperCase()).slice(-4);
    else out += ch;
  }
  return out + "\"";
}

// "# ..." lines wrapped at about `width` columns; control characters become spaces.
function tomlComment(text, width) {
  width = width || 100;
  var words = String(text).split(/[\u0000-\u0020\u007f]+/).filter(function (w) { return w !== ""; });
  var out = "", line = "#", used = 1;
  words.forEach(function (word) {
    var length = Array.from(word).length;
    if (used > 1 && used + 1 + length > width) { out += line + "\n"; line = "#"; used = 1; }
    line += " " + word;
    used += 1 + length;
  });
  return out + line + "\n";
}

// The record written for a criterion: status and evidence always, the rest when not empty, the
// reason only for a criterion that does not apply (the formats refuse it anywhere else).
function fileRecord(answer) {
  var status = answer.status || "unknown";
  var r = isAnswer(status) ? { answer: status.slice(ANSWER.length), evidence: answer.evidence || "" }
                           : { status: status, evidence: answer.evidence || "" };
  ["note", "owner", "due"].forEach(function (key) { if (answer[key]) r[key] = answer[key]; });
  if (r.status === "not_applicable") {
    if (answer.reason) r.reason = answer.reason;
    if (answer.reason_text) r.reason_text = answer.reason_text;
  }
  return r;
}

function formatToml(a) {
  var out = tomlComment("Assessment against " + FW.name + " (" + FW.id + " " + FW.version + ").");
  out += tomlComment("status: met, partial, not_met, not_applicable or unknown. A not_applicable criterion needs a " +
                     "reason: not_relevant, out_of_scope or owned_elsewhere (and reason_text to explain).");
  // The answer scales, as the engine's writer lists them: the framework's at the top, a domain's own
  // at each of its criteria.
  var top = FW.scales.filter(function (s) { return s.domain === null; })[0];
  if (top)
    out += tomlComment("Instead of a status, a criterion may be given an answer of the framework's answer scale, as " +
                       "answer = \"id\": " + top.text + ".");
  out += "format_version = 1\n\n[assessment]\n";
  out += "framework = " + tomlString(FW.id) + "\n";
  out += "framework_version = " + tomlString(FW.version) + "\n";
  out += "subject = " + tomlString(a.subject) + "\n";
  out += "date = " + tomlString(a.date) + "\n";
  out += "assessors = [" + a.assessors.map(tomlString).join(", ") + "]\n";
  out += "notes = " + tomlString(a.notes) + "\n";
  eachCriterion(function (c, area, domain) {
    var tier = FW.tiers[c.tier].name;
    out += "\n" + tomlComment(area.implicit ? domain.name + " — " + tier : domain.name + " / " + area.name + " — " + tier);
    out += tomlComment(c.text);
    if (c.scale >= 0 && FW.scales[c.scale].domain !== null) out += tomlComment("answers: " + FW.scales[c.scale].text);
    var r = fileRecord(a.criteria[c.id] || {});
    out += "[criteria." + tomlString(c.id) + "]\n";
    RECORD_KEYS.forEach(function (key) { if (key in r) out += key + " = " + tomlString(r[key]) + "\n"; });
  });
  return out;
}

function formatJson(a) {
  var criteria = {};
  eachCriterion(function (c) { criteria[c.id] = fileRecord(a.criteria[c.id] || {}); });
  var root = {
    format_version: 1,
    assessment: { framework: FW.id, framework_version: FW.version, subject: a.subject, date: a.date,
                  assessors: a.assessors, notes: a.notes },
    criteria: criteria
  };
  return JSON.stringify(root, null, 2) + "\n";
}

// --- reading ------------------------------------------------------------------------------------

function TomlError(message, line) { this.message = message; this.line = line; }

function parseToml(text) {
  var pos = 0, line = 1, root = {}, table = root, defined = {};
  text = String(text).replace(/^\uFEFF/, "");
  function fail(message) { throw new TomlError(message, line); }
  function peek(n) { return text.substr(pos, n || 1); }
  function next() { var c = text[pos++]; if (c === "\n") line++; return c; }
  function skipSpace() { while (pos < text.length && (text[pos] === " " || text[pos] === "\t")) pos++; }
  function skipComment() { if (text[pos] === "#") while (pos < text.length && text[pos] !== "\n") pos++; }
  function endOfLine() {
    skipSpace(); skipComment();
    if (pos >= text.length) return;
    if (peek(2) === "\r\n") pos++;
    if (text[pos] !== "\n") fail("expected the end of the line, found '" + text[pos] + "'");
    next();
  }
  function hex(n) {
    var digits = text.substr(pos, n);
    if (!new RegExp("^[0-9A-Fa-f]{" + n + "}$").test(digits)) fail("bad \\u escape");
    pos += n;
    var code = parseInt(digits, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) fail("\\u escape is not a Unicode scalar value");
    return String.fromCodePoint(code);
  }
  // At the closing quote(s): a multi-line string may end with up to two more quotes, which belong
  // to its content ("""a""""" is 'a""'). Returns those, and moves past the end.
  function closing(quote, multiline) {
    var n = 0;
    while (text[pos + n] === quote) n++;
    if (!multiline) { pos += 1; return ""; }
    if (n > 5) fail("too many quotes at the end of a string");
    pos += n;
    return quote.repeat(n - 3);
  }
  function basic(multiline) {
    var out = "";
    if (multiline && peek(2) === "\r\n") pos += 2; else if (multiline && peek() === "\n") next();
    for (;;) {
      if (pos >= text.length) fail("unterminated string");
      if (multiline ? peek(3) === "\"\"\"" : peek() === "\"") return out + closing("\"", multiline);
      if (multiline && peek(2) === "\r\n") pos++;  // CRLF inside a multi-line string is read as LF
      var c = next();
      if (c === "\\") {
        var e = next();
        if (e === "\"") out += "\""; else if (e === "\\") out += "\\"; else if (e === "b") out += "\b";
        else if (e === "t") out += "\t"; else if (e === "n") out += "\n"; else if (e === "f") out += "\f";
        else if (e === "r") out += "\r"; else if (e === "u") out += hex(4); else if (e === "U") out += hex(8);
        else if (multiline && /[ \t\r\n]/.test(e)) {
          pos--; if (e === "\n") line--;
          while (/[ \t\r\n]/.test(text[pos] || "x")) next();
        } else fail("unknown escape '\\" + e + "' in a string");
      } else if (c === "\n" && !multiline) fail("a line break inside a one-line string");
      else if ((c < " " && c !== "\t" && c !== "\n" && c !== "\r") || c === "\u007f") fail("a control character inside a string");
      else out += c;
    }
  }
  function literal(multiline) {
    var end = multiline ? "'''" : "'", out = "";
    if (multiline && peek(2) === "\r\n") pos += 2; else if (multiline && peek() === "\n") next();
    for (;;) {
      if (pos >= text.length) fail("unterminated string");
      if (peek(end.length) === end) return out + closing("'", multiline);
      if (multiline && peek(2) === "\r\n") pos++;
      var c = next();
      if (c === "\n" && !multiline) fail("a line break inside a one-line string");
      out += c;
    }
  }
  function string() {
    if (peek(3) === "\"\"\"") { pos += 3; return basic(true); }
    if (peek() === "\"") { pos++; return basic(false); }
    if (peek(3) === "'''") { pos += 3; return literal(true); }
    pos++; return literal(false);
  }
  function key() {
    skipSpace();
    if (peek() === "\"" || peek() === "'") {
      if (peek(3) === "\"\"\"" || peek(3) === "'''") fail("a key cannot be a multi-line string");
      return string();
    }
    var m = /^[A-Za-z0-9_-]+/.exec(text.slice(pos, pos + 200));
    if (!m) fail("expected a key");
    pos += m[0].length;
    return m[0];
  }
  function keyPath() {
    var path = [key()];
    skipSpace();
    while (peek() === ".") { pos++; path.push(key()); skipSpace(); }
    return path;
  }
  function skipBlank() {  // spaces, line breaks and comments, inside arrays
    for (;;) {
      skipSpace(); skipComment();
      if (peek(2) === "\r\n") { pos++; }
      if (peek() === "\n") { next(); continue; }
      return;
    }
  }
  function value() {
    skipSpace();
    var c = peek();
    if (c === "\"" || c === "'") return string();
    if (c === "[") {
      pos++;
      var items = [];
      for (;;) {
        skipBlank();
        if (peek() === "]") { pos++; return items; }
        items.push(value());
        skipBlank();
        if (peek() === ",") { pos++; continue; }
        if (peek() === "]") { pos++; return items; }
        fail("expected ',' or ']' in an array");
      }
    }
    var rest = text.slice(pos, pos + 40);
    var date = /^\d{4}-\d{2}-\d{2}(?![\dT:])/.exec(rest);
    if (date) { pos += 10; return { tomlDate: date[0] }; }
    var integer = /^[+-]?\d+(?![\w.:-])/.exec(rest);
    if (integer) { pos += integer[0].length; return parseInt(integer[0], 10); }
    if (/^true(?![\w-])/.test(rest)) { pos += 4; return true; }
    if (/^false(?![\w-])/.test(rest)) { pos += 5; return false; }
    fail("this form reads strings, whole numbers, dates and lists of strings; found '" + rest.split(/\s/)[0] + "'");
  }
  for (;;) {
    skipBlank();
    if (pos >= text.length) return root;
    if (peek() === "[") {
      pos++;
      if (peek() === "[") fail("arrays of tables ([[...]]) are not part of an assessment file");
      var path = keyPath();
      if (next() !== "]") fail("expected ']' after the table name");
      var name = JSON.stringify(path);
      if (defined[name]) fail("table [" + path.join(".") + "] is defined twice");
      defined[name] = true;
      table = root;
      path.forEach(function (part) {
        if (!(part in table)) table[part] = {};
        else if (typeof table[part] !== "object" || Array.isArray(table[part]) || table[part].tomlDate)
          fail("'" + part + "' is not a table");
        table = table[part];
      });
      endOfLine();
      continue;
    }
    var keys = keyPath();
    if (keys.length > 1) fail("dotted keys ('" + keys.join(".") + "') are not part of an assessment file");
    skipSpace();
    if (next() !== "=") fail("expected '=' after '" + keys[0] + "'");
    if (Object.prototype.hasOwnProperty.call(table, keys[0])) fail("key '" + keys[0] + "' is given twice");
    table[keys[0]] = value();
    endOfLine();
  }
}
