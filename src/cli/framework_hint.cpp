#include "framework_hint.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

namespace routemap::cli {

namespace {

std::optional<std::string> plain_id(std::string_view id) {
    const bool plain = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
    return plain ? std::optional<std::string>(id) : std::nullopt;
}

// Stops nlohmann's SAX parser at the string under root."assessment"."framework" (returning false ends
// the parse without an exception); a head cut off mid-file is a parse error, which ends it too.
class FrameworkPeek {
public:
    using number_integer_t = nlohmann::json::number_integer_t;
    using number_unsigned_t = nlohmann::json::number_unsigned_t;
    using number_float_t = nlohmann::json::number_float_t;
    using string_t = nlohmann::json::string_t;
    using binary_t = nlohmann::json::binary_t;

    std::optional<std::string> id;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(number_integer_t) { return true; }
    bool number_unsigned(number_unsigned_t) { return true; }
    bool number_float(number_float_t, const string_t&) { return true; }
    bool binary(binary_t&) { return true; }
    bool string(string_t& value) {
        if (levels_.size() == 2 && levels_[0].object && levels_[0].key == "assessment" && levels_[1].object &&
            levels_[1].key == "framework") {
            id = value;
            return false;
        }
        return true;
    }
    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool key(string_t& key) {
        levels_.back().key = key;
        return true;
    }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    template <class Exception>
    bool parse_error(std::size_t, const std::string&, const Exception&) {
        return false;
    }

private:
    struct Level {
        bool object;
        std::string key;
    };
    bool open(bool object) {
        // Deeper than the assessment's own members nothing is looked for: the scan stops there (a file
        // as routemap writes it names its framework before any such value).
        if (levels_.size() >= 3) return false;
        levels_.push_back({object, {}});
        return true;
    }
    bool close() {
        if (!levels_.empty()) levels_.pop_back();
        return true;
    }
    std::vector<Level> levels_;
};

}  // namespace

std::optional<std::string> framework_named_in_toml(std::string_view head) {
    auto trim = [](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
        return s;
    };
    bool in_assessment = false;
    for (std::size_t at = 0; at < head.size();) {
        const auto end = std::min(head.find('\n', at), head.size());
        const auto line = trim(head.substr(at, end - at));
        at = end + 1;
        if (line.starts_with('[')) {
            if (in_assessment) return std::nullopt;
            in_assessment = line == "[assessment]";
            continue;
        }
        if (!in_assessment || !line.starts_with("framework")) continue;
        auto value = trim(line.substr(9));
        if (!value.starts_with('=')) continue;
        value = trim(value.substr(1));
        if (value.size() < 3 || value.front() != '"' || value.back() != '"') return std::nullopt;
        return plain_id(value.substr(1, value.size() - 2));
    }
    return std::nullopt;
}

std::optional<std::string> framework_named_in_json(std::string_view head) {
    FrameworkPeek peek;
    try {
        nlohmann::json::sax_parse(head.begin(), head.end(), &peek);
    } catch (const nlohmann::json::exception&) {  // a hint only: none
        return std::nullopt;
    }
    return peek.id ? plain_id(*peek.id) : std::nullopt;
}

std::optional<std::string> framework_named_in(const std::string& file) {
    const bool toml = file.ends_with(".toml"), json = file.ends_with(".json");
    std::error_code ec;  // a FIFO or a device is not opened here: reading it could block or consume it
    if (!(toml || json) || !std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return toml ? framework_named_in_toml(head) : framework_named_in_json(head);
}

}  // namespace routemap::cli
