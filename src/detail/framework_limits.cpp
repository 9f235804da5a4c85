// routemap::detail is not public API. See framework_limits.hpp.

#include "framework_limits.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>

#include <routemap/limits.hpp>

namespace routemap::detail {

std::string preview(std::string_view text, std::size_t keep) {
    if (text.size() <= keep) return std::string(text);
    // Back up to the start of a code point, so that the preview stays valid UTF-8.
    while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
    return std::string(text.substr(0, keep)) + "…";
}

namespace {

class LimitChecker {
public:
    LimitChecker(const FrameworkSpec& spec, std::vector<Diagnostic>& out) : spec_(spec), out_(out) {}

    std::optional<std::size_t> run() {
        id(spec_.info.id, "framework", spec_.location);
        std::size_t criteria = 0;
        for (const auto& t : spec_.tiers) {
            id(t.id, "tier", t.location);
            tiers_.emplace(t.id, tiers_.size());  // the first of duplicates, as Framework::build
        }
        for (const auto& d : spec_.domains) {
            id(d.id, "domain", d.location);
            for (const auto& a : d.areas) {
                if (!a.implicit) id(a.id, "area", a.location);
                criteria += a.criteria.size();
                // The full id's length first: building each full id only to measure it was a large share
                // of checking a big framework.
                const auto prefix = a.implicit ? d.id.size() : d.id.size() + 1 + a.id.size();
                for (const auto& c : a.criteria) {
                    id(c.id, "criterion", c.location);
                    if (c.id.size() <= limits::max_id_length && prefix + 1 + c.id.size() > limits::max_id_length)
                        id((a.implicit ? d.id : d.id + "." + a.id) + "." + c.id, "full criterion", c.location);
                }
            }
        }
        if (criteria > limits::max_criteria) {
            error("the framework has " + std::to_string(criteria) + " criteria, more than routemap's limit of " +
                      std::to_string(limits::max_criteria) + " (docs/limits.md)",
                  spec_.location);
            return std::nullopt;  // do not even count the edges of such a file
        }
        if (!ok_) return std::nullopt;
        return dependencies();
    }

private:
    void error(std::string message, const SourceLocation& where) {
        SourceLocation at = where;
        if (at.file.empty()) at.file = spec_.file;
        out_.push_back(Diagnostic{Severity::error, std::move(message), std::move(at), spec_.info.id, {}});
        ok_ = false;
    }

    void id(const std::string& value, const char* what, const SourceLocation& where) {
        if (value.size() <= limits::max_id_length) return;
        error(std::string(what) + " id '" + preview(value) + "' is " + std::to_string(value.size()) +
                  " characters long: ids are at most " + std::to_string(limits::max_id_length) + " (docs/limits.md)",
              where);
    }

    // Implicit edges: each criterion depends on every criterion of the nearest lower tier present in
    // its area (see FrameworkValidator::edges), so an area holds sum(count[t] * count[t-below]) of them;
    // none with `implicit_edges = "none"`.
    std::optional<std::size_t> dependencies() {
        std::uint64_t total = 0, worst = 0;
        const AreaSpec* worst_area = nullptr;
        std::string worst_id;
        std::vector<std::uint64_t> per_tier(spec_.tiers.size());
        for (const auto& d : spec_.domains)
            for (const auto& a : d.areas) {
                std::fill(per_tier.begin(), per_tier.end(), 0);  // by tier index; 0 where the area has none
                for (const auto& c : a.criteria) {
                    total += c.requires_ids.size();
                    if (c.tier.empty()) {
                        if (tiers_.size() == 1) ++per_tier[0];
                    } else if (const auto it = tiers_.find(c.tier); it != tiers_.end()) {
                        ++per_tier[it->second];
                    }
                }
                std::uint64_t implicit = 0, below = 0;
                if (spec_.implicit_edges == ImplicitEdges::none) std::fill(per_tier.begin(), per_tier.end(), 0);  // only `requires`
                for (const auto count : per_tier) {
                    if (count == 0) continue;
                    implicit += count * below;  // at most max_criteria squared: no overflow
                    below = count;
                }
                total += implicit;
                if (implicit > worst) {
                    worst = implicit;
                    worst_area = &a;
                    worst_id = a.implicit ? d.id : d.id + "." + a.id;
                }
            }
        if (total <= limits::max_dependencies) return static_cast<std::size_t>(total);
        std::string message = "the framework has " + std::to_string(total) + " dependencies, more than routemap's limit of " +
                              std::to_string(limits::max_dependencies) + " (docs/limits.md)";
        if (worst_area) {
            message += ": area '" + worst_id + "' alone has " + std::to_string(worst) +
                       " implicit ones (each criterion depends on every criterion of the nearest lower tier of its area; "
                       "split the area or its tiers)";
        }
        error(std::move(message), worst_area ? worst_area->location : spec_.location);
        return std::nullopt;
    }

    const FrameworkSpec& spec_;
    std::vector<Diagnostic>& out_;
    std::unordered_map<std::string, std::size_t> tiers_;
    bool ok_ = true;
};

}  // namespace

SpecSizes spec_sizes(const FrameworkSpec& spec) {
    SpecSizes sizes;
    for (const auto& d : spec.domains)
        for (const auto& a : d.areas) ++sizes.areas, sizes.criteria += a.criteria.size();
    return sizes;
}

std::optional<std::size_t> check_limits(const FrameworkSpec& spec, std::vector<Diagnostic>& out) {
    return LimitChecker(spec, out).run();
}

}  // namespace routemap::detail
