// routemap::detail is not public API. Assessments as TOML: parsed with toml++ (through
// detail::parse_toml) but written by hand, so that comments and key order are ours.

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>
#include <cstdio>
#include <span>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/detail/format.hpp>
#include <routemap/framework.hpp>

#include "../detail/parallel.hpp"
#include "../detail/toml_reader.hpp"
#include "../detail/toml_sections.hpp"
#include "common.hpp"
#include "plain_criteria.hpp"

namespace routemap::detail {

namespace {

// Assessments are checked strictly: an unknown key is an error (a typo would otherwise lose data).
void unknown_keys(TomlReader& r, Problems& p, const toml::table& t, std::initializer_list<std::string_view> known,
                  std::string_view context, const std::string& criterion = {}) {
    const auto first = p.out.size();
    r.unknown_keys(t, known, context);
    for (auto i = first; i < p.out.size(); ++i) {
        p.out[i].severity = Severity::error;
        p.out[i].criterion_id = criterion;
    }
}

std::string read_toml_date(TomlReader& r, Problems& p, const toml::table& t) {
    const auto* n = t.get("date");
    if (!n) return {};
    std::string date;
    if (const auto* d = n->as_date()) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u", unsigned(d->get().year) % 10000u, unsigned(d->get().month),
                      unsigned(d->get().day));
        return buffer;
    }
    if (n->is_date_time() || n->is_time()) {
        p.error("key 'date' in [assessment] must be a date (YYYY-MM-DD), without a time", r.where(*n));
        return {};
    }
    date = r.string(t, "date", "[assessment]", false).value_or("");
    p.date(date, r.where(*n));
    return date;
}

// A record whose keys are all known and strings (each at most once): the usual record, however it was
// read. `line_offset`: lines before the text the values' lines count from.
void read_plain_record(Problems& p, const std::string& id, std::span<const PlainValue> values, std::uint32_t line_offset,
                       CriterionRecord& record) {
    std::array<const PlainValue*, record_keys.size()> by_key{};
    for (const auto& value : values) by_key[value.key] = &value;
    const auto first = p.out.size();
    const auto where = [&](std::size_t k) { return p.at(by_key[k]->line + line_offset, by_key[k]->column); };
    const auto text = [&](std::size_t k) { return by_key[k] ? by_key[k]->text : std::string_view(); };
    if (by_key[0]) p.status(record, std::string(text(0)), where(0), id);
    if (by_key[1]) p.answer(record, std::string(text(1)), where(1), id);
    record.evidence = text(2);
    record.note = text(3);
    record.owner = text(4);
    record.due = text(5);
    if (by_key[6]) p.reason(record, std::string(text(6)), where(6), id);
    record.exclusion_text = text(7);
    for (auto i = first; i < p.out.size(); ++i) p.out[i].criterion_id = id;
}

void read_toml_record(TomlReader& r, Problems& p, const std::string& id, const toml::node& node, CriterionRecord& record) {
    const auto first = p.out.size();
    const auto* t = node.as_table();
    record.location = r.where(node);
    if (!t) {
        p.error("criteria.\"" + id + "\" must be a table of status, evidence, ...", record.location, id);
        return;
    }
    if (std::any_of(t->begin(), t->end(), [](const auto& entry) { return entry.second.is_table(); })) {
        p.error("criteria." + id + " holds tables, not a criterion: criterion ids contain dots, so quote them, as in "
                "[criteria.\"domain.area.tier.1\"]",
                record.location, id);
        return;
    }
    // The usual record, known keys only and each a string, is read in one pass over its table (a big
    // assessment has 10^5 of them); any other goes the long way below, which reports every problem.
    // (A table's keys are distinct, so known keys are at most record_keys.size().)
    std::array<PlainValue, record_keys.size()> values{};
    std::size_t count = 0;
    bool usual = true;
    for (const auto& [key, value] : *t) {
        const auto known = std::find(record_keys.begin(), record_keys.end(), key.str());
        usual = known != record_keys.end() && value.is_string() && count < values.size();
        if (!usual) break;
        const auto& begin = value.source().begin;
        values[count++] = {static_cast<std::uint8_t>(known - record_keys.begin()), value.as_string()->get(),
                           static_cast<std::uint32_t>(begin.line), static_cast<std::uint32_t>(begin.column)};
    }
    if (usual) {
        read_plain_record(p, id, std::span(values.data(), count), r.line_offset(), record);
        return;
    }
    const auto context = "criterion '" + id + "'";
    unknown_keys(r, p, *t, {"status", "answer", "evidence", "note", "owner", "due", "reason", "reason_text"}, context, id);
    if (const auto s = r.string(*t, "status", context, false)) p.status(record, *s, r.where(*t->get("status")), id);
    if (const auto s = r.string(*t, "answer", context, false)) p.answer(record, *s, r.where(*t->get("answer")), id);
    record.evidence = r.string(*t, "evidence", context, false).value_or("");
    record.note = r.string(*t, "note", context, false).value_or("");
    record.owner = r.string(*t, "owner", context, false).value_or("");
    record.due = r.string(*t, "due", context, false).value_or("");
    if (const auto s = r.string(*t, "reason", context, false)) p.reason(record, *s, r.where(*t->get("reason")), id);
    record.exclusion_text = r.string(*t, "reason_text", context, false).value_or("");
    for (auto i = first; i < p.out.size(); ++i) p.out[i].criterion_id = id;
}


