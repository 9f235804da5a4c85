// Migrating an assessment across framework versions: apply the framework's [[changes]] in order.

#include <routemap/migration.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>

namespace routemap {

int compare_versions(std::string_view a, std::string_view b) noexcept {
    while (!a.empty() || !b.empty()) {
        const auto ta = a.substr(0, a.find('.')), tb = b.substr(0, b.find('.'));
        a = a.find('.') == std::string_view::npos ? std::string_view{} : a.substr(a.find('.') + 1);
        b = b.find('.') == std::string_view::npos ? std::string_view{} : b.substr(b.find('.') + 1);
        const bool na = !ta.empty() && std::all_of(ta.begin(), ta.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        const bool nb = !tb.empty() && std::all_of(tb.begin(), tb.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        if (na && nb) {
            // Compare as numbers without overflow: drop leading zeros, then length, then digits.
            auto strip = [](std::string_view s) { return s.substr(std::min(s.find_first_not_of('0'), s.size())); };
            const auto sa = strip(ta), sb = strip(tb);
            if (sa.size() != sb.size()) return sa.size() < sb.size() ? -1 : 1;
            if (sa != sb) return sa < sb ? -1 : 1;
        } else if (ta != tb) {
            if (ta.empty()) return -1;
            if (tb.empty()) return 1;
            return ta < tb ? -1 : 1;
        }
    }
    return 0;
}

std::vector<FrameworkChange> changes_since(const Framework& framework, std::string_view version) {
    std::vector<FrameworkChange> out;
    for (const auto& c : framework_changes(framework))
        if (compare_versions(c.since, version) >= 0 && compare_versions(c.since, framework.version()) < 0) out.push_back(c);
    return out;
}

namespace {

int rank(Status s) {
    switch (s) {
        case Status::met: return 3;
        case Status::partial: return 2;
        case Status::not_met: return 1;
        default: return 0;
    }
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string with_review(const std::string& what, const std::string& note) {
    return "REVIEW: " + what + (note.empty() ? std::string() : " Earlier note: " + note);
}

// Replaces a whole dotted segment `from` by `to` in an id ("a.fundamental.1" -> "a.foundation.1").
std::string replace_segment(const std::string& id, const std::string& from, const std::string& to) {
    std::string out;
    std::size_t start = 0;
    while (start <= id.size()) {
        auto end = id.find('.', start);
        if (end == std::string::npos) end = id.size();
        const auto segment = id.substr(start, end - start);
        out += (start ? "." : "") + (segment == from ? to : segment);
        start = end + 1;
    }
    return out;
}

}  // namespace

std::vector<std::string> Migration::differences() const {
    std::vector<std::string> out;
    for (const auto& step : log) out.push_back(step.kind + ": " + step.detail);
    return out;
}

Migration migrate(const Framework& framework, const Assessment& assessment) {
    if (assessment.framework_id != framework.id())
        throw AssessmentError("cannot migrate an assessment of '" + assessment.framework_id + "' with framework '" + framework.id() + "'");
    if (compare_versions(assessment.framework_version, framework.version()) > 0)
        throw AssessmentError("the assessment is of " + framework.id() + " " + assessment.framework_version +
                              ", later than the framework's " + framework.version() + ": use the newer framework");
    Migration m;
    m.framework_id = framework.id();
    m.from_version = assessment.framework_version;
    m.to_version = framework.version();
    auto records = assessment.records;
    for (const auto& change : changes_since(framework, assessment.framework_version)) {
        MigrationStep step{change.kind, change.from, change.to, {}};
        if (change.kind == "renamed" || change.kind == "moved") {
            const auto it = records.find(change.from[0]);
            if (it == records.end()) continue;
            auto record = std::move(it->second);
            records.erase(it);
            records[change.to[0]] = std::move(record);
            step.detail = change.from[0] + " is now " + change.to[0] + " (record moved)";
        } else if (change.kind == "tier_renamed") {
            std::map<std::string, CriterionRecord> renamed;
            std::size_t moved = 0;
            for (auto& [id, record] : records) {
                auto new_id = replace_segment(id, change.from[0], change.to[0]);
                moved += new_id != id;
                renamed[std::move(new_id)] = std::move(record);
            }
            records = std::move(renamed);
            step.detail = "tier '" + change.from[0] + "' is now '" + change.to[0] + "' (" + std::to_string(moved) + " records renamed)";
        } else if (change.kind == "split") {
            const auto it = records.find(change.from[0]);
            if (it == records.end()) continue;
            const auto record = std::move(it->second);
            records.erase(it);
            for (const auto& id : change.to) {
                auto copy = record;
                copy.note = with_review("split from " + change.from[0] + " (" + std::string(to_string(record.status)) +
                                            "); check this part on its own.",
                                        record.note);
                records[id] = std::move(copy);
            }
            step.detail = change.from[0] + " is split into " + joined(change.to) + " (each starts with its status, " +
                          std::string(to_string(record.status)) + ", flagged REVIEW:)";
        } else if (change.kind == "merged") {
            std::vector<std::pair<std::string, CriterionRecord>> parts;
            for (const auto& id : change.from)
                if (auto it = records.find(id); it != records.end()) {
                    parts.emplace_back(id, std::move(it->second));
                    records.erase(it);
                }
            if (parts.empty()) continue;
            const bool all_na = std::all_of(parts.begin(), parts.end(), [](const auto& p) { return p.second.status == Status::not_applicable; });
            CriterionRecord merged;
            std::string what;
            if (all_na) {
                merged = parts.front().second;
            } else {
                merged.status = Status::met;
                for (const auto& [id, r] : parts)
                    if (r.status != Status::not_applicable && rank(r.status) < rank(merged.status)) merged.status = r.status;
                for (const auto& [id, r] : parts) {
                    if (!r.evidence.empty()) merged.evidence += (merged.evidence.empty() ? "" : " ") + ("[" + id + "] " + r.evidence);
                    if (merged.owner.empty()) merged.owner = r.owner;
                    if (merged.due.empty()) merged.due = r.due;
                }
            }
            for (const auto& [id, r] : parts) what += (what.empty() ? "" : ", ") + id + " (" + std::string(to_string(r.status)) + ")";
            merged.note = with_review("merged from " + what + "; the lowest status is kept.", {});
            for (const auto& [id, r] : parts)
                if (!r.note.empty()) merged.note += " [" + id + "] " + r.note;
            records[change.to[0]] = std::move(merged);
            step.detail = what + " are merged into " + change.to[0] + " (status " + std::string(to_string(records[change.to[0]].status)) + ")";
        } else if (change.kind == "removed") {
            std::vector<std::string> kept;
            for (const auto& id : change.from)
                if (auto it = records.find(id); it != records.end()) {
                    m.removed[id] = std::move(it->second);
                    records.erase(it);
                    kept.push_back(id);
                }
            if (kept.empty()) continue;
            step.detail = joined(kept) + " removed from the framework (records kept aside, unchanged)";
        }
        if (!change.note.empty()) step.detail += ". " + change.note;
        m.log.push_back(std::move(step));
    }
    // Anything the new version does not know and no change explains is kept aside too, never dropped.
    for (auto it = records.begin(); it != records.end();) {
        if (framework.find_criterion(it->first)) {
            ++it;
            continue;
        }
        m.log.push_back({"kept_aside", {it->first}, {}, it->first + " is not in " + framework.id() + " " + framework.version() +
                                                          " and no change names it (record kept aside, unchanged)"});
        m.removed[it->first] = std::move(it->second);
        it = records.erase(it);
    }
    m.migrated = assessment;
    m.migrated.records = std::move(records);
    m.migrated.framework_version = framework.version();
    m.migrated.notes += std::string(m.migrated.notes.empty() ? "" : " ") + "[Migrated from " + framework.id() + " " + m.from_version +
                        " to " + m.to_version + " by routemap: " + std::to_string(m.log.size()) + " changes applied, " +
                        std::to_string(m.removed.size()) + " records kept aside.]";
    if (auto problems = m.migrated.check(framework); has_errors(problems)) throw AssessmentError(std::move(problems));
    return m;
}

namespace {

std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (const unsigned char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04X", c);
            out += buffer;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + '"';
}

std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + quoted(items[i]);
    return out + "]";
}

}  // namespace

std::string format_migration_record(const Migration& m) {
    std::string out = "# Written by routemap migrate: how an assessment moved to a new framework version, and the records of\n"
                      "# criteria the new version no longer has (docs/versions.md). Keep it beside the migrated assessment.\n"
                      "format_version = 1\n\n[migration]\n";
    out += "framework = " + quoted(m.framework_id) + "\nfrom_version = " + quoted(m.from_version) + "\nto_version = " +
           quoted(m.to_version) + "\nsubject = " + quoted(m.migrated.subject) + "\ndate = " + quoted(m.migrated.date) + "\n";
    for (const auto& step : m.log)
        out += "\n[[log]]\nkind = " + quoted(step.kind) + "\nfrom = " + list(step.from) + "\nto = " + list(step.to) +
               "\ndetail = " + quoted(step.detail) + "\n";
    for (const auto& [id, r] : m.removed) {
        out += "\n[removed." + quoted(id) + "]\nstatus = " + quoted(to_string(r.status)) + "\n";
        if (!r.evidence.empty()) out += "evidence = " + quoted(r.evidence) + "\n";
        if (!r.note.empty()) out += "note = " + quoted(r.note) + "\n";
        if (!r.owner.empty()) out += "owner = " + quoted(r.owner) + "\n";
        if (!r.due.empty()) out += "due = " + quoted(r.due) + "\n";
        if (r.exclusion) out += "reason = " + quoted(to_string(*r.exclusion)) + "\n";
        if (!r.exclusion_text.empty()) out += "reason_text = " + quoted(r.exclusion_text) + "\n";
    }
    return out;
}

}  // namespace routemap
