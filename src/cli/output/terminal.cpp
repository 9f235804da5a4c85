#include "output/terminal.hpp"

#include <cstdint>
#include <cstdio>

namespace routemap::cli {

namespace {

// The length of the well-formed UTF-8 sequence at `i` (no overlong forms, surrogates or code points
// past U+10FFFF), or 0.
std::size_t sequence_length(std::string_view s, std::size_t i, std::uint32_t& cp) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    cp = n == 1 ? b : b & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    constexpr std::uint32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < minimum[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

}  // namespace

std::string escape_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    char escape[12];
    for (std::size_t i = 0; i < text.size();) {
        // Printable ASCII, tabs and newlines, most of any output, are copied a run at a time.
        const auto run_start = i;
        while (i < text.size() && ((text[i] >= 0x20 && text[i] < 0x7F) || text[i] == '\t' || text[i] == '\n')) ++i;
        out.append(text.substr(run_start, i - run_start));
        if (i == text.size()) break;
        std::uint32_t cp = 0;
        const auto n = sequence_length(text, i, cp);
        if (n == 0) {
            // Not UTF-8 (a message may quote the bytes a reader refused): shown as bytes.
            std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned char>(text[i]));
            out += escape;
            ++i;
            continue;
        }
        if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F) {
            std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned>(cp));
            out += escape;
        } else if (cp >= 0x80 && cp <= 0x9F) {  // the C1 controls (CSI among them)
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(cp));
            out += escape;
        } else {
            out.append(text.substr(i, n));
        }
        i += n;
    }
    return out;
}

}  // namespace routemap::cli