// Comment lines ("# ...") holding `text`, wrapped at about `width` columns; control characters
// (not allowed in TOML comments) become spaces.
void append_comment(std::string& out, std::string_view text, std::size_t width = 100) {
    std::vector<std::string> words(1);
    for (const char c : text) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) {
            if (!words.back().empty()) words.emplace_back();
        } else {
            words.back() += c;
        }
    }
    auto length = [](const std::string& s) {
        return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
    };
    std::string line = "#";
    std::size_t used = 1;
    for (const auto& word : words) {
        if (word.empty()) continue;
        if (used > 1 && used + 1 + length(word) > width) {
            out += line + '\n';
            line = "#";
            used = 1;
        }
        line += ' ' + word;
        used += 1 + length(word);
    }
    out += line + '\n';
}

void append_toml_record(std::string& out, const std::string& id, const CriterionRecord& r) {
    out += "[criteria." + toml_string(id) + "]\n";
    if (r.answer.empty()) out += "status = " + toml_string(to_string(r.status)) + '\n';
    else out += "answer = " + toml_string(r.answer) + '\n';
    out += "evidence = " + toml_string(r.evidence) + '\n';
    auto optional = [&](std::string_view key, const std::string& value) {
        if (!value.empty()) out += std::string(key) + " = " + toml_string(value) + '\n';
    };
    optional("note", r.note);
    optional("owner", r.owner);
    optional("due", r.due);
    if (r.exclusion) out += "reason = " + toml_string(to_string(*r.exclusion)) + '\n';
    optional("reason_text", r.exclusion_text);
}

}  // namespace

