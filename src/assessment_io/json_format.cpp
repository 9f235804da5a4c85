// routemap::detail is not public API. Assessments as JSON, through nlohmann::json: duplicate keys
// are reported rather than resolved silently, and the output keeps our key order.

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <iterator>
#include <map>
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

using Position = std::pair<std::uint32_t, std::uint32_t>;  // line, column

// The keys of one object and where each is written, looked up by name once the object is read. A key
// written twice is found where it was last written, as nlohmann keeps the value written last.
class KeyPositions {
public:
    void add(const std::string& key, std::optional<Position> at) {
        if (at) entries_.emplace_back(key, *at);
    }
    void finish() {
        std::reverse(entries_.begin(), entries_.end());  // so that the last of equal keys comes first, and stays
        std::stable_sort(entries_.begin(), entries_.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        entries_.erase(std::unique(entries_.begin(), entries_.end(), [](const auto& x, const auto& y) { return x.first == y.first; }),
                       entries_.end());
    }
    std::optional<Position> find(std::string_view key) const {
        const auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                                         [](const auto& entry, std::string_view k) { return entry.first < k; });
        if (it == entries_.end() || it->first != key) return std::nullopt;
        return it->second;
    }
    void clear() { entries_.clear(); }

private:
    std::vector<std::pair<std::string, Position>> entries_;
};

// Reads the members of one object, pointing errors at their keys (or at the object's own key when a
// member is missing).
struct JsonReader {
    Problems& p;
    const KeyPositions& keys;
    SourceLocation object_at;

    SourceLocation at(std::string_view key) const {
        const auto position = keys.find(key);
        return position ? p.at(position->first, position->second) : p.at();
    }

    void unknown_keys(const Json& object, std::initializer_list<std::string_view> known, const std::string& context,
                      const std::string& criterion = {}) {
        for (const auto& [key, value] : object.items())
            if (std::find(known.begin(), known.end(), key) == known.end())
                p.error("unknown key '" + key + "' in " + context + did_you_mean(key, known), at(key), criterion);
    }
    std::string string(const Json& object, const char* key, const std::string& context, bool required,
                       const std::string& criterion = {}) {
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required) p.error("missing required key '" + std::string(key) + "' in " + context, object_at, criterion);
            return {};
        }
        if (it->is_string()) return it->get<std::string>();
        p.error("key '" + std::string(key) + "' in " + context + " must be a string, not " + json_type(*it), at(key), criterion);
        return {};
    }
};

void read_record(Problems& p, const std::string& id, const Json& value, SourceLocation location, const KeyPositions& keys,
                 CriterionRecord& record) {
    record.location = std::move(location);
    if (!value.is_object()) {
        p.error("criterion '" + id + "' must be an object, not " + json_type(value), record.location, id);
        return;
    }
    JsonReader r{p, keys, record.location};
    const auto context = "criterion '" + id + "'";
    r.unknown_keys(value, {"status", "answer", "evidence", "note", "owner", "due", "reason", "reason_text"}, context, id);
    if (value.contains("status")) p.status(record, r.string(value, "status", context, false, id), r.at("status"), id);
    if (value.contains("answer")) p.answer(record, r.string(value, "answer", context, false, id), r.at("answer"), id);
    record.evidence = r.string(value, "evidence", context, false, id);
    record.note = r.string(value, "note", context, false, id);
    record.owner = r.string(value, "owner", context, false, id);
    record.due = r.string(value, "due", context, false, id);
    if (value.contains("reason")) p.reason(record, r.string(value, "reason", context, false, id), r.at("reason"), id);
    record.exclusion_text = r.string(value, "reason_text", context, false, id);
}

// Keys seen so far in one object, for duplicates: a list while short (a criterion's few keys), a hash
// set once long (the criteria's ids).
class SeenKeys {
public:
    bool insert(const std::string& key) {
        if (set_.empty()) {
            if (std::find(list_.begin(), list_.end(), key) != list_.end()) return false;
            list_.push_back(key);
            if (list_.size() > 16) set_.insert(std::make_move_iterator(list_.begin()), std::make_move_iterator(list_.end()));
            return true;
        }
        return set_.insert(key).second;
    }

private:
    std::vector<std::string> list_;
    std::unordered_set<std::string> set_;
};

// nlohmann's SAX parser, driving its DOM builder, with duplicate keys reported (nlohmann would resolve
// them silently) and the positions of keys kept (from check_json, by their order). The criteria are
// not built into one big tree: each criterion's value is built alone and read into its record as soon
// as it ends, so a big file costs one record at a time, not a tree of all of them as well. (Json::parse
// with a callback could report duplicates too, but nlohmann 3.11.2's callback builder looks through all
// of an object's members each time one of them ends: quadratic in the criteria.)
class AssessmentBuilder {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    AssessmentBuilder(Json& root, Problems& p, const JsonKeys& keys) : dom_(root), p_(p), keys_(keys) {}

