// The pre-scan that keeps malformed TOML away from toml++ 3.3.0's assertions and undefined behaviour
// (src/detail/toml_guard.cpp). Each crash case below was found by fuzzing toml++ with sanitizers, or
// read from its parser, and was minimised; without the guard each one aborts or reaches
// TOML_UNREACHABLE. The valid cases check that the guard lets real TOML through.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include <routemap/limits.hpp>

#include "detail/toml_guard.hpp"
#include "test_support.hpp"

using namespace routemap;

namespace {

struct Crash {
    const char* name;
    std::string text;
    const char* message;  // part of the diagnostic
    std::uint32_t line;
    std::uint32_t column;
};

// Named for the way each one reaches the fault in toml++ 3.3.0.
const Crash crashes[] = {
    // is_non_ascii_horizontal_whitespace() reaches TOML_UNREACHABLE; the parser asks it about every
    // character outside strings. A quote inside a number is no string to toml++ (found by libFuzzer).
    {"quote_in_number_then_U+00A7", "b=1'\xC2\xA7", "unexpected character U+00A7", 1, 5},
    {"quote_in_number_then_U+03DA", "_=9\"\xCF\x9A", "unexpected character U+03DA", 1, 5},
    {"quote_in_number_then_U+FEFE", "b=2\"\xEF\xBB\xBE", "unexpected character U+FEFE", 1, 5},
    {"quote_in_number_then_U+FEE0", "f=2'\xEF\xBB\xA0", "unexpected character U+FEE0", 1, 5},
    {"quote_in_number_second_line", "a = 1\nb = +'\xC2\xA7'\n", "unexpected character U+00A7", 2, 7},
    {"bare_key_then_U+00A7", "a\xC2\xA7 = 1\n", "unexpected character U+00A7", 1, 2},
    {"quoted_key_then_U+00A7", "\"a\"\xC2\xA7 = 1\n", "unexpected character U+00A7", 1, 4},
    {"dotted_key_then_U+00A7", "a.\xC2\xA7 = 1\n", "unexpected character U+00A7", 1, 3},
    {"value_U+00A7", "a = \xC2\xA7\n", "unexpected character U+00A7", 1, 5},
    {"after_value_U+00A7", "a = 1 \xC2\xA7\n", "unexpected character U+00A7", 1, 7},
    {"inline_table_U+00A7", "a = {\xC2\xA7}\n", "unexpected character U+00A7", 1, 6},
    {"bom_then_key_then_U+FEFE", "\xEF\xBB\xBF" "a\xEF\xBB\xBE = 1\n", "unexpected character U+FEFE", 1, 2},
    // ... and about the characters after a backslash in a multi-line basic string.
    {"ml_backslash_U+00A7", "s = \"\"\"\\\xC2\xA7\"\"\"\n", "invalid escape sequence", 1, 9},
    {"ml_backslash_space_U+00A7", "s = \"\"\"\\ \xC2\xA7\"\"\"\n", "line-ending backslash must be the last", 1, 10},
    // parse_key() asserts that a table header starts with a key (upstream issues 190 and 294).
    {"header_paren", "[)[", "invalid table header", 1, 2},
    {"header_ampersand", "[&", "invalid table header", 1, 2},
    {"header_three_brackets", "[[[1]]]", "invalid table header", 1, 3},
    {"header_dot", "x = 1\n[.a]\n", "invalid table header", 2, 2},
    {"header_new_line", "[\na]\n", "invalid table header", 1, 2},
    // parse_value() asserts that no array value starts with '}' (libFuzzer).
    {"array_close_brace", "a=[}", "found '}'", 1, 4},
    {"array_comma_close_brace", "a = [1, }]\n", "found '}'", 1, 9},
    // parse_time() asserts that a digit follows the 'T' of a date-time (libFuzzer).
    {"date_T_colon", "1=1979-05-27T:", "expected a digit after 'T'", 1, 14},
    {"date_t_letter", "a = 1979-05-27tx:00\n", "expected a digit after 'T'", 1, 16},
    // the value scanner asserts when a date, a space and a lone digit end a value (libFuzzer).
    {"date_space_single_digit", "1=1979-05-2= 1 ", "single digit", 1, 14},
    {"date_space_single_digit_comment", "a = 1979-05-27 1 # x\n", "single digit", 1, 16},
};

TEST(TomlGuard, CrashingInputsAreOrdinaryErrors) {
    for (const auto& c : crashes) {
        SCOPED_TRACE(c.name);
        const auto result = try_parse_framework(c.text, "fuzz.toml");
        EXPECT_FALSE(result.framework.has_value());
        ASSERT_EQ(result.diagnostics.size(), 1u);
        const auto& d = result.diagnostics[0];
        EXPECT_EQ(d.severity, Severity::error);
        EXPECT_NE(d.message.find("malformed TOML"), std::string::npos) << d.to_string();
        EXPECT_NE(d.message.find(c.message), std::string::npos) << d.to_string();
        EXPECT_EQ(d.location.file, "fuzz.toml");
        EXPECT_EQ(d.location.line, c.line) << d.to_string();
        EXPECT_EQ(d.location.column, c.column) << d.to_string();
    }
}

TEST(TomlGuard, SyntaxErrorBeforeUnsafeTextIsReportedWhereItIs) {
    // toml++ stops at the second string by itself; as a non-ASCII character comes later, the guard
    // reports that syntax error rather than trusting its own idea of where strings are after it.
    const auto finding = detail::find_unsafe_toml("a = \"x\" \"\xC2\xA7\"\n");
    ASSERT_TRUE(finding.has_value());
    EXPECT_NE(finding->message.find("after a value, found '\"'"), std::string::npos) << finding->message;
    EXPECT_EQ(finding->line, 1u);
    EXPECT_EQ(finding->column, 9u);
    // Without such a character the guard leaves the error to toml++.
    EXPECT_FALSE(detail::find_unsafe_toml("a = \"x\" \"y\"\n").has_value());
}

TEST(TomlGuard, InvalidUtf8IsReported) {
    const auto finding = detail::find_unsafe_toml("a = \"\xC3\x28\"\n");
    ASSERT_TRUE(finding.has_value());
    EXPECT_NE(finding->message.find("invalid UTF-8 byte 0xC3"), std::string::npos) << finding->message;
    EXPECT_EQ(finding->column, 6u);
}

struct Valid {
    const char* name;
    std::string text;
};

const Valid valid_texts[] = {
    {"dotted_keys", "a.b.c = 1\n\"x\".'y'.z = 2\nsite.\"google.com\" = true\n3.14159 = \"pi\"\n fruit . color = \"red\"\n"},
    {"quoted_unicode_keys", "\"\xC3\xA9t\xC3\xA9\" = 1\n'\xD0\xBA\xD0\xBB\xD1\x8E\xD1\x87' = 2\n\"\\u00e9\" = 3\n\"\" = 4\n"},
    {"unicode_in_header", "[\"\xC2\xA7 \xEF\xBB\xBE\".'\xE3\x80\x80']\nx = 1\n[ a . \"\xC3\xA9\" ]\n"},
    {"arrays_of_tables", "[[t]]\nx = 1\n[[t]]\nx = 2\n[t.sub]\ny = 3\n[[t.list]]\nz = 'q'\n[[ \"t\" . list ]]\n"},
    {"inline_tables", "p = { x = 1, y = [1, {z = \"\xC3\xBC\"}], \"k \xC3\xA9\" = 'v' }\nq = {}\nr = {a.b = 1}\n"},
    {"arrays", "a = [\n  1, # one \xC3\xA9\n  2,\n]\nb = [ [1,2], [\"a\", 'b'], [ {x=1} ], [] ]\nc = [\n]\n"},
    {"basic_strings", "s = \"tab\\t quote\\\" \\\\ \\u00e9 \\U0001F600 \xC3\xA9\"\nt = \"\"\n"},
    {"literal_strings", "w = 'C:\\Users\\\xC3\xA9'\nr = '''\nraw \\ \xC3\xA9\n'''\nq = ''''quoted'''''\n"},
    {"ml_basic_strings", "s = \"\"\"\n\xC3\xA9 first \"quoted\" \"\"twice\"\" \xC3\xA9\"\"\"\nt = \"\"\"x\"\"\"\"\"\n"},
    {"ml_line_ending_backslash_then_ascii",
     "s = \"\"\"\nThe quick \\\n   brown \\\n\n  fox \xC3\xA9 \\   \n  \xE4\xB8\xAD jumps\\\n\"\"\"\n"},
    {"ml_line_ending_backslash_then_safe_non_ascii", "s = \"\"\"a\\\n\xE4\xB8\xAD\"\"\"\nt = \"\"\"\\\n\xE3\x80\x80x\"\"\"\n"},
    {"comments", "# caf\xC3\xA9 \xE2\x88\x91 \xEF\xBB\xBE\na = 1 # \xC3\xBC" "n\xC3\xAF" "c\xC3\xB6" "d\xC3\xA9\n[t] # \xC2\xA7\n#\n"},
    {"crlf", "a = 1\r\n[b]\r\nc = \"\"\"\r\nx \\\r\n  y\"\"\"\r\nd = [\r\n 1,\r\n]\r\n# \xC3\xA9\r\n"},
    {"bom", "\xEF\xBB\xBF" "a = \"\xC3\xA9\"\n"},
    {"dates_and_times",
     "d1 = 1979-05-27T07:32:00Z\nd2 = 1979-05-27 07:32:00\nd3 = 1979-05-27\nt = 07:32:00\n"
     "o = 1979-05-27T00:32:00.999999-07:00\nl = 1979-05-27t07:32:00\nds = [1979-05-27 07:32:00, 1979-05-27]\n"},
    {"numbers", "i = +99\nh = 0xDEAD_BEEF\no = 0o755\nb = 0b1101\nf = -6.626e-34\nn1 = -inf\nn2 = nan\nu = 1_000\nz = -0.0\n"},
    {"booleans", "t = true\nf = false\nx = {t=true,f=false}\n"},
    {"whitespace_and_blank_lines", "\n\t\n  a\t=\t1  \n\n[  t  ]\n\t[[ u ]]\n"},
};

TEST(TomlGuard, ValidTomlPasses) {
    for (const auto& v : valid_texts) {
        const auto finding = detail::find_unsafe_toml(v.text);
        EXPECT_FALSE(finding.has_value()) << v.name << ": " << finding->line << ":" << finding->column << ": "
                                          << finding->message;
    }
}

TEST(TomlGuard, DeeplyNestedValidArraysPass) {
    const std::string text = "a = " + std::string(99, '[') + std::string(99, ']') + "\n";
    EXPECT_FALSE(detail::find_unsafe_toml(text).has_value());
}

// A continued line of a multi-line basic string that starts with a letter toml++ 3.3.0's whitespace
// test breaks on (é, §) is valid TOML: it used to be refused, and is now read, with its value intact.
TEST(TomlGuard, ContinuedLineStartingWithSuchALetterIsRead) {
    const struct {
        const char* name;
        std::string text;
        std::string value;
    } cases[] = {
        {"U+00A7", "subject = \"\"\"\\\n\xC2\xA7\"\"\"\n", "\xC2\xA7"},
        {"indented_U+00E9", "subject = \"\"\"a \\\n  \xC3\xA9t\xC3\xA9\"\"\"\n", "a \xC3\xA9t\xC3\xA9"},
        {"blank_lines_U+00E9", "subject = \"\"\"\\\r\n\r\n\xC3\xA9\"\"\"\n", "\xC3\xA9"},
        {"U+3000_then_U+00A7", "subject = \"\"\"\\\n\xE3\x80\x80\xC2\xA7\"\"\"\n", "\xC2\xA7"},
        {"twice", "subject = \"\"\"x\\\n\xC2\xA7\\\n \xD0\x96\"\"\"\nnotes = 'n'\n", "x\xC2\xA7\xD0\x96"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto text = "format_version = 1\n[assessment]\nframework = \"f\"\nframework_version = \"1\"\n" + c.text;
        EXPECT_FALSE(detail::find_unsafe_toml(text).has_value());
        EXPECT_EQ(parse_assessment(text, AssessmentFormat::toml).subject, c.value);
    }
    // What toml++ is given: the letter as the escape it stands for, after a byte order mark too.
    const auto guarded = detail::guard_toml("\xEF\xBB\xBFs = \"\"\"\\\n\xC2\xA7\"\"\"\n");
    EXPECT_TRUE(guarded.rewritten);
    EXPECT_EQ(guarded.text, "\xEF\xBB\xBFs = \"\"\"\\\n\\u00A7\"\"\"\n");
}

// toml++ recurses once per level of dotted key or table header: 100,000 levels crashed every reader.
TEST(TomlGuard, DeepKeysAndTablesAreRefusedWithAPosition) {
    std::string dotted = "a";
    for (int i = 0; i < 100000; ++i) dotted += ".a";
    const struct {
        const char* name;
        std::string text;
        std::uint32_t line, column;
    } cases[] = {
        {"dotted_key", "x = 1\n" + dotted + " = 1\n", 2, 201},
        {"table_header", "[" + dotted + "]\n", 1, 202},
        {"array_of_tables", "[[" + dotted + "]]\n", 1, 203},
        {"header_then_key", "[" + dotted.substr(0, 197) + "]\n" + "b.c = 1\n", 2, 3},
        {"inline_tables", "a = " + std::string(60, '[') + "{b.c.d = " + std::string(40, '[') + "\n", 1, 111},
        {"arrays", "a = " + std::string(150, '[') + "\n", 1, 105},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto finding = detail::find_unsafe_toml(c.text);
        ASSERT_TRUE(finding.has_value());
        EXPECT_TRUE(finding->limit);
        EXPECT_NE(finding->message.find("nested more than 100 levels"), std::string::npos) << finding->message;
        EXPECT_EQ(finding->line, c.line);
        EXPECT_EQ(finding->column, c.column);
    }
    // The same through a reader: a positioned error, not a crash.
    const auto result = try_parse_framework("[" + dotted + "]\n", "deep.toml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].to_string().rfind("deep.toml:1:202: error: keys, tables and arrays are nested", 0), 0u)
        << result.diagnostics[0].to_string();
}

TEST(TomlGuard, LongStringsAndKeysAreRefused) {
    const std::string big(limits::max_string_bytes + 1, 'x');
    for (const auto& text : {"a = 1\ns = \"" + big + "\"\n", "a = 1\ns = '" + big + "'\n", "a = 1\n" + big + " = 1\n",
                             "a = 1\n[\"" + big + "\"]\n"}) {
        const auto finding = detail::find_unsafe_toml(text);
        ASSERT_TRUE(finding.has_value());
        EXPECT_NE(finding->message.find("at most 65536 bytes"), std::string::npos) << finding->message;
        EXPECT_EQ(finding->line, 2u);
    }
    EXPECT_FALSE(detail::find_unsafe_toml("s = \"" + std::string(limits::max_string_bytes, 'x') + "\"\n").has_value());
}

TEST(TomlGuard, TextPastTheFileLimitIsRefused) {
    const std::string text(limits::max_file_bytes + 1, '#');
    const auto finding = detail::find_unsafe_toml(text);
    ASSERT_TRUE(finding.has_value());
    EXPECT_NE(finding->message.find("at most 16777216 bytes"), std::string::npos) << finding->message;
}

TEST(TomlGuard, BundledAndTestFrameworksPass) {
    int checked = 0;
    for (const char* dir : {"frameworks", "tests/data"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_dir() / dir)) {
            if (entry.path().extension() != ".toml") continue;
            if (entry.path().string().find("/tests/data/bad/") != std::string::npos) continue;  // broken on purpose
            const auto finding = detail::find_unsafe_toml(test::detail_read(entry.path()));
            EXPECT_FALSE(finding.has_value()) << entry.path() << ": " << finding->line << ":" << finding->column << ": "
                                              << finding->message;
            ++checked;
        }
    }
    EXPECT_GE(checked, 5);
}

TEST(TomlGuard, ValidFrameworkWithUnicodeStillLoads) {
    const std::string text = test::header() + test::two_tiers() +
                             "[[domains]]\nid = \"data\"\nname = \"Donn\xC3\xA9" "es \xC2\xA7 1\"  # \xC3\xA9\n"
                             "[[domains.areas]]\nid = \"collection\"\nname = \"\"\"Collecte \\\n   \xE4\xB8\xAD\"\"\"\n"
                             "[[domains.areas.criteria]]\nid = \"fundamental.1\"\ntier = \"fundamental\"\ntext = 'Collect\xC3\xA9.'\n";
    const auto result = try_parse_framework(text, "fuzz.toml");
    ASSERT_TRUE(result.framework.has_value()) << (result.diagnostics.empty() ? "" : result.diagnostics[0].to_string());
    EXPECT_EQ(result.framework->criteria().size(), 1u);
}

}  // namespace
