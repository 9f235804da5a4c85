// routemap::detail is not public API. See plain_criteria.hpp.

#include "plain_criteria.hpp"

#include <algorithm>

#include "../detail/plain_toml.hpp"

namespace routemap::detail {

std::optional<PlainCriteria> scan_plain_criteria(std::string_view piece) {
    PlainToml toml(piece);
    PlainCriteria out;
    out.sections.reserve(piece.size() / 48);  // a header and a status take about 50 bytes
    out.values.reserve(piece.size() / 48);
    GivenKeys given;  // the keys of the current section so far
    while (!toml.at_end()) {
        if (toml.blank_line()) continue;
        if (toml.at_bracket()) {
            // [criteria."id"] at the start of its line, as routemap writes it (the table's position is
            // then column 1).
            const auto line = toml.line();
            if (!toml.literal("[criteria.")) return std::nullopt;
            const auto id = toml.string();
            if (!id || id->text.empty() || !toml.literal("]") || !toml.end_of_line()) return std::nullopt;
            out.sections.push_back({id->text, line, static_cast<std::uint32_t>(out.values.size()), 0});
            given.clear();
            continue;
        }
        // key = "text", the key one of the record's, not given before in the section.
        const auto key = toml.key_equals();
        if (!key || out.sections.empty()) return std::nullopt;
        const auto index = given.take(*key, record_keys);
        if (!index) return std::nullopt;
        const auto text = toml.string();
        if (!text || !toml.end_of_line()) return std::nullopt;
        out.values.push_back({static_cast<std::uint8_t>(*index), text->text, text->line, text->column});
        ++out.sections.back().value_count;
    }
    // In id order, as toml++ keeps a table's keys; a criterion given twice is toml++'s error to word.
    auto& sections = out.sections;
    std::sort(sections.begin(), sections.end(), [](const auto& x, const auto& y) { return x.id < y.id; });
    if (std::adjacent_find(sections.begin(), sections.end(), [](const auto& x, const auto& y) { return x.id == y.id; }) !=
        sections.end())
        return std::nullopt;
    return out;
}

}  // namespace routemap::detail
