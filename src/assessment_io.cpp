// Assessments as TOML, JSON and CSV (formats in docs/file-formats.md, "Assessments").
// Readers collect every problem (syntax, types, unknown keys or columns, unknown statuses and reasons,
// duplicates) before throwing one AssessmentError; writers list criteria in framework order when
// given a framework. TOML is parsed with toml++ (through detail::parse_toml) but written by hand, so
// that comments and key order are ours.

#include <routemap/assessment_io.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>

#include "detail/csv.hpp"
#include "detail/toml_reader.hpp"

namespace routemap {

namespace {

constexpr int assessment_format_version = 1;
constexpr std::string_view status_names = "met, partial, not_met, not_applicable or unknown";
constexpr std::string_view reason_names = "not_relevant, out_of_scope or owned_elsewhere";

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_valid_date(std::string_view s) {
    auto digits = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (auto i = from; i < from + count; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            value = value * 10 + (s[i] - '0');
        }
        return value;
    };
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t extra = b < 0x80 ? 0 : (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : 9;
        if (extra == 9 || (extra > 0 && i + extra >= s.size())) return false;
        std::uint32_t cp = extra ? b & (0x3F >> extra) : b;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3F);
        }
        constexpr std::uint32_t minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += extra + 1;
    }
    return true;
}

// Collects the problems of one input, each with the file name and the criterion when known.
struct Problems {
    std::string file;
    std::vector<Diagnostic>& out;

    SourceLocation at(std::uint32_t line = 0, std::uint32_t column = 0) const { return {file, line, column}; }
    void error(std::string message, SourceLocation where, std::string criterion = {}) {
        out.push_back(Diagnostic{Severity::error, std::move(message), std::move(where), {}, std::move(criterion)});
    }
    void status(CriterionRecord& record, const std::string& text, const SourceLocation& where, const std::string& id) {
        if (const auto s = parse_status(text)) record.status = *s;
        else error("criterion '" + id + "': unknown status '" + text + "' (expected " + std::string(status_names) + ")", where, id);
    }
    void reason(CriterionRecord& record, const std::string& text, const SourceLocation& where, const std::string& id) {
        if (text.empty()) return;
        if (const auto r = parse_exclusion(text)) record.exclusion = *r;
        else error("criterion '" + id + "': unknown reason '" + text + "' (expected " + std::string(reason_names) + ")", where, id);
    }
    void date(const std::string& text, const SourceLocation& where) {
        if (!text.empty() && !is_valid_date(text))
            error("date '" + text + "' is not a valid date in the form YYYY-MM-DD", where);
    }
    // False (after reporting it) when the file is in a format version this build cannot read.
    bool format_version(long long version, const SourceLocation& where) {
        if (version == assessment_format_version) return true;
        error("unsupported format_version " + std::to_string(version) + ": this routemap reads assessment format version " +
                  std::to_string(assessment_format_version),
              where);
        return false;  // a newer format may mean anything: do not guess
    }
};

// ---------------------------------------------------------------------------------------------
// TOML

using detail::TomlReader;

// Assessments are checked strictly: an unknown key is an error (a typo would otherwise lose data).
void unknown_keys(TomlReader& r, Problems& p, const toml::table& t, std::initializer_list<std::string_view> known,
                  std::string_view context, const std::string& criterion = {}) {
    const auto first = p.out.size();
    r.unknown_keys(t, known, context);
    for (auto i = first; i < p.out.size(); ++i) {
        p.out[i].severity = Severity::error;
        p.out[i].criterion_id = criterion;
    }
}

std::string read_toml_date(TomlReader& r, Problems& p, const toml::table& t) {
    const auto* n = t.get("date");
    if (!n) return {};
    std::string date;
    if (const auto* d = n->as_date()) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u", unsigned(d->get().year) % 10000u, unsigned(d->get().month),
                      unsigned(d->get().day));
        return buffer;
    }
    if (n->is_date_time() || n->is_time()) {
        p.error("key 'date' in [assessment] must be a date (YYYY-MM-DD), without a time", r.where(*n));
        return {};
    }
    date = r.string(t, "date", "[assessment]", false).value_or("");
    p.date(date, r.where(*n));
    return date;
}

