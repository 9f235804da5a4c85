#include <routemap/status.hpp>

#include <string>

namespace routemap {

namespace {

// Lower case, trimmed, with spaces and hyphens turned into underscores: "Not Met" -> "not_met".
std::string normalise(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == ' ' || c == '-') out += '_';
        else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else out += c;
    }
    return out;
}

}  // namespace

std::string_view to_string(Status status) noexcept {
    switch (status) {
        case Status::met: return "met";
        case Status::partial: return "partial";
        case Status::not_met: return "not_met";
        case Status::not_applicable: return "not_applicable";
        case Status::unknown: break;
    }
    return "unknown";
}

std::optional<Status> parse_status(std::string_view text) noexcept {
    try {
        const auto name = normalise(text);
        if (name.empty() || name == "unknown") return Status::unknown;
        if (name == "met") return Status::met;
        if (name == "partial") return Status::partial;
        if (name == "not_met") return Status::not_met;
        if (name == "not_applicable" || name == "n/a" || name == "na") return Status::not_applicable;
    } catch (...) {  // allocation failure: nothing sensible to return
    }
    return std::nullopt;
}

std::string_view to_string(Exclusion reason) noexcept {
    switch (reason) {
        case Exclusion::not_relevant: return "not_relevant";
        case Exclusion::out_of_scope: return "out_of_scope";
        case Exclusion::owned_elsewhere: break;
    }
    return "owned_elsewhere";
}

std::optional<Exclusion> parse_exclusion(std::string_view text) noexcept {
    try {
        const auto name = normalise(text);
        if (name == "not_relevant") return Exclusion::not_relevant;
        if (name == "out_of_scope") return Exclusion::out_of_scope;
        if (name == "owned_elsewhere") return Exclusion::owned_elsewhere;
    } catch (...) {
    }
    return std::nullopt;
}

}  // namespace routemap
