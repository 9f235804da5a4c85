// Reading and writing assessments as TOML, JSON and CSV, templates, and atomic writes.

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <routemap/assessment_io.hpp>
#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/framework_loader.hpp>

namespace {

using namespace routemap;
namespace fs = std::filesystem;

const Framework& service() {
    static const Framework framework = load_framework(ROUTEMAP_SOURCE_DIR "/frameworks/newham-service.toml");
    return framework;
}

// A fresh, empty directory, removed afterwards.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "routemap-test-XXXXXX").string();
        path_ = ::mkdtemp(pattern.data());
    }
    ~TempDir() {
        std::error_code ignored;
        fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(path_, ignored);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void spit(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

std::set<std::string> entries(const fs::path& directory) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(directory)) out.insert(e.path().filename().string());
    return out;
}

// Runs `parse` and returns the diagnostics of the AssessmentError it must throw.
std::vector<Diagnostic> errors_of(const std::string& text, AssessmentFormat format) {
    try {
        parse_assessment(text, format, "in");
    } catch (const AssessmentError& e) {
        return e.diagnostics();
    }
    ADD_FAILURE() << "no AssessmentError for:\n" << text;
    return {};
}

const Diagnostic* find_message(const std::vector<Diagnostic>& diagnostics, const std::string& part) {
    const auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                                 [&](const Diagnostic& d) { return d.message.find(part) != std::string::npos; });
    return it == diagnostics.end() ? nullptr : &*it;
}

// Every criterion filled in, with strings that break naive writers.
Assessment filled() {
    const auto& fw = service();
    auto a = Assessment::blank(fw, "Team \"Alpha\", Ward 7\\East", "2024-02-29");
    a.assessors = {"Zoë O'Brien", "Dr. \"Q\" Smith, PhD", "李雷"};
    a.notes = "Line one\nLine two, with a comma\r\nand a \"quote\" — and a backslash \\ at the end\\";
    const std::vector<std::string> tricky{
        "plain",
        "comma, separated, values",
        "\"quoted\" and \"\"doubled\"\"",
        "multi\nline\r\nwindows\rmac",
        "C:\\path\\to\\evidence\\",
        "unicode: ünïcødé — 日本語 🚀",
        "control: \x01\x1f\x7f tab\there",
        " leading and trailing spaces ",
        "# not a comment = [criteria.\"x\"]",
        "'''single''' \"\"\"triple\"\"\"",
        "",
    };
    std::size_t i = 0;
    for (const auto& c : fw.criteria()) {
        auto& r = a.records[c.id];
        const auto pick = [&](std::size_t k) { return tricky[(i + k) % tricky.size()]; };
        r.status = all_statuses[i % all_statuses.size()];
        r.evidence = pick(0);
        r.note = pick(3);
        r.owner = i % 2 ? pick(5) : "";
        r.due = i % 3 ? "2025-01-31" : "next spring";
        if (r.status == Status::not_applicable) {
            r.exclusion = static_cast<Exclusion>(i % 3);
            r.exclusion_text = pick(7);
        }
        ++i;
    }
    a.records["other.area.fundamental.9"] = CriterionRecord{Status::met, "not in the framework", "", "", "", {}, "", {}, {}, {}};
    return a;
}

TEST(AssessmentIo, RoundTripTomlJsonCsvToml) {
    const auto original = filled();
    for (const Framework* fw : {static_cast<const Framework*>(nullptr), &service()}) {
        SCOPED_TRACE(fw ? "with framework" : "without framework");
        const auto toml = format_assessment(original, AssessmentFormat::toml, fw);
        const auto from_toml = parse_assessment(toml, AssessmentFormat::toml);
        EXPECT_EQ(from_toml, original);
        const auto from_json = parse_assessment(format_assessment(from_toml, AssessmentFormat::json, fw), AssessmentFormat::json);
        EXPECT_EQ(from_json, original);
        const auto from_csv = parse_assessment(format_assessment(from_json, AssessmentFormat::csv, fw), AssessmentFormat::csv);
        EXPECT_EQ(from_csv, original);
        const auto toml_again = format_assessment(from_csv, AssessmentFormat::toml, fw);
        EXPECT_EQ(parse_assessment(toml_again, AssessmentFormat::toml), original);
        EXPECT_EQ(toml_again, toml);
    }
}