void read_toml_record(TomlReader& r, Problems& p, const std::string& id, const toml::node& node, CriterionRecord& record) {
    const auto first = p.out.size();
    const auto* t = node.as_table();
    record.location = r.where(node);
    if (!t) {
        p.error("criteria.\"" + id + "\" must be a table of status, evidence, ...", record.location, id);
        return;
    }
    if (std::any_of(t->begin(), t->end(), [](const auto& entry) { return entry.second.is_table(); })) {
        p.error("criteria." + id + " holds tables, not a criterion: criterion ids contain dots, so quote them, as in "
                "[criteria.\"domain.area.tier.1\"]",
                record.location, id);
        return;
    }
    const auto context = "criterion '" + id + "'";
    unknown_keys(r, p, *t, {"status", "evidence", "note", "owner", "due", "reason", "reason_text"}, context, id);
    if (const auto s = r.string(*t, "status", context, false)) p.status(record, *s, r.where(*t->get("status")), id);
    record.evidence = r.string(*t, "evidence", context, false).value_or("");
    record.note = r.string(*t, "note", context, false).value_or("");
    record.owner = r.string(*t, "owner", context, false).value_or("");
    record.due = r.string(*t, "due", context, false).value_or("");
    if (const auto s = r.string(*t, "reason", context, false)) p.reason(record, *s, r.where(*t->get("reason")), id);
    record.exclusion_text = r.string(*t, "reason_text", context, false).value_or("");
    for (auto i = first; i < p.out.size(); ++i) p.out[i].criterion_id = id;
}

Assessment read_toml(std::string_view text, Problems& p) {
    Assessment a;
    const auto root = detail::parse_toml(text, p.file, p.out);
    if (!root) return a;
    TomlReader r(p.file, p.out);
    unknown_keys(r, p, *root, {"format_version", "assessment", "criteria"}, "the file");
    if (const auto version = r.integer(*root, "format_version", "the file", true))
        if (!p.format_version(*version, r.where(*root->get("format_version")))) return a;
    if (const auto* t = r.table(*root, "assessment", "the file", true)) {
        const std::string context = "[assessment]";
        unknown_keys(r, p, *t, {"framework", "framework_version", "subject", "date", "assessors", "notes"}, context);
        a.framework_id = r.string(*t, "framework", context, true).value_or("");
        a.framework_version = r.string(*t, "framework_version", context, true).value_or("");
        a.subject = r.string(*t, "subject", context, false).value_or("");
        a.date = read_toml_date(r, p, *t);
        a.assessors = r.strings(*t, "assessors", context);
        a.notes = r.string(*t, "notes", context, false).value_or("");
    }
    if (const auto* criteria = r.table(*root, "criteria", "the file", false))
        for (const auto& [key, node] : *criteria) {
            const std::string id(key.str());
            read_toml_record(r, p, id, node, a.records[id]);
        }
    return a;
}

// A TOML basic string: quotes, backslashes and control characters escaped, everything else as is.
std::string toml_string(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += buffer;
                } else {
                    out += c;
                }
        }
    }
    return out + '"';
}

// Comment lines ("# ...") holding `text`, wrapped at about `width` columns; control characters
// (not allowed in TOML comments) become spaces.
void append_comment(std::string& out, std::string_view text, std::size_t width = 100) {
    std::vector<std::string> words(1);
    for (const char c : text) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) {
            if (!words.back().empty()) words.emplace_back();
        } else {
            words.back() += c;
        }
    }
    auto length = [](const std::string& s) {
        return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
    };
    std::string line = "#";
    std::size_t used = 1;
    for (const auto& word : words) {
        if (word.empty()) continue;
        if (used > 1 && used + 1 + length(word) > width) {
            out += line + '\n';
            line = "#";
            used = 1;
        }
        line += ' ' + word;
        used += 1 + length(word);
    }
    out += line + '\n';
}

