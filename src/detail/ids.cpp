// routemap::detail is not public API. The id checks of framework_validation.hpp, written by hand:
// std::regex_match recurses once per character, so a long id (about 26,000 characters) overflowed the
// stack. These run in one pass, without recursion or allocation, and refuse ids past the length limit.

#include <string_view>

#include <routemap/limits.hpp>

#include "framework_validation.hpp"

namespace routemap::detail {

namespace {

bool is_lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// [a-z0-9]+(-[a-z0-9]+)*: runs of letters and digits joined by single hyphens.
bool is_segment(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    char previous = '-';
    for (const char c : id) {
        if (c == '-') {
            if (previous == '-') return false;
        } else if (!is_lower_or_digit(c)) {
            return false;
        }
        previous = c;
    }
    return true;
}

}  // namespace

// ^[a-z][a-z0-9]*(-[a-z0-9]+)*$
bool is_framework_id(const std::string& id) {
    return id.size() <= limits::max_id_length && !id.empty() && id.front() >= 'a' && id.front() <= 'z' && is_segment(id);
}

// ^[a-z0-9]+(-[a-z0-9]+)*$
bool is_id_segment(const std::string& id) { return id.size() <= limits::max_id_length && is_segment(id); }

// Segments joined by single dots.
bool is_local_criterion_id(const std::string& id) {
    if (id.size() > limits::max_id_length) return false;
    std::string_view rest(id);
    while (true) {
        const auto dot = rest.find('.');
        if (!is_segment(rest.substr(0, dot))) return false;
        if (dot == std::string_view::npos) return true;
        rest.remove_prefix(dot + 1);
    }
}

std::string slug(std::string_view text) {
    std::string out;
    bool gap = false;
    for (const char ch : text) {
        char c = ch;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (is_lower_or_digit(c)) {
            if (gap && !out.empty()) out += '-';
            out += c;
            gap = false;
        } else {
            gap = true;  // spaces, punctuation and non-ASCII bytes separate words
        }
    }
    if (out.size() > limits::max_id_length) {
        out.resize(limits::max_id_length);
        while (!out.empty() && out.back() == '-') out.pop_back();
    }
    return out;
}

std::string local_id_slug(std::string_view text) {
    std::string out;
    while (true) {
        const auto dot = text.find('.');
        const auto part = slug(text.substr(0, dot));
        if (!part.empty()) out += (out.empty() ? "" : ".") + part;
        if (dot == std::string_view::npos) break;
        text.remove_prefix(dot + 1);
    }
    return out.size() > limits::max_id_length ? std::string() : out;
}

}  // namespace routemap::detail