TEST(AssessmentIo, RoundTripWithoutCriteriaKeepsTheAssessmentFields) {
    Assessment a;
    a.framework_id = "larch-remi";
    a.framework_version = "2.0";
    a.subject = "Nobody, yet";
    a.notes = "empty";
    for (const auto format : {AssessmentFormat::toml, AssessmentFormat::json, AssessmentFormat::csv})
        EXPECT_EQ(parse_assessment(format_assessment(a, format), format), a) << to_string(format);
}

TEST(AssessmentIo, TomlAcceptsADateValue) {
    const auto a = parse_assessment("format_version = 1\n[assessment]\nframework = \"f\"\nframework_version = \"1\"\n"
                                    "date = 2024-05-07\n",
                                    AssessmentFormat::toml);
    EXPECT_EQ(a.date, "2024-05-07");
}

TEST(AssessmentIo, TemplateListsEveryCriterionOnceInOrder) {
    const auto& fw = service();
    ASSERT_GT(fw.criteria().size(), 50u);
    const auto toml = assessment_template(fw, AssessmentFormat::toml);
    const auto json = assessment_template(fw, AssessmentFormat::json);
    const auto csv = assessment_template(fw, AssessmentFormat::csv);
    std::size_t toml_at = 0, json_at = 0, csv_at = 0;
    for (const auto& c : fw.criteria()) {
        const auto header = "[criteria.\"" + c.id + "\"]\nstatus = \"unknown\"\n";
        const auto key = "\"" + c.id + "\": {";
        const auto row = "," + c.id + ",";
        for (const auto& [text, needle, at] : {std::tuple{&toml, header, &toml_at}, std::tuple{&json, key, &json_at},
                                               std::tuple{&csv, row, &csv_at}}) {
            const auto found = text->find(needle);
            ASSERT_NE(found, std::string::npos) << c.id;
            EXPECT_EQ(text->find(needle, found + 1), std::string::npos) << c.id << " appears twice";
            EXPECT_GT(found, *at) << c.id << " is out of order";
            *at = found;
        }
    }
    // The TOML template shows where each criterion sits and what it says, as comments.
    const auto& first = fw.criteria()[0];
    const auto label = "# " + fw.domains()[first.domain].name + " / " + fw.areas()[first.area].name + " — " +
                       fw.tiers()[first.tier].name + "\n";
    EXPECT_NE(toml.find(label + "# " + first.text.substr(0, 40)), std::string::npos);
    std::istringstream lines(toml);
    for (std::string line; std::getline(lines, line);)
        EXPECT_LE(line.size(), 140u) << line;  // wrapped at about 100 columns (plus UTF-8 bytes)
    // Each template reads back as the blank assessment.
    const auto blank = Assessment::blank(fw);
    EXPECT_EQ(parse_assessment(toml, AssessmentFormat::toml), blank);
    EXPECT_EQ(parse_assessment(json, AssessmentFormat::json), blank);
    EXPECT_EQ(parse_assessment(csv, AssessmentFormat::csv), blank);
    EXPECT_NE(csv.find(first.text.substr(0, 40)), std::string::npos);  // text column filled
}

TEST(AssessmentIo, MalformedTomlHasLineAndColumn) {
    auto d = errors_of("format_version = 1\n[assessment]\nframework = \"x\nframework_version = \"1\"\n", AssessmentFormat::toml);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].location.file, "in");
    EXPECT_EQ(d[0].location.line, 3u);
    EXPECT_EQ(d[0].location.column, 15u);

    d = errors_of("format_version = 1\n"
                  "[assessment]\n"
                  "framework = \"x\"\n"
                  "framework_version = \"1\"\n"
                  "colour = \"blue\"\n"
                  "[criteria.\"a.b\"]\n"
                  "status = \"done\"\n"
                  "reason = 3\n"
                  "[criteria.\"c.d\"]\n"
                  "status = \"met\"\n"
                  "reason = \"because\"\n",
                  AssessmentFormat::toml);
    ASSERT_EQ(d.size(), 4u);
    const auto* unknown_key = find_message(d, "unknown key 'colour'");
    ASSERT_NE(unknown_key, nullptr);
    EXPECT_EQ(unknown_key->location.line, 5u);
    EXPECT_EQ(unknown_key->location.column, 1u);
    const auto* status = find_message(d, "unknown status 'done'");
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->criterion_id, "a.b");
    EXPECT_EQ(status->location.line, 7u);
    EXPECT_EQ(status->location.column, 10u);
    const auto* type = find_message(d, "must be a string");
    ASSERT_NE(type, nullptr);
    EXPECT_EQ(type->location.line, 8u);
    EXPECT_EQ(type->location.column, 10u);
    const auto* reason = find_message(d, "unknown reason 'because'");
    ASSERT_NE(reason, nullptr);
    EXPECT_EQ(reason->location.line, 11u);
    EXPECT_EQ(reason->criterion_id, "c.d");
}