void append_toml_record(std::string& out, const std::string& id, const CriterionRecord& r) {
    out += "[criteria." + toml_string(id) + "]\n";
    out += "status = " + toml_string(to_string(r.status)) + '\n';
    out += "evidence = " + toml_string(r.evidence) + '\n';
    auto optional = [&](std::string_view key, const std::string& value) {
        if (!value.empty()) out += std::string(key) + " = " + toml_string(value) + '\n';
    };
    optional("note", r.note);
    optional("owner", r.owner);
    optional("due", r.due);
    if (r.exclusion) out += "reason = " + toml_string(to_string(*r.exclusion)) + '\n';
    optional("reason_text", r.exclusion_text);
}

std::string format_toml(const Assessment& a, const Framework* framework) {
    std::string out;
    if (framework)
        append_comment(out, "Assessment against " + framework->name() + " (" + framework->id() + " " + framework->version() + ").");
    append_comment(out, "status: " + std::string(status_names) + ". A not_applicable criterion needs a reason: " +
                            std::string(reason_names) + " (and reason_text to explain).");
    out += "format_version = " + std::to_string(assessment_format_version) + "\n\n[assessment]\n";
    out += "framework = " + toml_string(a.framework_id) + '\n';
    out += "framework_version = " + toml_string(a.framework_version) + '\n';
    out += "subject = " + toml_string(a.subject) + '\n';
    out += "date = " + toml_string(a.date) + '\n';
    out += "assessors = [";
    for (std::size_t i = 0; i < a.assessors.size(); ++i) out += (i ? ", " : "") + toml_string(a.assessors[i]);
    out += "]\nnotes = " + toml_string(a.notes) + '\n';
    static const CriterionRecord unknown;
    if (framework) {
        for (const auto& c : framework->criteria()) {
            const auto& domain = framework->domains()[c.domain];
            const auto& area = framework->areas()[c.area];
            const auto& tier = framework->tiers()[c.tier];
            out += '\n';
            append_comment(out, area.implicit ? domain.name + " — " + tier.name
                                              : domain.name + " / " + area.name + " — " + tier.name);
            append_comment(out, c.text);
            const auto it = a.records.find(c.id);
            append_toml_record(out, c.id, it == a.records.end() ? unknown : it->second);
        }
    }
    bool first_extra = true;
    for (const auto& [id, record] : a.records) {
        if (framework && framework->find_criterion(id)) continue;
        out += '\n';
        if (framework && first_extra)
            append_comment(out, "Not criteria of " + framework->id() + " " + framework->version() + ":");
        first_extra = false;
        append_toml_record(out, id, record);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// JSON

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

SourceLocation json_location(std::string_view text, std::size_t byte, const std::string& file) {
    // nlohmann's `byte` counts the characters read, so the one at fault is at byte - 1.
    const auto end = std::min(byte > 0 ? byte - 1 : 0, text.size());
    std::uint32_t line = 1, column = 1;
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {file, line, column};
}

std::string json_type(const Json& j) {
    const std::string name = j.type_name();
    return name == "object" || name == "array" ? "an " + name : name == "null" ? "null" : "a " + name;
}

struct JsonReader {
    Problems& p;

    void unknown_keys(const Json& object, std::initializer_list<std::string_view> known, const std::string& context,
                      const std::string& criterion = {}) {
        for (const auto& [key, value] : object.items())
            if (std::find(known.begin(), known.end(), key) == known.end())
                p.error("unknown key '" + key + "' in " + context, p.at(), criterion);
    }
    std::string string(const Json& object, const char* key, const std::string& context, bool required,
                       const std::string& criterion = {}) {
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required) p.error("missing required key '" + std::string(key) + "' in " + context, p.at(), criterion);
            return {};
        }
        if (it->is_string()) return it->get<std::string>();
        p.error("key '" + std::string(key) + "' in " + context + " must be a string, not " + json_type(*it), p.at(), criterion);
        return {};
    }
};

