// routemap::detail is not public API. See framework_id_peek.hpp.

#include "framework_id_peek.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace routemap::detail {

namespace {

std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// What may follow a header or a value on its line: blanks, and a comment.
bool only_a_comment(std::string_view rest) {
    rest = trim_blanks(rest);
    return rest.empty() || rest.front() == '#';
}

bool is_header(std::string_view line, std::string_view header) {
    return line.starts_with(header) && only_a_comment(line.substr(header.size()));
}

// `id = "text"`, the text a basic string without escapes or control characters.
std::optional<std::string> id_assignment(std::string_view line) {
    if (!line.starts_with("id")) return std::nullopt;
    line = trim_blanks(line.substr(2));
    if (!line.starts_with('=')) return std::nullopt;
    line = trim_blanks(line.substr(1));
    if (!line.starts_with('"')) return std::nullopt;
    line.remove_prefix(1);
    const auto end = line.find('"');
    if (end == std::string_view::npos) return std::nullopt;
    const auto id = line.substr(0, end);
    for (const char c : id)
        if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return std::nullopt;
    if (!only_a_comment(line.substr(end + 1))) return std::nullopt;
    return std::string(id);
}

}  // namespace

std::optional<std::string> peek_framework_id(std::string_view head, bool whole) {
    // Line by line. Outside multi-line strings, a line that starts with '[' is a table header (a
    // multi-line array holds values only, and no value starts a line as `[framework]` or `id =`
    // could). So the scan gives up at the first multi-line string delimiter.
    bool in_framework = false;
    while (!head.empty()) {
        const auto newline = head.find('\n');
        if (newline == std::string_view::npos && !whole) return std::nullopt;  // a line cut short
        auto line = head.substr(0, newline);
        head.remove_prefix(newline == std::string_view::npos ? head.size() : newline + 1);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line.find("\"\"\"") != std::string_view::npos || line.find("'''") != std::string_view::npos)
            return std::nullopt;
        line = trim_blanks(line);
        if (line.starts_with('[')) {
            if (in_framework) return std::nullopt;  // [framework] ended without an id written plainly
            in_framework = is_header(line, "[framework]");
        } else if (in_framework) {
            if (auto id = id_assignment(line)) return id;
        }
    }
    return std::nullopt;
}

std::optional<std::string> peek_framework_id(const std::filesystem::path& file) {
    // O_NONBLOCK and the regular-file test as in read_text_file: a FIFO must not block the scan.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return std::nullopt;
    struct stat info {};
    std::string head;
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
        head.resize(65536);
        std::size_t used = 0;
        while (used < head.size()) {
            const auto n = ::read(fd, head.data() + used, head.size() - used);
            if (n <= 0) {
                if (n < 0) used = 0, head.clear();  // unreadable: the full load reports why
                break;
            }
            used += static_cast<std::size_t>(n);
        }
        head.resize(std::min(used, head.size()));
    }
    ::close(fd);
    if (head.empty()) return std::nullopt;
    const bool whole = static_cast<std::size_t>(info.st_size) <= head.size() && head.size() < 65536;
    return peek_framework_id(head, whole);
}

}  // namespace routemap::detail