TEST(AssessmentIo, TomlRejectsUnquotedDottedIdsAndNewerFormats) {
    auto d = errors_of("format_version = 1\n[assessment]\nframework = \"x\"\nframework_version = \"1\"\n"
                       "[criteria.a.b]\nstatus = \"met\"\n",
                       AssessmentFormat::toml);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_NE(d[0].message.find("quote them"), std::string::npos);
    d = errors_of("format_version = 2\n[assessment]\nnonsense = 1\n", AssessmentFormat::toml);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_NE(d[0].message.find("unsupported format_version 2"), std::string::npos);
    EXPECT_EQ(d[0].location.line, 1u);
}

TEST(AssessmentIo, MalformedJsonHasLineAndColumn) {
    auto d = errors_of("{\n  \"format_version\": 1,\n  \"assessment\": {\n    \"framework\": \"x\",\n"
                       "    \"framework_version\" 1\n  }\n}\n",
                       AssessmentFormat::json);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].location.line, 5u);
    EXPECT_EQ(d[0].location.column, 25u);
    EXPECT_NE(d[0].message.find("malformed JSON"), std::string::npos);

    // Columns count characters, not bytes, and point at the last character of the offending token
    // (the closing quote of "x"): nlohmann reports where it stopped reading.
    d = errors_of("{\"ü\": \"é\" \"x\"}", AssessmentFormat::json);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].location.line, 1u);
    EXPECT_EQ(d[0].location.column, 13u);
    d = errors_of("{\n\"a\": tru}", AssessmentFormat::json);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].location.line, 2u);
    EXPECT_EQ(d[0].location.column, 9u);  // the "}" that ends "tru"

    d = errors_of("{\"format_version\": 1, \"assessment\": {\"framework\": \"x\", \"framework_version\": 2, \"extra\": 1},"
                  " \"criteria\": {\"a\": {\"status\": \"nope\", \"note\": []}, \"b\": {\"status\": \"met\"}, \"b\": {}}}",
                  AssessmentFormat::json);
    ASSERT_EQ(d.size(), 5u);
    EXPECT_NE(find_message(d, "key 'framework_version' in 'assessment' must be a string, not a number"), nullptr);
    EXPECT_NE(find_message(d, "unknown key 'extra'"), nullptr);
    EXPECT_NE(find_message(d, "unknown status 'nope'"), nullptr);
    EXPECT_NE(find_message(d, "key 'note' in criterion 'a' must be a string, not an array"), nullptr);
    EXPECT_NE(find_message(d, "duplicate key 'b'"), nullptr);
}

// Every key's position is known, written with escapes or not, and a duplicate is pointed at where it
// is written, not at the first key of the same name elsewhere in the file.
TEST(AssessmentIo, JsonErrorsPointAtTheirKeysWrittenAnyWay) {
    const auto d = errors_of("{\"format_version\": 1, \"assessment\": {\"framework\": \"x\", \"framework_version\": \"1\"},\n"
                             "\"criteria\": {\"a\": {\"note\": \"\", \"owner\": \"\"},\n"
                             "  \"\\u0062\": {\"st\\u0061tus\": \"nope\", \"x\\u0041\": 1},\n"
                             "  \"c\": {\"status\": \"met\", \"status\": \"nope-c\"}}}\n",
                             AssessmentFormat::json);
    ASSERT_EQ(d.size(), 4u);
    EXPECT_NE(d[0].message.find("duplicate key 'status' in 'c'"), std::string::npos);
    EXPECT_EQ(d[0].location.line, 4u);
    EXPECT_EQ(d[0].location.column, 26u);
    // The value read is the one written last, and so is the key its error points at.
    EXPECT_NE(d[3].message.find("unknown status 'nope-c'"), std::string::npos);
    EXPECT_EQ(d[3].location.column, 26u);
    EXPECT_NE(d[1].message.find("unknown key 'xA' in criterion 'b'"), std::string::npos);
    EXPECT_EQ(d[1].location.line, 3u);
    EXPECT_EQ(d[1].location.column, 37u);
    EXPECT_NE(d[2].message.find("unknown status 'nope'"), std::string::npos);
    EXPECT_EQ(d[2].criterion_id, "b");
    EXPECT_EQ(d[2].location.line, 3u);
    EXPECT_EQ(d[2].location.column, 14u);  // the key "st\u0061tus", as written
}

