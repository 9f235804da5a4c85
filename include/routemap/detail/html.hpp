#pragma once
// routemap::detail is not public API (see README.md beside this file).

#include <string>
#include <string_view>

namespace routemap::detail {

// `text` made safe as HTML text or a quoted attribute value, appended to `out`: the five markup
// characters as entities, and control characters other than newline and tab (not allowed in HTML
// text) as a space, which keeps words apart. The one escaper of the report, the form and the
// Markdown renderer.
inline void append_escaped_html(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += ' ';
                else out += c;
        }
    }
}

[[nodiscard]] inline std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_escaped_html(out, text);
    return out;
}

}  // namespace routemap::detail
