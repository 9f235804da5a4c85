// routemap::detail is not public API. Assessments as JSON, through nlohmann::json: duplicate keys
// are reported rather than resolved silently, and the output keeps our key order.

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include <routemap/framework.hpp>

#include "../detail/suggest.hpp"
#include "common.hpp"
#include "json_guard.hpp"

namespace routemap::detail {

namespace {

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

// Keys by path from the top, for positions (json_guard.hpp).
using Path = std::vector<std::string>;

struct JsonReader {
    Problems& p;
    const JsonKeys& keys;

    // Where the key at `path` is written; the top of the file for the root; no position when unknown.
    SourceLocation at(const Path& path) const {
        if (path.empty()) return p.at(1, 1);
        std::string joined;
        for (std::size_t i = 0; i < path.size(); ++i) joined += (i ? "\x1f" : "") + path[i];
        const auto it = keys.at.find(joined);
        return it == keys.at.end() ? p.at() : p.at(it->second.first, it->second.second);
    }
    static Path under(Path path, const std::string& key) {
        path.push_back(key);
        return path;
    }

    void unknown_keys(const Json& object, std::initializer_list<std::string_view> known, const std::string& context,
                      const Path& base, const std::string& criterion = {}) {
        for (const auto& [key, value] : object.items())
            if (std::find(known.begin(), known.end(), key) == known.end())
                p.error("unknown key '" + key + "' in " + context + did_you_mean(key, known), at(under(base, key)), criterion);
    }
    std::string string(const Json& object, const char* key, const std::string& context, bool required, const Path& base,
                       const std::string& criterion = {}) {
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required) p.error("missing required key '" + std::string(key) + "' in " + context, at(base), criterion);
            return {};
        }
        if (it->is_string()) return it->get<std::string>();
        p.error("key '" + std::string(key) + "' in " + context + " must be a string, not " + json_type(*it),
                at(under(base, key)), criterion);
        return {};
    }
};

// nlohmann's DOM builder with duplicate keys reported (nlohmann would otherwise resolve them
// silently). Json::parse with a callback could do this too, but nlohmann 3.11.2's callback builder
// looks through all of an object's members each time one of them ends, which made reading an
// assessment quadratic in its criteria: 1.4 s for 10^4 of them, minutes for 10^5.
class CheckedDomBuilder {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    CheckedDomBuilder(Json& result, Problems& p, JsonKeys& keys) : dom_(result), p_(p), keys_(keys) {}

    bool null() { return dom_.null(); }
    bool boolean(bool value) { return dom_.boolean(value); }
    bool number_integer(number_integer_t value) { return dom_.number_integer(value); }
    bool number_unsigned(number_unsigned_t value) { return dom_.number_unsigned(value); }
    bool number_float(number_float_t value, const string_t& text) { return dom_.number_float(value, text); }
    bool string(string_t& value) { return dom_.string(value); }
    bool binary(binary_t& value) { return dom_.binary(value); }
    bool start_object(std::size_t size) {
        levels_.push_back({last_key_, {}});
        return dom_.start_object(size);
    }
    bool key(string_t& key) {
        last_key_ = key;
        if (!levels_.empty() && !levels_.back().keys.insert(key).second) {
            // The pre-scan found the same duplicates in the same order (those written plainly).
            auto where = p_.at();
            const auto it = std::find_if(keys_.duplicates.begin(), keys_.duplicates.end(),
                                         [&](const auto& d) { return d.first == key; });
            if (it != keys_.duplicates.end()) {
                where = p_.at(it->second.first, it->second.second);
                keys_.duplicates.erase(it);
            }
            p_.error("duplicate key '" + key + "' in '" + levels_.back().name + "'", where);
        }
        return dom_.key(key);
    }
    bool end_object() {
        if (!levels_.empty()) levels_.pop_back();
        return dom_.end_object();
    }
    bool start_array(std::size_t size) {
        last_key_ = "an array";
        return dom_.start_array(size);
    }
    bool end_array() { return dom_.end_array(); }
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& e) {
        return dom_.parse_error(position, token, e);  // throws e
    }

private:
    struct Level {
        std::string name;
        std::unordered_set<std::string> keys;
    };
    nlohmann::detail::json_sax_dom_parser<Json> dom_;
    Problems& p_;
    JsonKeys& keys_;
    std::vector<Level> levels_;
    std::string last_key_ = "the top level";
};

// Parses JSON, reporting duplicate keys.
std::optional<Json> parse_json(std::string_view text, Problems& p, JsonKeys& keys) {
    if (const auto finding = check_json(text, &keys)) {
        p.error((finding->message.starts_with("number") ? "malformed JSON: " : "") + finding->message,
                p.at(finding->line, finding->column));
        return std::nullopt;
    }
    auto without_prefix = [](std::string message) {  // "[json.exception.parse_error.101] parse error at ...: "
        if (const auto at = message.find(", column "); at != std::string::npos) {
            if (const auto colon = message.find(": ", at); colon != std::string::npos) return message.substr(colon + 2);
        } else if (message.starts_with("[json.exception.")) {
            if (const auto close = message.find("] "); close != std::string::npos) return message.substr(close + 2);
        }
        return message;
    };
    try {
        Json result;
        CheckedDomBuilder builder(result, p, keys);
        Json::sax_parse(text, &builder);
        return result;
    } catch (const Json::parse_error& e) {
        p.error("malformed JSON: " + without_prefix(e.what()), json_location(text, e.byte, p.file));
        return std::nullopt;
    } catch (const Json::exception& e) {
        // Any other nlohmann exception (the pre-scan catches the ones known): never a bare error.
        p.error("malformed JSON: " + without_prefix(e.what()), p.at(1, 1));
        return std::nullopt;
    }
}

