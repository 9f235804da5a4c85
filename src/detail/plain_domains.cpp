// routemap::detail is not public API. See plain_domains.hpp.

#include "plain_domains.hpp"

#include "plain_toml.hpp"

namespace routemap::detail {

namespace {

class DomainScan {
public:
    DomainScan(std::string_view piece, const std::string& file, std::uint32_t line_offset)
        : toml_(piece), file_(file), line_offset_(line_offset) {}

    std::optional<std::vector<DomainSpec>> run() {
        while (!toml_.at_end()) {
            if (toml_.blank_line()) continue;
            if (toml_.at_bracket()) {
                if (!finish_table()) return std::nullopt;
                const auto at = where(toml_.line(), 1);
                if (toml_.header("[[domains]]")) {
                    domains_.emplace_back().location = at;
                    table_ = Table::domain;
                } else if (!domains_.empty() && toml_.header("[[domains.areas]]")) {
                    domains_.back().areas.emplace_back().location = at;
                    table_ = Table::area;
                } else if (!domains_.empty() && !domains_.back().areas.empty() && toml_.header("[[domains.areas.criteria]]")) {
                    domains_.back().areas.back().criteria.emplace_back().location = at;
                    table_ = Table::criterion;
                } else {
                    return std::nullopt;
                }
                given_.clear();
                continue;
            }
            const auto key = toml_.key_equals();
            if (!key || !value(*key) || !toml_.end_of_line()) return std::nullopt;
        }
        if (!finish_table()) return std::nullopt;
        return std::move(domains_);
    }

private:
    enum class Table { none, domain, area, criterion };

    SourceLocation where(std::uint32_t line, std::uint32_t column) const { return {file_, line + line_offset_, column}; }
    SourceLocation where(const PlainString& s) const { return where(s.line, s.column); }

    bool string_into(std::string& out, SourceLocation* at = nullptr) {
        const auto s = toml_.string();
        if (!s) return false;
        out = s->text;
        if (at) *at = where(*s);
        return true;
    }
    bool strings_into(std::vector<std::string>& out, std::vector<SourceLocation>* locations = nullptr,
                      SourceLocation* array_at = nullptr) {
        PlainString start;
        const auto elements = toml_.string_array(start);
        if (!elements) return false;
        for (const auto& e : *elements) {
            out.emplace_back(e.text);
            if (locations) locations->push_back(where(e));
        }
        if (array_at) *array_at = where(start);
        return true;
    }

    bool value(std::string_view key) {
        switch (table_) {
            case Table::domain: {
                auto& d = domains_.back();
                static constexpr std::string_view keys[] = {"id", "name", "step", "summary", "description"};
                const auto k = given_.take(key, keys);
                if (!k) return false;
                std::string* fields[] = {&d.id, &d.name, &d.step, &d.summary, &d.description};
                return string_into(*fields[*k], *k == 0 ? &d.id_location : nullptr);
            }
            case Table::area: {
                auto& a = domains_.back().areas.back();
                static constexpr std::string_view keys[] = {"id", "name", "description", "tiers"};
                const auto k = given_.take(key, keys);
                if (!k) return false;
                if (*k == 3) return strings_into(a.tiers, &a.tier_locations, &a.tiers_location);
                std::string* fields[] = {&a.id, &a.name, &a.description};
                return string_into(*fields[*k], *k == 0 ? &a.id_location : nullptr);
            }
            case Table::criterion: {
                auto& c = domains_.back().areas.back().criteria.back();
                static constexpr std::string_view keys[] = {"id", "tier", "text", "source", "details", "requires", "tags"};
                const auto k = given_.take(key, keys);
                if (!k) return false;
                switch (*k) {
                    case 0: return string_into(c.id, &c.id_location);
                    case 1: return string_into(c.tier, &c.tier_location);
                    case 2: return string_into(c.text);
                    case 3: return string_into(c.source);
                    case 4: return strings_into(c.details);
                    case 5: return strings_into(c.requires_ids, &c.requires_locations);
                    default: return strings_into(c.tags);
                }
            }
            case Table::none: break;
        }
        return false;
    }

    // The table just read has every key its reader requires (else the reader has something to say);
    // an area's criteria are checked once all is read.
    bool finish_table() {
        switch (table_) {
            case Table::domain:
            case Table::area: return given_.has(0) && given_.has(1);  // id, name
            case Table::criterion: return given_.has(0) && given_.has(2);  // id, text
            case Table::none: break;
        }
        return true;
    }

private:
    PlainToml toml_;
    const std::string& file_;
    std::uint32_t line_offset_;
    std::vector<DomainSpec> domains_;
    Table table_ = Table::none;
    GivenKeys given_;  // the current table's keys so far
};

}  // namespace

std::optional<std::vector<DomainSpec>> scan_plain_domains(std::string_view piece, const std::string& file,
                                                          std::uint32_t line_offset) {
    DomainScan scan(piece, file, line_offset);
    auto domains = scan.run();
    if (!domains) return std::nullopt;
    for (const auto& d : *domains)
        for (const auto& a : d.areas)
            if (a.criteria.empty()) return std::nullopt;
    return domains;
}

}  // namespace routemap::detail