namespace {

// The root but its criteria. False: a format version this build cannot read (read no further).
bool read_head(TomlReader& r, Problems& p, const toml::table& root, Assessment& a) {
    unknown_keys(r, p, root, {"format_version", "assessment", "criteria"}, "the file");
    if (const auto version = r.integer(root, "format_version", "the file", true))
        if (!p.format_version(*version, r.where(*root.get("format_version")))) return false;
    if (const auto* t = r.table(root, "assessment", "the file", true)) {
        const std::string context = "[assessment]";
        unknown_keys(r, p, *t, {"framework", "framework_version", "subject", "date", "assessors", "notes"}, context);
        a.framework_id = r.string(*t, "framework", context, true).value_or("");
        a.framework_version = r.string(*t, "framework_version", context, true).value_or("");
        a.subject = r.string(*t, "subject", context, false).value_or("");
        a.date = read_toml_date(r, p, *t);
        a.assessors = r.strings(*t, "assessors", context);
        a.notes = r.string(*t, "notes", context, false).value_or("");
    }
    return true;
}

// One criterion's record read from a piece, with the problems found in it.
struct PieceRecord {
    std::string id;
    CriterionRecord record;
    std::vector<Diagnostic> problems;
};

// The records of a piece of the file, in id order (as toml++ keeps a table's keys). False: the piece
// holds more than criteria, or does not parse alone: read the whole file.
bool read_piece(const TomlPiece& piece, const std::string& file, std::vector<PieceRecord>& out) {
    if (const auto plain = scan_plain_criteria(piece.text)) {  // written as routemap writes: no tree needed
        std::vector<Diagnostic> problems;
        Problems p{file, problems};
        out.reserve(plain->sections.size());
        for (const auto& section : plain->sections) {
            auto& entry = out.emplace_back();
            entry.id = section.id;
            entry.record.location = p.at(section.line + piece.line_offset, 1);
            read_plain_record(p, entry.id, std::span(plain->values).subspan(section.first_value, section.value_count),
                              piece.line_offset, entry.record);
            if (!problems.empty()) entry.problems = std::exchange(problems, {});
        }
        return true;
    }
    const auto root = parse_checked_toml(piece.text, file, piece.line_offset, nullptr);
    if (!root || root->size() != 1) return false;
    const auto* criteria = root->get_as<toml::table>("criteria");
    if (!criteria) return false;
    std::vector<Diagnostic> problems;
    Problems p{file, problems};
    TomlReader r(file, problems, piece.line_offset);
    out.reserve(criteria->size());
    for (const auto& [key, node] : *criteria) {
        auto& entry = out.emplace_back();
        entry.id = std::string(key.str());
        read_toml_record(r, p, entry.id, node, entry.record);
        if (!problems.empty()) entry.problems = std::exchange(problems, {});
    }
    return true;
}

// A big file's criteria, read in pieces on several threads (../detail/toml_sections.hpp). False:
// read it whole instead; nothing was added to `p`.
bool read_split(const TomlSplit& split, std::size_t threads, Problems& p, Assessment& out) {
    const auto bounds = piece_bounds(split, threads);
    const auto parts = bounds.size() - 1;
    std::vector<std::vector<std::vector<PieceRecord>>> read(parts);  // by part, then piece
    std::vector<char> ok(parts, 1);
    std::vector<Diagnostic> head_problems;
    Problems head{p.file, head_problems};
    Assessment a;
    bool rest_ok = false, supported = true;
    run_parts(parts, [&](std::size_t part) {
        if (part == 0) {  // the rest of the file first, on the caller's thread
            const auto root = parse_checked_toml(split.rest, p.file, 0, nullptr);
            if (!root || root->contains("criteria")) return;
            rest_ok = true;
            TomlReader r(p.file, head_problems);
            supported = read_head(r, head, *root, a);
        }
        for (auto i = bounds[part]; i < bounds[part + 1] && ok[part]; ++i)
            ok[part] = read_piece(split.pieces[i], p.file, read[part].emplace_back());
    });
    // A format version this build does not read stops the reading before the criteria: whether the
    // file is even TOML (a criterion defined in two pieces is not) is then for the whole text's parse.
    if (!rest_ok || !supported || std::find(ok.begin(), ok.end(), 0) != ok.end()) return false;
    // Each piece's records are in id order: merge them into the order of the whole file's table.
    std::vector<PieceRecord> records;
    std::vector<std::size_t> runs{0};
    std::size_t total = 0;
    for (const auto& pieces : read)
        for (const auto& piece : pieces) total += piece.size();
    records.reserve(total);
    for (auto& pieces : read)
        for (auto& piece : pieces) {
            std::move(piece.begin(), piece.end(), std::back_inserter(records));
            runs.push_back(records.size());
        }
    auto by_id = [](const PieceRecord& x, const PieceRecord& y) { return x.id < y.id; };
    for (std::size_t width = 1; width + 1 < runs.size(); width *= 2)
        for (std::size_t i = 0; i + width + 1 < runs.size(); i += 2 * width) {
            const auto first = records.begin() + static_cast<std::ptrdiff_t>(runs[i]);
            const auto middle = records.begin() + static_cast<std::ptrdiff_t>(runs[i + width]);
            const auto last = records.begin() + static_cast<std::ptrdiff_t>(runs[std::min(i + 2 * width, runs.size() - 1)]);
            std::inplace_merge(first, middle, last, by_id);
        }
    // A criterion in two pieces is a table defined twice, or extended across the cut: the whole file's
    // reading says which, and how toml++ words it.
    if (std::adjacent_find(records.begin(), records.end(), [](const auto& x, const auto& y) { return x.id == y.id; }) !=
        records.end())
        return false;
    p.out.insert(p.out.end(), head_problems.begin(), head_problems.end());
    for (auto& entry : records) {
        std::move(entry.problems.begin(), entry.problems.end(), std::back_inserter(p.out));
        a.records.emplace_hint(a.records.end(), std::move(entry.id), std::move(entry.record));
    }
    out = std::move(a);
    return true;
}

}  // namespace

