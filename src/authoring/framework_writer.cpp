// format_framework_spec: a FrameworkSpec as a framework file (docs/framework-format.md).

#include <routemap/authoring.hpp>

#include "assessment_io/common.hpp"

#include <charconv>
#include <cstdio>

namespace routemap {

namespace {

std::string quoted(std::string_view s) { return detail::toml_string(s); }

std::string number(double value) {
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string out(buffer, ec == std::errc() ? end : buffer);
    // TOML needs a digit after the exponent sign and allows no bare "inf"/"nan" here; plain values only.
    return out.empty() ? "0" : out;
}

std::string strings(const std::vector<std::string>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + quoted(values[i]);
    return out + "]";
}

void line(std::string& out, std::string_view key, const std::string& value, bool always = false) {
    if (always || !value.empty()) out += std::string(key) + " = " + quoted(value) + "\n";
}

void answers(std::string& out, const std::vector<AnswerSpec>& scale, std::string_view table) {
    for (const auto& a : scale) {
        out += "\n[[" + std::string(table) + "]]\n";
        line(out, "id", a.id, true);
        line(out, "name", a.name, true);
        line(out, "description", a.description);
        out += "credit = " + number(a.credit) + "\n";
        if (a.meaning) line(out, "counts_as", std::string(to_string(*a.meaning)), true);
    }
}

void actions(std::string& out, const std::vector<Action>& list, const std::string& table) {
    for (const auto& a : list) {
        out += "\n[[" + table + "]]\n";
        line(out, "text", a.text, true);
        actions(out, a.children, table + ".children");
    }
}

void criteria(std::string& out, const std::vector<CriterionSpec>& list, std::string_view table) {
    for (const auto& c : list) {
        out += "\n[[" + std::string(table) + "]]\n";
        line(out, "id", c.id, true);
        line(out, "tier", c.tier);
        line(out, "text", c.text, true);
        if (!c.details.empty()) out += "details = " + strings(c.details) + "\n";
        if (!c.requires_ids.empty()) out += "requires = " + strings(c.requires_ids) + "\n";
        if (c.weight != 1.0) out += "weight = " + number(c.weight) + "\n";
        if (!c.tags.empty()) out += "tags = " + strings(c.tags) + "\n";
        line(out, "source", c.source);
    }
}

}  // namespace

std::string format_framework_spec(const FrameworkSpec& spec) {
    const auto& info = spec.info;
    std::string out = "format_version = " + std::to_string(spec.format_version) + "\n\n[framework]\n";
    line(out, "id", info.id, true);
    line(out, "name", info.name, true);
    line(out, "version", info.version, true);
    line(out, "level", info.level, true);
    line(out, "publisher", info.publisher, true);
    out += "year = " + std::to_string(info.year) + "\n";
    line(out, "source", info.source, true);
    line(out, "description", info.description);
    if (info.status != "published") line(out, "status", info.status, true);
    if (spec.implicit_edges == ImplicitEdges::none) out += "implicit_edges = \"none\"\n";
    if (!info.metadata.empty()) {
        out += "\n[framework.metadata]\n";
        for (const auto& [key, values] : info.metadata)
            out += quoted(key) + " = " + (values.size() == 1 ? quoted(values[0]) : strings(values)) + "\n";
    }
    if (spec.scoring.default_model != "staged" || !spec.scoring.parameters.empty()) {
        out += "\n[scoring]\n";
        line(out, "default_model", spec.scoring.default_model, true);
        for (const auto& [model, parameters] : spec.scoring.parameters) {
            out += "\n[scoring.parameters." + quoted(model) + "]\n";
            for (const auto& [key, value] : parameters) out += quoted(key) + " = " + number(value) + "\n";
        }
    }
    answers(out, spec.answers, "answers");
    for (const auto& t : spec.tiers) {
        out += "\n[[tiers]]\n";
        line(out, "id", t.id, true);
        line(out, "name", t.name, true);
        line(out, "description", t.description);
    }
    for (const auto& d : spec.domains) {
        out += "\n[[domains]]\n";
        line(out, "id", d.id, true);
        line(out, "name", d.name, true);
        line(out, "step", d.step);
        line(out, "summary", d.summary);
        line(out, "description", d.description);
        answers(out, d.answers, "domains.answers");
        actions(out, d.actions, "domains.actions");
        for (const auto& a : d.areas) {
            if (a.implicit) {
                criteria(out, a.criteria, "domains.criteria");
                continue;
            }
            out += "\n[[domains.areas]]\n";
            line(out, "id", a.id, true);
            line(out, "name", a.name, true);
            line(out, "description", a.description);
            if (!a.tiers.empty()) out += "tiers = " + strings(a.tiers) + "\n";
            criteria(out, a.criteria, "domains.areas.criteria");
        }
    }
    return out;
}

}  // namespace routemap
