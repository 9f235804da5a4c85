#include "toml_sections.hpp"

#include <algorithm>

#include "parallel.hpp"

namespace routemap::detail {

namespace {

enum class Kind {
    other,         // a header of another table
    cut,           // a section of the key starts here
    inside,        // a table within the key's section above it
    unsplittable,  // names the key in a way a cut could change the meaning of
};

bool is_bare(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::string_view skip_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}

Kind classify(const TomlHeader& header, std::string_view key, CutAt cut_at) {
    const auto k = header.key;
    if (k.empty()) return Kind::unsplittable;
    if (k.front() == '"' || k.front() == '\'') {
        // A quoted first key could spell `key` in more ways than are worth following (escapes).
        const auto end = k.find(k.front(), 1);
        const auto first = k.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
        const bool might_be_key = first.find(key) != std::string_view::npos || first.find('\\') != std::string_view::npos;
        return might_be_key ? Kind::unsplittable : Kind::other;
    }
    std::size_t n = 0;
    while (n < k.size() && is_bare(k[n])) ++n;
    if (k.substr(0, n) != key) return Kind::other;
    const auto after = skip_blanks(k.substr(n));
    if (after.empty())  // the key's own table, or an element of it as an array of tables
        return cut_at == CutAt::array_element && header.array ? Kind::cut : Kind::unsplittable;
    if (cut_at == CutAt::subtable && !header.array) return Kind::cut;
    return Kind::inside;
}

}  // namespace

std::optional<TomlSplit> split_toml(std::string_view text, std::span<const TomlHeader> headers, std::string_view key,
                                    CutAt cut_at, std::size_t piece_bytes) {
    constexpr auto none = static_cast<std::size_t>(-1);
    std::size_t first = none, tail = none;
    std::vector<std::size_t> cuts;
    for (std::size_t i = 0; i < headers.size(); ++i) {
        const auto kind = classify(headers[i], key, cut_at);
        if (kind == Kind::unsplittable) return std::nullopt;
        if (kind == Kind::other) {
            if (first != none && tail == none) tail = i;
            continue;
        }
        if (tail != none) return std::nullopt;  // the key's sections come back after another table's
        if (first == none) {
            if (kind != Kind::cut) return std::nullopt;
            first = i;
        }
        if (kind == Kind::cut) cuts.push_back(i);
    }
    if (first == none) return std::nullopt;

    TomlSplit split;
    const auto begin = headers[first].line_start;
    const auto end = tail == none ? text.size() : headers[tail].line_start;
    std::size_t start = begin;
    std::uint32_t start_line = headers[first].line;
    for (const auto i : cuts) {
        const auto at = headers[i].line_start;
        if (at == start || at - start < piece_bytes) continue;
        split.pieces.push_back({text.substr(start, at - start), start_line - 1});
        start = at;
        start_line = headers[i].line;
    }
    split.pieces.push_back({text.substr(start, end - start), start_line - 1});

    split.rest.assign(text.substr(0, begin));
    if (tail != none) {
        split.rest.append(headers[tail].line - headers[first].line, '\n');
        split.rest.append(text.substr(end));
    }
    return split;
}

std::vector<std::size_t> piece_bounds(const TomlSplit& split, std::size_t threads) {
    std::vector<std::size_t> sizes;
    sizes.reserve(split.pieces.size());
    for (const auto& piece : split.pieces) sizes.push_back(piece.text.size());
    return balanced_bounds(sizes, std::max<std::size_t>(1, std::min(threads, split.pieces.size())));
}

}  // namespace routemap::detail
