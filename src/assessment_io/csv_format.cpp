// routemap::detail is not public API. Assessments as CSV: one row per criterion, the assessment's
// own fields repeated on every row (and checked to be the same), assessors separated by ';'.

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/limits.hpp>

#include "../detail/csv.hpp"
#include "../detail/suggest.hpp"
#include "common.hpp"

namespace routemap::detail {

namespace {

const std::vector<std::string> csv_columns{
    "framework", "framework_version", "subject", "date", "assessors", "criterion_id", "domain", "area", "tier", "text",
    "status", "evidence", "note", "owner", "due", "reason", "reason_text", "assessment_notes"};
const std::vector<std::string> csv_assessment_columns{"framework", "framework_version", "subject", "date", "assessors",
                                                      "assessment_notes"};
// With answer scales (or answers recorded), an `answer` column follows `status`.
const std::vector<std::string> csv_columns_with_answers{
    "framework", "framework_version", "subject", "date", "assessors", "criterion_id", "domain", "area", "tier", "text",
    "status", "answer", "evidence", "note", "owner", "due", "reason", "reason_text", "assessment_notes"};
const std::vector<std::string> csv_record_columns{"status", "answer", "evidence", "note", "owner", "due", "reason",
                                                  "reason_text"};

std::vector<std::string> split_assessors(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(';', start), text.size());
        auto name = text.substr(start, end - start);
        while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
        if (!name.empty()) out.emplace_back(name);
        start = end + 1;
    }
    return out;
}

}  // namespace

Assessment read_csv(std::string_view text, Problems& p) {
    Assessment a;
    // The TOML and JSON readers refuse text that is not UTF-8; so does this one, with a position.
    if (const auto bad = find_invalid_utf8(text)) {
        p.error("malformed CSV: " + bad->message, p.at(bad->line, bad->column));
        return a;
    }
    // Spreadsheets in many locales save "CSV" with semicolons (or tabs): read what the header uses.
    const auto table = parse_csv(text, detect_csv_separator(text));
    for (const auto& problem : table.problems) p.error("malformed CSV: " + problem.message, p.at(problem.line, problem.column));
    for (const auto& row : table.rows)
        for (const auto& f : row.fields)
            if (f.value.size() > limits::max_string_bytes)
                p.error("a field of " + std::to_string(f.value.size()) + " bytes: fields are at most " +
                            std::to_string(limits::max_string_bytes) + " bytes, routemap's limit (docs/limits.md)",
                        p.at(f.line, f.column));
    if (!p.out.empty()) return a;
    if (table.rows.empty()) {
        p.error("the CSV file is empty: expected a header row (" + csv_columns.front() + ", ...)", p.at(1, 1));
        return a;
    }
    const auto header_errors = p.out.size();
    std::map<std::string, std::size_t> column;  // name -> field index
    for (std::size_t i = 0; i < table.rows[0].fields.size(); ++i) {
        const auto& f = table.rows[0].fields[i];
        if (std::find(csv_columns_with_answers.begin(), csv_columns_with_answers.end(), f.value) ==
            csv_columns_with_answers.end())
            p.error("unknown column '" + f.value + "' in the header" + did_you_mean(f.value, csv_columns_with_answers),
                    p.at(f.line, f.column));
        else if (!column.emplace(f.value, i).second)
            p.error("column '" + f.value + "' appears twice in the header", p.at(f.line, f.column));
    }
    for (const auto* required : {"framework", "framework_version", "criterion_id"})
        if (!column.count(required)) p.error("the header has no '" + std::string(required) + "' column", p.at(1, 1));
    if (header_errors != p.out.size()) return a;  // rows cannot be read without a usable header

    const CsvRow* first_row = nullptr;
    std::map<std::string, std::uint32_t> seen;  // criterion id -> line
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const auto row_name = "row " + std::to_string(r) + " (line " + std::to_string(row.line) + ")";
        if (row.fields.size() != table.rows[0].fields.size()) {
            p.error(row_name + " has " + std::to_string(row.fields.size()) + " fields, but the header has " +
                        std::to_string(table.rows[0].fields.size()),
                    p.at(row.line, 1));
            continue;
        }
        auto field = [&](const std::string& name) -> const CsvField* {
            const auto it = column.find(name);
            return it == column.end() ? nullptr : &row.fields[it->second];
        };
        // Cells are written neutralised against formula injection (csv.hpp); read back as they were.
        auto value = [&](const std::string& name) { return field(name) ? restore_formula(field(name)->value) : std::string(); };
        auto where = [&](const std::string& name) { return field(name) ? p.at(field(name)->line, field(name)->column) : p.at(row.line, 1); };
        if (!first_row) {
            first_row = &row;
            a.framework_id = value("framework");
            a.framework_version = value("framework_version");
            a.subject = value("subject");
            a.date = value("date");
            p.date(a.date, where("date"));
            a.assessors = split_assessors(value("assessors"));
            a.notes = value("assessment_notes");
        } else {
            for (const auto& name : csv_assessment_columns) {
                const auto it = column.find(name);
                if (it == column.end() || row.fields[it->second].value == first_row->fields[it->second].value) continue;
                p.error(row_name + ": " + name + " '" + row.fields[it->second].value + "' differs from '" +
                            first_row->fields[it->second].value + "' on line " + std::to_string(first_row->line) +
                            " (assessment columns must be the same on every row)",
                        where(name));
            }
        }
        const auto id = value("criterion_id");
        if (id.empty()) {  // a row holding only the assessment (written when there are no criteria)
            for (const auto& name : csv_record_columns)
                if (!value(name).empty())
                    p.error(row_name + " has a " + name + " but no criterion_id", where(name));
            continue;
        }
        if (const auto [it, inserted] = seen.emplace(id, row.line); !inserted) {
            p.error(row_name + ": criterion '" + id + "' appears again (first on line " + std::to_string(it->second) + ")",
                    where("criterion_id"), id);
            continue;
        }
        auto& record = a.records[id];
        record.location = where("criterion_id");
        p.status(record, value("status"), where("status"), id);
        p.answer(record, value("answer"), where("answer"), id);
        record.evidence = value("evidence");
        record.note = value("note");
        record.owner = value("owner");
        record.due = value("due");
        p.reason(record, value("reason"), where("reason"), id);
        record.exclusion_text = value("reason_text");
    }
    if (!first_row) p.error("the CSV file has a header but no rows: the assessment's framework is unknown", p.at(1, 1));
    return a;
}