// The criteria are read one at a time as the text is parsed: the records, in id order, and the
// problems of each, in id order after those of the head, are those the whole tree gave.
TEST(AssessmentIo, JsonCriteriaReadOneByOneKeepTheirOrderAndTheLastOfADuplicate) {
    const std::string text =
        "{\"criteria\": {\"z\": {\"status\": \"bad-z\"}, \"a\": 5, \"m\": {\"status\": \"met\"}, \"m\": {\"status\": \"bad-m\"}},\n"
        " \"format_version\": 1, \"assessment\": {\"framework\": \"x\", \"framework_version\": \"1\", \"extra\": 1}}\n";
    const auto d = errors_of(text, AssessmentFormat::json);
    ASSERT_EQ(d.size(), 5u);
    EXPECT_NE(d[0].message.find("duplicate key 'm' in 'criteria'"), std::string::npos);
    EXPECT_EQ(d[0].location.column, 73u);
    EXPECT_NE(d[1].message.find("unknown key 'extra' in 'assessment'"), std::string::npos);
    EXPECT_NE(d[2].message.find("criterion 'a' must be an object, not a number"), std::string::npos);
    EXPECT_EQ(d[2].location.column, 41u);
    EXPECT_NE(d[3].message.find("unknown status 'bad-m'"), std::string::npos);
    EXPECT_NE(d[4].message.find("unknown status 'bad-z'"), std::string::npos);

    // A second "criteria" replaces the first, as a second value of any key does: the first's records
    // and problems are gone.
    const auto twice = errors_of("{\"format_version\": 1, \"assessment\": {\"framework\": \"x\", \"framework_version\": \"1\"},"
                                 " \"criteria\": {\"a\": {\"status\": \"bad\"}}, \"criteria\": {\"b\": {\"status\": \"worse\"}}}",
                                 AssessmentFormat::json);
    ASSERT_EQ(twice.size(), 2u);
    EXPECT_NE(twice[0].message.find("duplicate key 'criteria'"), std::string::npos);
    EXPECT_NE(twice[1].message.find("unknown status 'worse'"), std::string::npos);
    const auto a = parse_assessment("{\"format_version\": 1, \"assessment\": {\"framework\": \"x\", \"framework_version\": \"1\"},"
                                    " \"criteria\": {\"z\": {\"status\": \"met\"}, \"b\": {\"status\": \"partial\"}}}",
                                    AssessmentFormat::json);
    ASSERT_EQ(a.records.size(), 2u);
    EXPECT_EQ(a.records.begin()->first, "b");
    EXPECT_EQ(a.records.at("b").status, Status::partial);
    EXPECT_EQ(a.records.at("z").location.column, 96u);
}

const std::string csv_header = "framework,framework_version,criterion_id,status,evidence\r\n";

TEST(AssessmentIo, MalformedCsvHasLineAndColumn) {
    // Line 3 is the second line of row 1's quoted evidence; the unterminated quote opens on line 4.
    auto d = errors_of(csv_header + "f,1,a,met,\"two\nlines\"\r\nf,1,b,met,\"never closed\r\n", AssessmentFormat::csv);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].location.line, 4u);
    EXPECT_EQ(d[0].location.column, 11u);

    d = errors_of(csv_header + "f,1,a,met,ok\r\nf,1,b,me\"t,x\r\n", AssessmentFormat::csv);
    ASSERT_GE(d.size(), 1u);
    EXPECT_EQ(d[0].location.line, 3u);
    EXPECT_EQ(d[0].location.column, 9u);

    d = errors_of("framework,framework_version,criterion_id,colour\r\n", AssessmentFormat::csv);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_NE(d[0].message.find("unknown column 'colour'"), std::string::npos);
    EXPECT_EQ(d[0].location.line, 1u);
    EXPECT_EQ(d[0].location.column, 42u);
}