// Parses JSON, reporting duplicate keys (which nlohmann would otherwise resolve silently).
std::optional<Json> parse_json(std::string_view text, Problems& p) {
    struct Level {
        std::string name;
        std::set<std::string> keys;
    };
    std::vector<Level> levels;
    std::string last_key = "the top level";
    auto callback = [&](int, Json::parse_event_t event, Json& parsed) {
        switch (event) {
            case Json::parse_event_t::object_start: levels.push_back({last_key, {}}); break;
            case Json::parse_event_t::object_end: if (!levels.empty()) levels.pop_back(); break;
            case Json::parse_event_t::array_start: last_key = "an array"; break;
            case Json::parse_event_t::key: {
                last_key = parsed.get<std::string>();
                if (!levels.empty() && !levels.back().keys.insert(last_key).second)
                    p.error("duplicate key '" + last_key + "' in '" + levels.back().name + "'", p.at());
                break;
            }
            default: break;
        }
        return true;
    };
    try {
        return Json::parse(text, callback);
    } catch (const Json::parse_error& e) {
        std::string message = e.what();
        if (const auto at = message.find(", column "); at != std::string::npos)
            if (const auto colon = message.find(": ", at); colon != std::string::npos) message = message.substr(colon + 2);
        p.error("malformed JSON: " + message, json_location(text, e.byte, p.file));
        return std::nullopt;
    }
}

Assessment read_json(std::string_view text, Problems& p) {
    Assessment a;
    const auto root = parse_json(text, p);
    if (!root) return a;
    if (!root->is_object()) {
        p.error("the file must hold a JSON object, not " + json_type(*root), p.at(1, 1));
        return a;
    }
    JsonReader r{p};
    r.unknown_keys(*root, {"format_version", "assessment", "criteria"}, "the file");
    const auto version = root->find("format_version");
    if (version == root->end()) p.error("missing required key 'format_version' in the file", p.at());
    else if (!version->is_number_integer()) p.error("key 'format_version' must be an integer, not " + json_type(*version), p.at());
    else if (!p.format_version(version->get<long long>(), p.at())) return a;

    const auto header = root->find("assessment");
    if (header == root->end()) {
        p.error("missing required key 'assessment' in the file", p.at());
    } else if (!header->is_object()) {
        p.error("key 'assessment' must be an object, not " + json_type(*header), p.at());
    } else {
        const std::string context = "'assessment'";
        r.unknown_keys(*header, {"framework", "framework_version", "subject", "date", "assessors", "notes"}, context);
        a.framework_id = r.string(*header, "framework", context, true);
        a.framework_version = r.string(*header, "framework_version", context, true);
        a.subject = r.string(*header, "subject", context, false);
        a.date = r.string(*header, "date", context, false);
        p.date(a.date, p.at());
        a.notes = r.string(*header, "notes", context, false);
        if (const auto it = header->find("assessors"); it != header->end()) {
            if (!it->is_array()) p.error("key 'assessors' in 'assessment' must be an array of strings, not " + json_type(*it), p.at());
            else
                for (const auto& name : *it) {
                    if (name.is_string()) a.assessors.push_back(name.get<std::string>());
                    else p.error("'assessors' in 'assessment' must hold strings, not " + json_type(name), p.at());
                }
        }
    }

    const auto criteria = root->find("criteria");
    if (criteria == root->end()) return a;
    if (!criteria->is_object()) {
        p.error("key 'criteria' must be an object keyed by criterion id, not " + json_type(*criteria), p.at());
        return a;
    }
    for (const auto& [id, value] : criteria->items()) {
        auto& record = a.records[id];
        record.location = p.at();
        if (!value.is_object()) {
            p.error("criterion '" + id + "' must be an object, not " + json_type(value), p.at(), id);
            continue;
        }
        const auto context = "criterion '" + id + "'";
        r.unknown_keys(value, {"status", "evidence", "note", "owner", "due", "reason", "reason_text"}, context, id);
        if (value.contains("status")) p.status(record, r.string(value, "status", context, false, id), p.at(), id);
        record.evidence = r.string(value, "evidence", context, false, id);
        record.note = r.string(value, "note", context, false, id);
        record.owner = r.string(value, "owner", context, false, id);
        record.due = r.string(value, "due", context, false, id);
        p.reason(record, r.string(value, "reason", context, false, id), p.at(), id);
        record.exclusion_text = r.string(value, "reason_text", context, false, id);
    }
    return a;
}