Assessment read_toml(std::string_view text, Problems& p, const SplitReading& reading) {
    Assessment a;
    const auto checked = check_toml(text, p.file, p.out);
    if (!checked) return a;
    // Pieces pay on one thread too once the text is big: those written plainly skip toml++ (plain_criteria.hpp).
    const auto threads = reading.threads ? reading.threads : reading_threads(text.size());
    if (reading.enabled && !checked->rewritten && (threads > 1 || text.size() >= 128 * 1024)) {
        const auto piece_bytes = std::max<std::size_t>(reading.piece_bytes, text.size() / threads);
        if (const auto split = split_toml(text, checked->headers, "criteria", CutAt::subtable, piece_bytes))
            if (read_split(*split, threads, p, a)) return a;
    }
    const auto root = parse_checked_toml(checked->rewritten ? std::string_view(checked->text) : text, p.file, 0, &p.out);
    if (!root) return a;
    TomlReader r(p.file, p.out);
    if (!read_head(r, p, *root, a)) return a;
    if (const auto* criteria = r.table(*root, "criteria", "the file", false))
        for (const auto& [key, node] : *criteria) {
            const std::string id(key.str());
            read_toml_record(r, p, id, node, a.records[id]);
        }
    return a;
}

std::string format_toml(const Assessment& a, const Framework* framework) {
    std::string out;
    if (framework)
        append_comment(out, "Assessment against " + framework->name() + " (" + framework->id() + " " + framework->version() + ").");
    append_comment(out, "status: " + std::string(status_names) + ". A not_applicable criterion needs a reason: " +
                            std::string(reason_names) + " (and reason_text to explain).");
    // The answer scales, listed where they apply: the framework's at the top, a domain's own at each of
    // its criteria.
    auto scale_text = [](std::span<const Answer> scale) {
        std::string text;
        for (const auto& answer : scale) {
            text += (text.empty() ? "" : "; ") + answer.id + " (" + answer.name + ", credit " +
                    format_decimal(answer.credit, 4, "") + ", counts as " + std::string(to_string(answer.meaning)) + ")";
        }
        return text;
    };
    std::span<const Answer> framework_scale;  // the scale of the domains that have none of their own
    if (framework) {
        const auto all = framework->answers();
        const auto own = std::find_if(all.begin(), all.end(), [](const Answer& x) { return !x.domain.empty(); });
        framework_scale = all.first(static_cast<std::size_t>(own - all.begin()));
        if (!framework_scale.empty())
            append_comment(out, "Instead of a status, a criterion may be given an answer of the framework's answer "
                                "scale, as answer = \"id\": " + scale_text(framework_scale) + ".");
    }
    out += "format_version = " + std::to_string(assessment_format_version) + "\n\n[assessment]\n";
    out += "framework = " + toml_string(a.framework_id) + '\n';
    out += "framework_version = " + toml_string(a.framework_version) + '\n';
    out += "subject = " + toml_string(a.subject) + '\n';
    out += "date = " + toml_string(a.date) + '\n';
    out += "assessors = [";
    for (std::size_t i = 0; i < a.assessors.size(); ++i) out += (i ? ", " : "") + toml_string(a.assessors[i]);
    out += "]\nnotes = " + toml_string(a.notes) + '\n';
    static const CriterionRecord unknown;
    if (framework) {
        for (const auto& c : framework->criteria()) {
            const auto& domain = framework->domains()[c.domain];
            const auto& area = framework->areas()[c.area];
            const auto& tier = framework->tiers()[c.tier];
            out += '\n';
            append_comment(out, area.implicit ? domain.name + " — " + tier.name
                                              : domain.name + " / " + area.name + " — " + tier.name);
            append_comment(out, c.text);
            if (const auto scale = framework->answers_of(c); !scale.empty() && !scale.front().domain.empty())
                append_comment(out, "answers: " + scale_text(scale));
            const auto it = a.records.find(c.id);
            append_toml_record(out, c.id, it == a.records.end() ? unknown : it->second);
        }
    }
    bool first_extra = true;
    for (const auto& [id, record] : a.records) {
        if (framework && framework->find_criterion(id)) continue;
        out += '\n';
        if (framework && first_extra)
            append_comment(out, "Not criteria of " + framework->id() + " " + framework->version() + ":");
        first_extra = false;
        append_toml_record(out, id, record);
    }
    return out;
}

}  // namespace routemap::detail
