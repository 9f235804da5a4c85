#include "output/wrap.hpp"

#include <cmath>
#include <cstdio>

#include <routemap/detail/format.hpp>

namespace routemap::cli {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Splits a word that is wider than a line: after the last separator (. - / _ , : ;) that fits, so that
// ids break between their parts ("domain.area." / "advanced.2"), else at a code point boundary.
void split_long_word(std::string_view word, std::size_t width, std::vector<std::string>& lines) {
    auto is_separator = [](char c) { return c == '.' || c == '-' || c == '/' || c == '_' || c == ',' || c == ':' || c == ';'; };
    while (display_width(word) > width) {
        std::size_t used = 0, cut = 0, last_separator = 0;
        for (std::size_t i = 0; i < word.size(); ++i) {
            if (!is_continuation(word[i])) {
                if (used == width) break;
                ++used;
            }
            cut = i + 1;
            if (is_separator(word[i]) && i + 1 < word.size()) last_separator = i + 1;
        }
        while (cut < word.size() && is_continuation(word[cut])) ++cut;
        if (last_separator > 0) cut = last_separator;
        lines.emplace_back(word.substr(0, cut));
        word.remove_prefix(cut);
    }
    lines.emplace_back(word);
}

void wrap_paragraph(std::string_view text, std::size_t width, std::vector<std::string>& lines) {
    std::string line;
    std::size_t used = 0;
    std::size_t i = 0;
    bool any = false;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) ++i;
        const auto start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\r') ++i;
        if (start == i) break;
        const auto word = text.substr(start, i - start);
        const auto w = display_width(word);
        any = true;
        if (used > 0 && used + 1 + w <= width) {
            line += ' ';
            line += word;
            used += 1 + w;
            continue;
        }
        if (used > 0) lines.push_back(std::move(line));
        line.clear();
        used = 0;
        if (w > width) {
            split_long_word(word, width, lines);
            line = std::move(lines.back());
            lines.pop_back();
            used = display_width(line);
        } else {
            line = std::string(word);
            used = w;
        }
    }
    if (any) lines.push_back(std::move(line));
    else lines.emplace_back();
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
    std::size_t n = 0;
    for (const char c : utf8)
        if (!is_continuation(c)) ++n;
    return n;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    if (width == 0) width = 1;
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find('\n', start);
        wrap_paragraph(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start), width, lines);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return lines;
}

std::string wrap_block(std::string_view text, std::size_t width, std::string_view first, std::string_view rest) {
    const auto indent = std::max(display_width(first), display_width(rest));
    const auto usable = width > indent + 10 ? width - indent : 10;
    // One line, when the text has no line break or tab and fits once its runs of spaces are single:
    // what wrapping gives then, without it. Most lines of a long gap list or path are such.
    if (text.find_first_of("\n\t\r") == std::string_view::npos) {
        std::string out(first);
        const auto start = out.size();
        for (const char ch : text)
            if (ch != ' ') out += ch;
            else if (out.size() > start && out.back() != ' ') out += ' ';
        if (out.size() > start && out.back() == ' ') out.pop_back();
        if (out.size() > start && display_width(std::string_view(out).substr(start)) <= usable) {
            out += '\n';
            return out;
        }
    }
    std::string out;
    bool is_first = true;
    for (const auto& line : wrap(text, usable)) {
        out += is_first ? first : rest;
        out += line;
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += '\n';
        is_first = false;
    }
    return out;
}

std::string pad_right(std::string_view text, std::size_t width) {
    std::string out(text);
    const auto w = display_width(text);
    if (w < width) out.append(width - w, ' ');
    return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
    const auto w = display_width(text);
    std::string out;
    if (w < width) out.append(width - w, ' ');
    out += text;
    return out;
}

std::string format_number(double value, int decimals) { return detail::format_decimal(value, decimals, "-"); }

std::string format_percent(double share) {
    if (std::isnan(share)) return "-";
    return std::to_string(static_cast<long>(std::lround(share * 100.0))) + "%";
}

}  // namespace routemap::cli