OrderedJson json_record(const CriterionRecord& r) {
    OrderedJson j = OrderedJson::object();
    j["status"] = to_string(r.status);
    j["evidence"] = r.evidence;
    if (!r.note.empty()) j["note"] = r.note;
    if (!r.owner.empty()) j["owner"] = r.owner;
    if (!r.due.empty()) j["due"] = r.due;
    if (r.exclusion) j["reason"] = to_string(*r.exclusion);
    if (!r.exclusion_text.empty()) j["reason_text"] = r.exclusion_text;
    return j;
}

std::string format_json(const Assessment& a, const Framework* framework) {
    OrderedJson root = OrderedJson::object();
    root["format_version"] = assessment_format_version;
    root["assessment"] = OrderedJson{{"framework", a.framework_id}, {"framework_version", a.framework_version},
                                     {"subject", a.subject},       {"date", a.date},
                                     {"assessors", a.assessors},   {"notes", a.notes}};
    auto& criteria = root["criteria"] = OrderedJson::object();
    static const CriterionRecord unknown;
    if (framework)
        for (const auto& c : framework->criteria()) {
            const auto it = a.records.find(c.id);
            criteria[c.id] = json_record(it == a.records.end() ? unknown : it->second);
        }
    for (const auto& [id, record] : a.records)
        if (!framework || !framework->find_criterion(id)) criteria[id] = json_record(record);
    return root.dump(2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// CSV

const std::vector<std::string> csv_columns{
    "framework", "framework_version", "subject", "date", "assessors", "criterion_id", "domain", "area", "tier", "text",
    "status", "evidence", "note", "owner", "due", "reason", "reason_text", "assessment_notes"};
const std::vector<std::string> csv_assessment_columns{"framework", "framework_version", "subject", "date", "assessors",
                                                      "assessment_notes"};
const std::vector<std::string> csv_record_columns{"status", "evidence", "note", "owner", "due", "reason", "reason_text"};

std::vector<std::string> split_assessors(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(';', start), text.size());
        auto name = text.substr(start, end - start);
        while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
        if (!name.empty()) out.emplace_back(name);
        start = end + 1;
    }
    return out;
}

