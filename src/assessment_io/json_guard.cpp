// routemap::detail is not public API. A linear pre-scan of JSON text, before nlohmann::json parses it,
// for what nlohmann either reports without a position or lets through: a number out of the range of
// a double (1e400 raised nlohmann's out_of_range, which carries no position), values nested deeper
// than limits::max_nesting_depth, and strings longer than limits::max_string_bytes. Everything else
// (syntax, UTF-8) is left to nlohmann, which reports it with a position.

#include "json_guard.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include <routemap/limits.hpp>

namespace routemap::detail {

namespace {

class JsonScanner {
public:
    JsonScanner(std::string_view text, JsonKeys* keys) : text_(text), keys_(keys) {}

    std::optional<JsonFinding> run() {
        std::size_t depth = 0;
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '"') {
                const auto line = line_, column = column_;
                if (!string()) return finding_;
                if (keys_) key(line, column);
            } else if (c == '[' || c == '{') {
                if (++depth > limits::max_nesting_depth)
                    return found("values nested more than " + std::to_string(limits::max_nesting_depth) +
                                 " levels deep, routemap's limit (docs/limits.md)");
                objects_.push_back(c == '{');
                advance();
            } else if (c == ']' || c == '}') {
                if (depth > 0) --depth;
                if (!objects_.empty()) objects_.pop_back();
                advance();
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                if (!number()) return finding_;
            } else {
                advance();
            }
        }
        return std::nullopt;
    }

private:
    // A string in an object followed by ':' is a key: record where it is.
    void key(std::uint32_t line, std::uint32_t column) {
        if (objects_.empty() || !objects_.back()) return;
        auto next = pos_;
        while (next < text_.size() && (text_[next] == ' ' || text_[next] == '\t' || text_[next] == '\n' || text_[next] == '\r'))
            ++next;
        if (next < text_.size() && text_[next] == ':') keys_->at.emplace_back(line, column);
    }

    void advance() {
        if (text_[pos_] == '\n') {
            ++line_;
            column_ = 1;
        } else if ((static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) {
            ++column_;
        }
        ++pos_;
    }

    std::optional<JsonFinding> found(std::string message) { return JsonFinding{std::move(message), line_, column_}; }
    bool fail(std::string message, std::uint32_t line, std::uint32_t column) {
        finding_ = JsonFinding{std::move(message), line, column};
        return false;
    }

    bool string() {
        const auto start = pos_;
        const auto line = line_, column = column_;
        advance();
        while (pos_ < text_.size() && text_[pos_] != '"') {
            if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) advance();
            advance();
        }
        if (pos_ < text_.size()) advance();
        // Escapes make the text longer than its value; the limit applies to what is written.
        if (pos_ - start > limits::max_string_bytes + 2)
            return fail("a string of " + std::to_string(pos_ - start) + " bytes: strings are at most " +
                            std::to_string(limits::max_string_bytes) + " bytes, routemap's limit (docs/limits.md)",
                        line, column);
        return true;
    }

    bool number() {
        const auto start = pos_;
        const auto line = line_, column = column_;
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) break;
            advance();
        }
        const std::string token(text_.substr(start, pos_ - start));
        char* end = nullptr;
        errno = 0;
        const double value = std::strtod(token.c_str(), &end);
        // Only a number strtod reads whole is judged; anything else is nlohmann's syntax error to report.
        if (end == token.c_str() + token.size() && std::isinf(value))
            return fail("number " + (token.size() > 40 ? token.substr(0, 40) + "…" : token) +
                            " is out of range (beyond ±1.8e308)",
                        line, column);
        return true;
    }

    std::string_view text_;
    JsonKeys* keys_;
    std::vector<bool> objects_;  // the open values: an object (true) or an array
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1, column_ = 1;
    std::optional<JsonFinding> finding_;
};

}  // namespace

std::optional<JsonFinding> check_json(std::string_view text, JsonKeys* keys) { return JsonScanner(text, keys).run(); }

}  // namespace routemap::detail
