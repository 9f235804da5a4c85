#include "toml_reader.hpp"

#include <routemap/error.hpp>

#include "suggest.hpp"
#include "toml_guard.hpp"

namespace routemap::detail {

std::optional<GuardResult> check_toml(std::string_view text, const std::string& file, std::vector<Diagnostic>& out) {
    auto guarded = guard_toml(text);
    if (const auto& unsafe = guarded.finding) {
        out.push_back({Severity::error, (unsafe->limit ? "" : "malformed TOML: ") + unsafe->message,
                       {file, unsafe->line, unsafe->column}, {}, {}});
        return std::nullopt;
    }
    return guarded;
}

std::optional<toml::table> parse_checked_toml(std::string_view text, const std::string& file, std::uint32_t line_offset,
                                              std::vector<Diagnostic>* out) {
    try {
        // No source path: toml++ would copy a shared pointer to it into every node and key (an atomic
        // count each, and again when freed). Diagnostics take the file name from `file` anyway.
        return toml::parse(text);
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        if (out)
            out->push_back({Severity::error, "malformed TOML: " + std::string(e.description()),
                            {file, static_cast<std::uint32_t>(begin.line) + line_offset, static_cast<std::uint32_t>(begin.column)},
                            {}, {}});
        return std::nullopt;
    }
}

std::optional<toml::table> parse_toml(std::string_view text, const std::string& file, std::vector<Diagnostic>& out) {
    const auto guarded = check_toml(text, file, out);
    if (!guarded) return std::nullopt;
    return parse_checked_toml(guarded->rewritten ? std::string_view(guarded->text) : text, file, 0, &out);
}

SourceLocation TomlReader::where(const toml::node& node) const {
    const auto& begin = node.source().begin;
    return SourceLocation{file_, static_cast<std::uint32_t>(begin.line) + line_offset_, static_cast<std::uint32_t>(begin.column)};
}

void TomlReader::error(const std::string& message, const SourceLocation& where, const std::string& criterion) {
    out_->push_back({Severity::error, message, where, {}, criterion});
}

void TomlReader::warning(const std::string& message, const SourceLocation& where) {
    out_->push_back({Severity::warning, message, where, {}, {}});
}

const toml::node* TomlReader::node(const toml::table& t, std::string_view key, std::string_view context, bool required) {
    const auto* n = t.get(key);
    if (!n && required) error("missing required key '" + std::string(key) + "' in " + std::string(context), where(t));
    return n;
}

namespace {
std::string_view type_name(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "an array";
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a float";
        case toml::node_type::boolean: return "a boolean";
        default: return "a date or time";
    }
}
}  // namespace

void TomlReader::wrong_type(const toml::node& n, std::string_view key, std::string_view context, std::string_view expected) {
    error("key '" + std::string(key) + "' in " + std::string(context) + " must be " + std::string(expected) + ", not " +
              std::string(type_name(n)),
          where(n));
}

std::optional<std::string> TomlReader::string(const toml::table& t, std::string_view key, std::string_view context,
                                              bool required) {
    const auto* n = node(t, key, context, required);
    if (!n) return std::nullopt;
    if (const auto* s = n->as_string()) return s->get();
    wrong_type(*n, key, context, "a string");
    return std::nullopt;
}

std::optional<std::int64_t> TomlReader::integer(const toml::table& t, std::string_view key, std::string_view context,
                                                bool required) {
    const auto* n = node(t, key, context, required);
    if (!n) return std::nullopt;
    if (const auto* i = n->as_integer()) return i->get();
    wrong_type(*n, key, context, "an integer");
    return std::nullopt;
}

std::optional<double> TomlReader::number(const toml::table& t, std::string_view key, std::string_view context,
                                         bool required) {
    const auto* n = node(t, key, context, required);
    if (!n) return std::nullopt;
    if (const auto* i = n->as_integer()) return static_cast<double>(i->get());
    if (const auto* f = n->as_floating_point()) return f->get();
    wrong_type(*n, key, context, "a number");
    return std::nullopt;
}

std::optional<bool> TomlReader::boolean(const toml::table& t, std::string_view key, std::string_view context) {
    const auto* n = node(t, key, context, false);
    if (!n) return std::nullopt;
    if (const auto* b = n->as_boolean()) return b->get();
    wrong_type(*n, key, context, "a boolean");
    return std::nullopt;
}

std::vector<std::string> TomlReader::strings(const toml::table& t, std::string_view key, std::string_view context,
                                             std::vector<SourceLocation>* locations) {
    std::vector<std::string> out;
    const auto* n = node(t, key, context, false);
    if (!n) return out;
    const auto* array = n->as_array();
    if (!array) {
        wrong_type(*n, key, context, "an array of strings");
        return out;
    }
    for (const auto& element : *array) {
        if (const auto* s = element.as_string()) {
            out.push_back(s->get());
            if (locations) locations->push_back(where(element));
        } else {
            wrong_type(element, std::string(key) + "[" + std::to_string(out.size()) + "]", context, "a string");
        }
    }
    return out;
}

const toml::table* TomlReader::table(const toml::table& t, std::string_view key, std::string_view context, bool required) {
    const auto* n = node(t, key, context, required);
    if (!n) return nullptr;
    if (const auto* table = n->as_table()) return table;
    wrong_type(*n, key, context, "a table");
    return nullptr;
}

std::vector<const toml::table*> TomlReader::tables(const toml::table& t, std::string_view key, std::string_view context,
                                                   bool required) {
    std::vector<const toml::table*> out;
    const auto* n = node(t, key, context, required);
    if (!n) return out;
    const auto* array = n->as_array();
    if (!array) {
        wrong_type(*n, key, context, "an array of tables ([[" + std::string(key) + "]])");
        return out;
    }
    for (const auto& element : *array) {
        if (const auto* table = element.as_table()) out.push_back(table);
        else wrong_type(element, key, context, "an array of tables");
    }
    return out;
}

void TomlReader::unknown_keys(const toml::table& t, std::initializer_list<std::string_view> known, std::string_view context) {
    for (const auto& [key, value] : t) {
        bool found = false;
        for (const auto k : known) found = found || k == key.str();
        if (!found) {
            SourceLocation at{file_, 0, 0};
            if (const auto* src = key.source().begin ? &key.source() : nullptr) {
                at.line = static_cast<std::uint32_t>(src->begin.line) + line_offset_;
                at.column = static_cast<std::uint32_t>(src->begin.column);
            } else {
                at = where(value);
            }
            warning("unknown key '" + std::string(key.str()) + "' in " + std::string(context) +
                        did_you_mean(key.str(), known),
                    at);
        }
    }
}

}  // namespace routemap::detail