Assessment read_csv(std::string_view text, Problems& p) {
    Assessment a;
    const auto table = detail::parse_csv(text);
    for (const auto& problem : table.problems) p.error("malformed CSV: " + problem.message, p.at(problem.line, problem.column));
    if (table.rows.empty()) {
        p.error("the CSV file is empty: expected a header row (" + csv_columns.front() + ", ...)", p.at(1, 1));
        return a;
    }
    const auto header_errors = p.out.size();
    std::map<std::string, std::size_t> column;  // name -> field index
    for (std::size_t i = 0; i < table.rows[0].fields.size(); ++i) {
        const auto& f = table.rows[0].fields[i];
        if (std::find(csv_columns.begin(), csv_columns.end(), f.value) == csv_columns.end())
            p.error("unknown column '" + f.value + "' in the header", p.at(f.line, f.column));
        else if (!column.emplace(f.value, i).second)
            p.error("column '" + f.value + "' appears twice in the header", p.at(f.line, f.column));
    }
    for (const auto* required : {"framework", "framework_version", "criterion_id"})
        if (!column.count(required)) p.error("the header has no '" + std::string(required) + "' column", p.at(1, 1));
    if (header_errors != p.out.size()) return a;  // rows cannot be read without a usable header

    const detail::CsvRow* first_row = nullptr;
    std::map<std::string, std::uint32_t> seen;  // criterion id -> line
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const auto row_name = "row " + std::to_string(r) + " (line " + std::to_string(row.line) + ")";
        if (row.fields.size() != table.rows[0].fields.size()) {
            p.error(row_name + " has " + std::to_string(row.fields.size()) + " fields, but the header has " +
                        std::to_string(table.rows[0].fields.size()),
                    p.at(row.line, 1));
            continue;
        }
        auto field = [&](const std::string& name) -> const detail::CsvField* {
            const auto it = column.find(name);
            return it == column.end() ? nullptr : &row.fields[it->second];
        };
        auto value = [&](const std::string& name) { return field(name) ? field(name)->value : std::string(); };
        auto where = [&](const std::string& name) { return field(name) ? p.at(field(name)->line, field(name)->column) : p.at(row.line, 1); };
        if (!first_row) {
            first_row = &row;
            a.framework_id = value("framework");
            a.framework_version = value("framework_version");
            a.subject = value("subject");
            a.date = value("date");
            p.date(a.date, where("date"));
            a.assessors = split_assessors(value("assessors"));
            a.notes = value("assessment_notes");
        } else {
            for (const auto& name : csv_assessment_columns) {
                const auto it = column.find(name);
                if (it == column.end() || row.fields[it->second].value == first_row->fields[it->second].value) continue;
                p.error(row_name + ": " + name + " '" + row.fields[it->second].value + "' differs from '" +
                            first_row->fields[it->second].value + "' on line " + std::to_string(first_row->line) +
                            " (assessment columns must be the same on every row)",
                        where(name));
            }
        }
        const auto id = value("criterion_id");
        if (id.empty()) {  // a row holding only the assessment (written when there are no criteria)
            for (const auto& name : csv_record_columns)
                if (!value(name).empty())
                    p.error(row_name + " has a " + name + " but no criterion_id", where(name));
            continue;
        }
        if (const auto [it, inserted] = seen.emplace(id, row.line); !inserted) {
            p.error(row_name + ": criterion '" + id + "' appears again (first on line " + std::to_string(it->second) + ")",
                    where("criterion_id"), id);
            continue;
        }
        auto& record = a.records[id];
        record.location = where("criterion_id");
        p.status(record, value("status"), where("status"), id);
        record.evidence = value("evidence");
        record.note = value("note");
        record.owner = value("owner");
        record.due = value("due");
        p.reason(record, value("reason"), where("reason"), id);
        record.exclusion_text = value("reason_text");
    }
    if (!first_row) p.error("the CSV file has a header but no rows: the assessment's framework is unknown", p.at(1, 1));
    return a;
}

std::string format_csv(const Assessment& a, const Framework* framework) {
    std::vector<Diagnostic> problems;
    for (const auto& name : a.assessors)
        if (const auto parts = split_assessors(name); parts.size() != 1 || parts.front() != name)
            problems.push_back({Severity::error,
                                "assessor '" + name + "' cannot be written to CSV, where assessors are separated by ';' "
                                "(no ';', no leading or trailing spaces, not empty)",
                                {}, a.framework_id, {}});
    if (!problems.empty()) throw AssessmentError(std::move(problems));

    std::string out;
    detail::append_csv_row(out, csv_columns);
    std::string assessors;
    for (const auto& name : a.assessors) assessors += (assessors.empty() ? "" : "; ") + name;
    auto row = [&](const std::string& id, const CriterionRecord& r, const Criterion* c) {
        const auto* f = framework;
        detail::append_csv_row(
            out, {a.framework_id, a.framework_version, a.subject, a.date, assessors, id,
                  c ? f->domains()[c->domain].name : "", c ? f->areas()[c->area].name : "", c ? f->tiers()[c->tier].name : "",
                  c ? c->text : "", id.empty() ? "" : std::string(to_string(r.status)), r.evidence, r.note, r.owner, r.due,
                  r.exclusion ? std::string(to_string(*r.exclusion)) : "", r.exclusion_text, a.notes});
    };
    static const CriterionRecord unknown;
    bool any = false;
    if (framework)
        for (const auto& c : framework->criteria()) {
            const auto it = a.records.find(c.id);
            row(c.id, it == a.records.end() ? unknown : it->second, &c);
            any = true;
        }
    for (const auto& [id, record] : a.records)
        if (!framework || !framework->find_criterion(id)) {
            row(id, record, nullptr);
            any = true;
        }
    if (!any) row({}, unknown, nullptr);  // keep the assessment's own fields
    return out;
}