OrderedJson json_record(const CriterionRecord& r) {
    OrderedJson j = OrderedJson::object();
    if (r.answer.empty()) j["status"] = to_string(r.status);
    else j["answer"] = r.answer;
    j["evidence"] = r.evidence;
    if (!r.note.empty()) j["note"] = r.note;
    if (!r.owner.empty()) j["owner"] = r.owner;
    if (!r.due.empty()) j["due"] = r.due;
    if (r.exclusion) j["reason"] = to_string(*r.exclusion);
    if (!r.exclusion_text.empty()) j["reason_text"] = r.exclusion_text;
    return j;
}

}  // namespace

Assessment read_json(std::string_view text, Problems& p) {
    Assessment a;
    JsonKeys keys;
    const auto root = parse_json(text, p, keys);
    if (!root) return a;
    if (!root->is_object()) {
        p.error("the file must hold a JSON object, not " + json_type(*root), p.at(1, 1));
        return a;
    }
    JsonReader r{p, keys};
    r.unknown_keys(*root, {"format_version", "assessment", "criteria"}, "the file", {});
    const auto version = root->find("format_version");
    const auto version_at = r.at({"format_version"});
    if (version == root->end()) p.error("missing required key 'format_version' in the file", p.at(1, 1));
    else if (!version->is_number_integer()) p.error("key 'format_version' must be an integer, not " + json_type(*version), version_at);
    else if (version->is_number_unsigned() && version->get<std::uint64_t>() > std::uint64_t{1} << 62) {
        // Past what long long holds: reported as written, not wrapped round to a negative number.
        p.format_version(version->dump(), version_at);
        return a;
    } else if (!p.format_version(version->get<long long>(), version_at)) return a;

    const auto header = root->find("assessment");
    const Path header_path{"assessment"};
    if (header == root->end()) {
        p.error("missing required key 'assessment' in the file", p.at(1, 1));
    } else if (!header->is_object()) {
        p.error("key 'assessment' must be an object, not " + json_type(*header), r.at(header_path));
    } else {
        const std::string context = "'assessment'";
        r.unknown_keys(*header, {"framework", "framework_version", "subject", "date", "assessors", "notes"}, context,
                       header_path);
        a.framework_id = r.string(*header, "framework", context, true, header_path);
        a.framework_version = r.string(*header, "framework_version", context, true, header_path);
        a.subject = r.string(*header, "subject", context, false, header_path);
        a.date = r.string(*header, "date", context, false, header_path);
        p.date(a.date, r.at({"assessment", "date"}));
        a.notes = r.string(*header, "notes", context, false, header_path);
        if (const auto it = header->find("assessors"); it != header->end()) {
            const auto where = r.at({"assessment", "assessors"});
            if (!it->is_array()) p.error("key 'assessors' in 'assessment' must be an array of strings, not " + json_type(*it), where);
            else
                for (const auto& name : *it) {
                    if (name.is_string()) a.assessors.push_back(name.get<std::string>());
                    else p.error("'assessors' in 'assessment' must hold strings, not " + json_type(name), where);
                }
        }
    }

    const auto criteria = root->find("criteria");
    if (criteria == root->end()) return a;
    if (!criteria->is_object()) {
        p.error("key 'criteria' must be an object keyed by criterion id, not " + json_type(*criteria), r.at({"criteria"}));
        return a;
    }
    for (const auto& [id, value] : criteria->items()) {
        auto& record = a.records[id];
        const Path path{"criteria", id};
        record.location = r.at(path);
        if (!value.is_object()) {
            p.error("criterion '" + id + "' must be an object, not " + json_type(value), record.location, id);
            continue;
        }
        const auto context = "criterion '" + id + "'";
        r.unknown_keys(value, {"status", "answer", "evidence", "note", "owner", "due", "reason", "reason_text"}, context,
                       path, id);
        if (value.contains("status"))
            p.status(record, r.string(value, "status", context, false, path, id), r.at({"criteria", id, "status"}), id);
        if (value.contains("answer"))
            p.answer(record, r.string(value, "answer", context, false, path, id), r.at({"criteria", id, "answer"}), id);
        record.evidence = r.string(value, "evidence", context, false, path, id);
        record.note = r.string(value, "note", context, false, path, id);
        record.owner = r.string(value, "owner", context, false, path, id);
        record.due = r.string(value, "due", context, false, path, id);
        p.reason(record, r.string(value, "reason", context, false, path, id), r.at({"criteria", id, "reason"}), id);
        record.exclusion_text = r.string(value, "reason_text", context, false, path, id);
    }
    return a;
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

}  // namespace routemap::detail