    bool null() { return value([](auto& b) { return b.null(); }); }
    bool boolean(bool v) { return value([&](auto& b) { return b.boolean(v); }); }
    bool number_integer(number_integer_t v) { return value([&](auto& b) { return b.number_integer(v); }); }
    bool number_unsigned(number_unsigned_t v) { return value([&](auto& b) { return b.number_unsigned(v); }); }
    bool number_float(number_float_t v, const string_t& text) { return value([&](auto& b) { return b.number_float(v, text); }); }
    bool string(string_t& v) { return value([&](auto& b) { return b.string(v); }); }
    bool binary(binary_t& v) { return value([&](auto& b) { return b.binary(v); }); }

    bool start_object(std::size_t size) {
        auto role = Role::other;
        if (levels_.empty()) role = Role::root;
        else if (levels_.size() == 1 && levels_[0].role == Role::root)
            role = last_key_ == "assessment" ? Role::header : last_key_ == "criteria" ? Role::criteria : Role::other;
        else if (levels_.size() == 2 && levels_[1].role == Role::criteria)
            role = Role::criterion;
        levels_.push_back({role, last_key_, {}});
        return target().start_object(size);
    }
    bool key(string_t& key) {
        std::optional<Position> at;
        if (key_count_ < keys_.at.size()) at = keys_.at[key_count_];
        ++key_count_;
        last_key_ = key;
        auto& level = levels_.back();
        if (level.role == Role::criteria) {
            // A criterion: its value goes to a builder of its own, and is read into its record when it
            // ends. The records are kept by id (in the order of the file when sorted, at no search).
            const auto count = records_.size();
            member_ = records_.try_emplace(records_.end(), key);
            if (records_.size() == count) {
                duplicate(level, key, at);
                member_->second = CriterionRecord{};  // the value written last is the one read
                problems_.erase(key);
            }
            member_at_ = at ? p_.at(at->first, at->second) : p_.at();
            member_keys_.clear();
            builder_.emplace(member_value_);
            return true;
        }
        if (!level.seen.insert(key)) duplicate(level, key, at);
        switch (level.role) {
            case Role::root:
                root_keys_.add(key, at);
                if (key == "criteria") {  // a second "criteria" replaces the first, as in the tree
                    records_.clear();
                    problems_.clear();
                }
                break;
            case Role::header: header_keys_.add(key, at); break;
            case Role::criterion: member_keys_.add(key, at); break;
            case Role::criteria:  // taken above
            case Role::other: break;
        }
        return target().key(key);
    }
    bool end_object() {
        levels_.pop_back();
        return ended(target().end_object());
    }
    bool start_array(std::size_t size) {
        last_key_ = "an array";
        levels_.push_back({Role::other, last_key_, {}});
        return target().start_array(size);
    }
    bool end_array() {
        levels_.pop_back();
        return ended(target().end_array());
    }
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& e) {
        return target().parse_error(position, token, e);  // throws e
    }

    // The root's keys and those of its "assessment" object, by name; the records of the criteria, and
    // the problems of those that have any, by id.
    KeyPositions& root_keys() { return root_keys_; }
    KeyPositions& header_keys() { return header_keys_; }
    std::map<std::string, CriterionRecord>& records() { return records_; }
    std::map<std::string, std::vector<Diagnostic>>& problems() { return problems_; }

private:
    using Builder = nlohmann::detail::json_sax_dom_parser<Json>;
    enum class Role { root, header, criteria, criterion, other };
    struct Level {
        Role role;
        std::string name;  // for messages: the key the object is the value of
        SeenKeys seen;  // not used for the criteria: their records' map says which ids were given
    };

    void duplicate(const Level& level, const std::string& key, std::optional<Position> at) {
        p_.error("duplicate key '" + key + "' in '" + level.name + "'", at ? p_.at(at->first, at->second) : p_.at());
    }
    Builder& target() { return builder_ ? *builder_ : dom_; }
    template <class F>
    bool value(F f) {
        return ended(f(target()));
    }
    // After a value or the end of an object or array: a criterion's value that is whole is read.
    bool ended(bool result) {
        if (builder_ && levels_.size() == 2) {
            builder_.reset();
            member_keys_.finish();
            std::vector<Diagnostic> found;
            Problems problems{p_.file, found};
            read_record(problems, member_->first, member_value_, std::move(member_at_), member_keys_, member_->second);
            if (!found.empty()) problems_[member_->first] = std::move(found);
            member_value_ = Json();
        }
        return result;
    }

    Builder dom_;  // the file but for the criteria's values
    Problems& p_;
    const JsonKeys& keys_;
    std::size_t key_count_ = 0;
    std::vector<Level> levels_;
    std::string last_key_ = "the top level";
    KeyPositions root_keys_, header_keys_;
    std::map<std::string, CriterionRecord> records_;
    std::map<std::string, std::vector<Diagnostic>> problems_;
    // While a criterion's value is read: its builder, value, record, where its id is and its keys.
    std::optional<Builder> builder_;
    Json member_value_;
    std::map<std::string, CriterionRecord>::iterator member_;
    SourceLocation member_at_;
    KeyPositions member_keys_;
};