// Everything written must read back the same: strings must be UTF-8 (TOML, JSON and the CSV
// format require it) and criterion ids must not be empty.
void check_writable(const Assessment& a) {
    std::vector<Diagnostic> problems;
    auto check = [&](const std::string& value, const std::string& what, const std::string& criterion = {}) {
        if (!is_valid_utf8(value))
            problems.push_back({Severity::error, what + " is not valid UTF-8", {}, a.framework_id, criterion});
    };
    check(a.framework_id, "the framework id");
    check(a.framework_version, "the framework version");
    check(a.subject, "the subject");
    check(a.date, "the date");
    check(a.notes, "the notes");
    for (const auto& name : a.assessors) check(name, "an assessor's name");
    for (const auto& [id, r] : a.records) {
        if (id.empty()) problems.push_back({Severity::error, "a criterion id is empty", {}, a.framework_id, {}});
        check(id, "criterion id '" + id + "'", id);
        for (const auto* value : {&r.evidence, &r.note, &r.owner, &r.due, &r.exclusion_text})
            check(*value, "a field of criterion '" + id + "'", id);
    }
    if (!problems.empty()) throw AssessmentError(std::move(problems));
}

}  // namespace

std::string_view to_string(AssessmentFormat format) noexcept {
    switch (format) {
        case AssessmentFormat::json: return "json";
        case AssessmentFormat::csv: return "csv";
        case AssessmentFormat::toml: break;
    }
    return "toml";
}

AssessmentFormat assessment_format_from_name(std::string_view name) {
    auto n = lower(name);
    if (const auto dot = n.rfind('.'); dot != std::string::npos) n = n.substr(dot + 1);  // "x.json" or ".json"
    if (n == "toml") return AssessmentFormat::toml;
    if (n == "json") return AssessmentFormat::json;
    if (n == "csv") return AssessmentFormat::csv;
    throw Error("unknown assessment format '" + std::string(name) + "': use toml, json or csv");
}

AssessmentFormat assessment_format_for(const std::filesystem::path& file) {
    const auto extension = lower(file.extension().string());
    if (extension == ".toml") return AssessmentFormat::toml;
    if (extension == ".json") return AssessmentFormat::json;
    if (extension == ".csv") return AssessmentFormat::csv;
    throw Error("cannot tell the format of assessment file '" + file.string() +
                "' from its extension: use .toml, .json or .csv");
}

Assessment parse_assessment(std::string_view text, AssessmentFormat format, const std::string& source_name) {
    std::vector<Diagnostic> diagnostics;
    Problems problems{source_name, diagnostics};
    Assessment a;
    switch (format) {
        case AssessmentFormat::toml: a = read_toml(text, problems); break;
        case AssessmentFormat::json: a = read_json(text, problems); break;
        case AssessmentFormat::csv: a = read_csv(text, problems); break;
    }
    if (has_errors(diagnostics)) {
        for (auto& d : diagnostics) d.framework_id = a.framework_id;
        throw AssessmentError(std::move(diagnostics));
    }
    if (source_name != "<string>") a.file = source_name;
    return a;
}

Assessment read_assessment(const std::filesystem::path& file) {
    const auto format = assessment_format_for(file);
    return parse_assessment(detail::read_text_file(file.string()), format, file.string());
}

std::string format_assessment(const Assessment& assessment, AssessmentFormat format, const Framework* framework) {
    check_writable(assessment);
    switch (format) {
        case AssessmentFormat::json: return format_json(assessment, framework);
        case AssessmentFormat::csv: return format_csv(assessment, framework);
        case AssessmentFormat::toml: break;
    }
    return format_toml(assessment, framework);
}

void write_assessment(const std::filesystem::path& file, const Assessment& assessment, const Framework* framework) {
    write_assessment(file, assessment, assessment_format_for(file), framework);
}

void write_assessment(const std::filesystem::path& file, const Assessment& assessment, AssessmentFormat format,
                      const Framework* framework) {
    write_file_atomically(file, format_assessment(assessment, format, framework));
}

std::string assessment_template(const Framework& framework, AssessmentFormat format) {
    return format_assessment(Assessment::blank(framework), format, &framework);
}

}  // namespace routemap
