#pragma once
// routemap::detail is not public API.
// Reads typed values out of a toml++ tree, turning every missing key, wrong type and unknown key
// into a Diagnostic with file, line and column, so that a loader can report all problems at once.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include <routemap/diagnostic.hpp>

#include "input_file.hpp"
#include "toml_guard.hpp"

namespace routemap::detail {

// Parses TOML text, guarding against inputs that crash toml++ 3.3.0. On failure adds one
// diagnostic and returns nullopt.
std::optional<toml::table> parse_toml(std::string_view text, const std::string& file, std::vector<Diagnostic>& out);

// The two halves of parse_toml, for readers that cut a checked text into pieces (toml_sections.hpp).
// check_toml: the guard's scan; on an unsafe input adds one diagnostic and returns nullopt.
std::optional<GuardResult> check_toml(std::string_view text, const std::string& file, std::vector<Diagnostic>& out);
// toml++ on a text check_toml passed (or a piece of one cut at a line start); `line_offset` is the
// number of lines before the piece. On failure adds one diagnostic when `out` is given.
std::optional<toml::table> parse_checked_toml(std::string_view text, const std::string& file, std::uint32_t line_offset,
                                              std::vector<Diagnostic>* out);


class TomlReader {
public:
    // `line_offset`: lines before the text the tree was parsed from, when that was a piece of the file.
    TomlReader(std::string file, std::vector<Diagnostic>& out, std::uint32_t line_offset = 0)
        : file_(std::move(file)), out_(&out), line_offset_(line_offset) {}

    SourceLocation where(const toml::node& node) const;
    void error(const std::string& message, const SourceLocation& where, const std::string& criterion = {});
    void warning(const std::string& message, const SourceLocation& where);

    // `context` names the table in messages, e.g. "[framework]" or "criterion 'x'".
    std::optional<std::string> string(const toml::table& t, std::string_view key, std::string_view context, bool required);
    std::optional<std::int64_t> integer(const toml::table& t, std::string_view key, std::string_view context, bool required);
    std::optional<double> number(const toml::table& t, std::string_view key, std::string_view context, bool required);
    std::optional<bool> boolean(const toml::table& t, std::string_view key, std::string_view context);
    std::vector<std::string> strings(const toml::table& t, std::string_view key, std::string_view context,
                                     std::vector<SourceLocation>* locations = nullptr);
    const toml::table* table(const toml::table& t, std::string_view key, std::string_view context, bool required);
    // Each element must be a table; others are reported.
    std::vector<const toml::table*> tables(const toml::table& t, std::string_view key, std::string_view context,
                                           bool required);
    void unknown_keys(const toml::table& t, std::initializer_list<std::string_view> known, std::string_view context);

    const std::string& file() const { return file_; }
    std::uint32_t line_offset() const { return line_offset_; }

private:
    const toml::node* node(const toml::table& t, std::string_view key, std::string_view context, bool required);
    void wrong_type(const toml::node& n, std::string_view key, std::string_view context, std::string_view expected);

    std::string file_;
    std::vector<Diagnostic>* out_;
    std::uint32_t line_offset_ = 0;
};

}  // namespace routemap::detail