TEST(AssessmentIo, UnknownStatusListsEveryBadRow) {
    const auto text = csv_header + "f,1,a,done,\r\n"       // line 2
                      "f,1,b,met,\"first\nsecond\"\r\n"    // lines 3-4
                      "f,1,c,finished,\r\n"                // line 5
                      "f,1,d,not_met,\r\n"                 // line 6
                      "f,1,e,yes,\r\n";                    // line 7
    const auto d = errors_of(text, AssessmentFormat::csv);
    ASSERT_EQ(d.size(), 3u);
    const std::vector<std::pair<std::string, std::uint32_t>> expected{{"a", 2}, {"c", 5}, {"e", 7}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(d[i].criterion_id, expected[i].first);
        EXPECT_EQ(d[i].location.line, expected[i].second);
        EXPECT_EQ(d[i].location.column, 7u);
        EXPECT_NE(d[i].message.find("unknown status"), std::string::npos);
    }
}

TEST(AssessmentIo, CsvDuplicatesAndInconsistentRowsAreErrors) {
    const auto d = errors_of("criterion_id,status,framework,framework_version,subject\r\n"
                             "a,met,f,1,Team\r\n"
                             "b,met,f,1,Other team\r\n"
                             "a,partial,f,1,Team\r\n"
                             "c,met,f,1\r\n",
                             AssessmentFormat::csv);
    ASSERT_EQ(d.size(), 3u);
    const auto* differs = find_message(d, "subject 'Other team' differs");
    ASSERT_NE(differs, nullptr);
    EXPECT_EQ(differs->location.line, 3u);
    EXPECT_NE(differs->message.find("row 2"), std::string::npos);
    const auto* duplicate = find_message(d, "criterion 'a' appears again (first on line 2)");
    ASSERT_NE(duplicate, nullptr);
    EXPECT_EQ(duplicate->location.line, 4u);
    const auto* short_row = find_message(d, "has 4 fields, but the header has 5");
    ASSERT_NE(short_row, nullptr);
    EXPECT_EQ(short_row->location.line, 5u);
}

TEST(AssessmentIo, CsvReadsColumnsInAnyOrderAndIgnoresFrameworkColumns) {
    const auto a = parse_assessment("\xEF\xBB\xBFstatus,text,criterion_id,framework_version,framework,assessors,reason\n"
                                    "N/A,\"anything, at all\",x.y,2,f,\"Ann;  Bob \",Out of scope\n"
                                    "\n"
                                    "Partial,,x.z,2,f,Ann;  Bob ,\n",
                                    AssessmentFormat::csv);
    EXPECT_EQ(a.framework_id, "f");
    EXPECT_EQ(a.assessors, (std::vector<std::string>{"Ann", "Bob"}));
    EXPECT_EQ(a.status("x.y"), Status::not_applicable);
    EXPECT_EQ(a.records.at("x.y").exclusion, Exclusion::out_of_scope);
    EXPECT_EQ(a.status("x.z"), Status::partial);
    EXPECT_EQ(a.records.size(), 2u);
}

TEST(AssessmentIo, CsvRefusesAssessorsItCannotSeparate) {
    Assessment a;
    a.framework_id = "f";
    a.framework_version = "1";
    a.assessors = {"Smith; Jones"};
    EXPECT_THROW(format_assessment(a, AssessmentFormat::csv), AssessmentError);
    EXPECT_NO_THROW(format_assessment(a, AssessmentFormat::toml));
}

TEST(AssessmentIo, InvalidDatesAndUtf8AreErrors) {
    const auto d = errors_of("framework,framework_version,date,criterion_id\r\nf,1,2023-02-29,a\r\n", AssessmentFormat::csv);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].location.column, 5u);
    Assessment a;
    a.framework_id = "f";
    a.framework_version = "1";
    a.set("a", Status::met, "bad \xC3 byte");
    EXPECT_THROW(format_assessment(a, AssessmentFormat::json), AssessmentError);
}