std::string without_prefix(std::string message) {  // "[json.exception.parse_error.101] parse error at ...: "
    if (const auto at = message.find(", column "); at != std::string::npos) {
        if (const auto colon = message.find(": ", at); colon != std::string::npos) return message.substr(colon + 2);
    } else if (message.starts_with("[json.exception.")) {
        if (const auto close = message.find("] "); close != std::string::npos) return message.substr(close + 2);
    }
    return message;
}

// Parses JSON into `builder`, reporting duplicate keys. False after a syntax error (reported).
bool parse_json(std::string_view text, Problems& p, AssessmentBuilder& builder) {
    try {
        Json::sax_parse(text, &builder);
        return true;
    } catch (const Json::parse_error& e) {
        p.error("malformed JSON: " + without_prefix(e.what()), json_location(text, e.byte, p.file));
        return false;
    } catch (const Json::exception& e) {
        // Any other nlohmann exception (the pre-scan catches the ones known): never a bare error.
        p.error("malformed JSON: " + without_prefix(e.what()), p.at(1, 1));
        return false;
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
    if (const auto finding = check_json(text, &keys)) {
        p.error((finding->message.starts_with("number") ? "malformed JSON: " : "") + finding->message,
                p.at(finding->line, finding->column));
        return a;
    }
    Json root;
    AssessmentBuilder builder(root, p, keys);
    if (!parse_json(text, p, builder)) return a;
    if (!root.is_object()) {
        p.error("the file must hold a JSON object, not " + json_type(root), p.at(1, 1));
        return a;
    }
    builder.root_keys().finish();
    builder.header_keys().finish();
    JsonReader r{p, builder.root_keys(), p.at(1, 1)};
    r.unknown_keys(root, {"format_version", "assessment", "criteria"}, "the file");
    const auto version = root.find("format_version");
    const auto version_at = r.at("format_version");
    if (version == root.end()) p.error("missing required key 'format_version' in the file", p.at(1, 1));
    else if (!version->is_number_integer()) p.error("key 'format_version' must be an integer, not " + json_type(*version), version_at);
    else if (version->is_number_unsigned() && version->get<std::uint64_t>() > std::uint64_t{1} << 62) {
        // Past what long long holds: reported as written, not wrapped round to a negative number.
        p.format_version(version->dump(), version_at);
        return a;
    } else if (!p.format_version(version->get<long long>(), version_at)) return a;

    const auto header = root.find("assessment");
    if (header == root.end()) {
        p.error("missing required key 'assessment' in the file", p.at(1, 1));
    } else if (!header->is_object()) {
        p.error("key 'assessment' must be an object, not " + json_type(*header), r.at("assessment"));
    } else {
        JsonReader h{p, builder.header_keys(), r.at("assessment")};
        const std::string context = "'assessment'";
        h.unknown_keys(*header, {"framework", "framework_version", "subject", "date", "assessors", "notes"}, context);
        a.framework_id = h.string(*header, "framework", context, true);
        a.framework_version = h.string(*header, "framework_version", context, true);
        a.subject = h.string(*header, "subject", context, false);
        a.date = h.string(*header, "date", context, false);
        p.date(a.date, h.at("date"));
        a.notes = h.string(*header, "notes", context, false);
        if (const auto it = header->find("assessors"); it != header->end()) {
            const auto where = h.at("assessors");
            if (!it->is_array()) p.error("key 'assessors' in 'assessment' must be an array of strings, not " + json_type(*it), where);
            else
                for (const auto& name : *it) {
                    if (name.is_string()) a.assessors.push_back(name.get<std::string>());
                    else p.error("'assessors' in 'assessment' must hold strings, not " + json_type(name), where);
                }
        }
    }

    const auto criteria = root.find("criteria");
    if (criteria == root.end()) return a;
    if (!criteria->is_object()) {
        p.error("key 'criteria' must be an object keyed by criterion id, not " + json_type(*criteria), r.at("criteria"));
        return a;
    }
    for (auto& [id, found] : builder.problems()) std::move(found.begin(), found.end(), std::back_inserter(p.out));
    a.records = std::move(builder.records());
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