std::string format_csv(const Assessment& a, const Framework* framework) {
    std::vector<Diagnostic> problems;
    for (const auto& name : a.assessors)
        if (const auto parts = split_assessors(name); parts.size() != 1 || parts.front() != name)
            problems.push_back({Severity::error,
                                "assessor '" + name + "' cannot be written to CSV, where assessors are separated by ';' "
                                "(no ';', no leading or trailing spaces, not empty)",
                                {}, a.framework_id, {}});
    if (!problems.empty()) throw AssessmentError(std::move(problems));

    bool answers = framework && !framework->answers().empty();
    for (const auto& [id, r] : a.records) answers = answers || !r.answer.empty();
    std::string out;
    append_csv_row(out, answers ? csv_columns_with_answers : csv_columns);
    std::string assessors;
    for (const auto& name : a.assessors) assessors += (assessors.empty() ? "" : "; ") + name;
    auto row = [&](const std::string& id, const CriterionRecord& r, const Criterion* c) {
        const auto* f = framework;
        // An answered record has no status of its own (its answer's meaning is): the cell stays empty.
        std::vector<std::string> cells{
            a.framework_id, a.framework_version, a.subject, a.date, assessors, id,
            c ? f->domains()[c->domain].name : "", c ? f->areas()[c->area].name : "", c ? f->tiers()[c->tier].name : "",
            c ? c->text : "", id.empty() || !r.answer.empty() ? "" : std::string(to_string(r.status)), r.evidence, r.note,
            r.owner, r.due, r.exclusion ? std::string(to_string(*r.exclusion)) : "", r.exclusion_text, a.notes};
        if (answers) cells.insert(cells.begin() + 11, r.answer);
        append_csv_row(out, cells);
    };
    static const CriterionRecord unknown;
    bool any = false;
    if (framework)
        for (const auto& c : framework->criteria()) {
            const auto it = a.records.find(c.id);
            row(c.id, it == a.records.end() ? unknown : it->second, &c);
            any = true;
        }
    for (const auto& [id, record] : a.records)
        if (!framework || !framework->find_criterion(id)) {
            row(id, record, nullptr);
            any = true;
        }
    if (!any) row({}, unknown, nullptr);  // keep the assessment's own fields
    return out;
}

}  // namespace routemap::detail