TEST(AssessmentIo, FormatFromNameAndExtension) {
    EXPECT_EQ(assessment_format_for("a/b/team.TOML"), AssessmentFormat::toml);
    EXPECT_EQ(assessment_format_for("x.Json"), AssessmentFormat::json);
    EXPECT_EQ(assessment_format_for("x.csv"), AssessmentFormat::csv);
    EXPECT_THROW(assessment_format_for("x.txt"), Error);
    EXPECT_THROW(assessment_format_for("toml"), Error);
    EXPECT_EQ(assessment_format_from_name("CSV"), AssessmentFormat::csv);
    EXPECT_EQ(assessment_format_from_name(".json"), AssessmentFormat::json);
    EXPECT_THROW(assessment_format_from_name("xml"), Error);
    EXPECT_EQ(to_string(AssessmentFormat::json), "json");
}

TEST(AssessmentIo, WriteAndReadFiles) {
    TempDir dir;
    const auto original = filled();
    for (const auto* name : {"a.toml", "a.json", "a.csv"}) {
        const auto file = dir.path() / name;
        write_assessment(file, original, &service());
        const auto back = read_assessment(file);
        EXPECT_EQ(back, original) << name;
        EXPECT_EQ(back.file, file.string());
    }
    EXPECT_EQ(entries(dir.path()), (std::set<std::string>{"a.toml", "a.json", "a.csv"}));
    EXPECT_THROW(read_assessment(dir.path() / "missing.toml"), IoError);
}

TEST(AtomicWrite, ReplacesAndKeepsPermissions) {
    TempDir dir;
    const auto file = dir.path() / "f.txt";
    write_file_atomically(file, "first");
    EXPECT_EQ(slurp(file), "first");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    write_file_atomically(file, "second");
    EXPECT_EQ(slurp(file), "second");
    EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    EXPECT_EQ(entries(dir.path()), std::set<std::string>{"f.txt"});
}

TEST(AtomicWrite, TargetIsADirectory) {
    TempDir dir;
    const auto target = dir.path() / "taken";
    fs::create_directory(target);
    spit(target / "inside.txt", "keep me");
    try {
        write_file_atomically(target, "new contents");
        FAIL() << "no IoError";
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find(target.string()), std::string::npos) << e.what();
        EXPECT_EQ(e.location().file, target.string());
    }
    EXPECT_TRUE(fs::is_directory(target));
    EXPECT_EQ(slurp(target / "inside.txt"), "keep me");
    EXPECT_EQ(entries(dir.path()), std::set<std::string>{"taken"});  // no temporary file left behind
}

TEST(AtomicWrite, ParentIsARegularFile) {
    TempDir dir;
    spit(dir.path() / "plain", "old");
    const auto target = dir.path() / "plain" / "a.toml";
    EXPECT_THROW(write_file_atomically(target, "x"), IoError);
    EXPECT_EQ(slurp(dir.path() / "plain"), "old");
    EXPECT_EQ(entries(dir.path()), std::set<std::string>{"plain"});
}

TEST(AtomicWrite, FailedWriteKeepsTheOldFile) {
    // A file size limit makes write() fail even for root, after the temporary file exists.
    TempDir dir;
    const auto file = dir.path() / "a.toml";
    spit(file, "old contents");
    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    rlimit small = saved;
    small.rlim_cur = 64;
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    bool threw = false;
    try {
        write_file_atomically(file, std::string(100000, 'x'));
    } catch (const IoError&) {
        threw = true;
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, old_handler);
    EXPECT_TRUE(threw);
    EXPECT_EQ(slurp(file), "old contents");
    EXPECT_EQ(entries(dir.path()), std::set<std::string>{"a.toml"});
}

TEST(AtomicWrite, UnwritableDirectoryWhenNotRoot) {
    if (::geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
    TempDir dir;
    const auto file = dir.path() / "a.toml";
    spit(file, "old");
    fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_THROW(write_file_atomically(file, "new"), IoError);
    fs::permissions(dir.path(), fs::perms::owner_all);
    EXPECT_EQ(slurp(file), "old");
    EXPECT_EQ(entries(dir.path()), std::set<std::string>{"a.toml"});
}

}  // namespace
