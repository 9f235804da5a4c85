// Hardened readers and writers (docs/limits.md): JSON numbers out of range and huge versions, CSV
// formula injection and invalid UTF-8, bounded suggestions, safe input files and atomic writes that
// replace only regular files.
#include <gtest/gtest.h>

#include <csignal>
#include <random>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <set>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_support.hpp"
#include "detail/input_file.hpp"

using namespace routemap;
namespace fs = std::filesystem;

namespace {

const std::string json_head = "{\n  \"format_version\": 1,\n  \"assessment\": {\"framework\": \"f\", \"framework_version\": \"1\"},\n";

Diagnostic only_error(std::string_view text, AssessmentFormat format) {
    try {
        (void)parse_assessment(text, format, "in");
    } catch (const AssessmentError& e) {
        EXPECT_EQ(e.diagnostics().size(), 1u) << e.what();
        return e.diagnostics().front();
    }
    ADD_FAILURE() << "no error";
    return {};
}

TEST(JsonReader, ANumberOutOfRangeIsAPositionedError) {
    const auto d = only_error(json_head + "  \"criteria\": {\"a\": {\"status\": [1e400]}}\n}\n", AssessmentFormat::json);
    EXPECT_NE(d.message.find("number 1e400 is out of range"), std::string::npos) << d.message;
    EXPECT_EQ(d.location.file, "in");
    EXPECT_EQ(d.location.line, 4u);
    EXPECT_EQ(d.location.column, 33u);
}

TEST(JsonReader, AHugeFormatVersionIsShownAsWritten) {
    const auto d = only_error("{\"format_version\": 18446744073709551615}", AssessmentFormat::json);
    EXPECT_NE(d.message.find("unsupported format_version 18446744073709551615"), std::string::npos) << d.message;
}

TEST(JsonReader, NestingPastTheLimitIsRefused) {
    const auto d = only_error("{\"x\": " + std::string(200, '[') + std::string(200, ']') + "}", AssessmentFormat::json);
    EXPECT_NE(d.message.find("nested more than 100 levels"), std::string::npos) << d.message;
    EXPECT_EQ(d.location.column, 106u);
}

Assessment with_formulas() {
    Assessment a;
    a.framework_id = "f";
    a.framework_version = "1";
    a.subject = "=HYPERLINK(\"http://x\",\"y\")";
    a.notes = "@SUM(A1)";
    a.assessors = {"+44 20 7946 0000", "-x"};
    const std::vector<std::string> values{"=1+2", "+1", "-", "@x", "\tx", "\rx", "'=x", "''@x", "'", "'a", "-1", "+2.5e3", "x=1", ""};
    for (std::size_t i = 0; i < values.size(); ++i) {
        auto& r = a.set("d.a.c" + std::to_string(i), Status::partial, values[i]);
        r.note = values[i];
        r.owner = values[(i + 1) % values.size()];
    }
    return a;
}

TEST(CsvWriter, NeutralisesFormulasAndTheReaderGivesBackEveryValue) {
    const auto a = with_formulas();
    const auto csv = format_assessment(a, AssessmentFormat::csv);
    EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), std::string::npos) << csv;
    EXPECT_NE(csv.find(",'@SUM(A1)\r\n"), std::string::npos);
    EXPECT_NE(csv.find(",'=1+2,"), std::string::npos);
    EXPECT_NE(csv.find(",''=x,"), std::string::npos);
    EXPECT_NE(csv.find(",'''@x,"), std::string::npos);
    EXPECT_NE(csv.find(",-1,"), std::string::npos);  // a plain number is not a formula
    EXPECT_NE(csv.find(",+2.5e3,"), std::string::npos);
    EXPECT_NE(csv.find(",'\tx,"), std::string::npos);
    EXPECT_NE(csv.find(",\"'\rx\","), std::string::npos);
    // No cell starts with a formula character: after each separator, an apostrophe or a number.
    for (std::size_t i = csv.find(','); i != std::string::npos; i = csv.find(',', i + 1)) {
        const char next = i + 1 < csv.size() ? csv[i + 1] : '\0';
        if (next == '=' || next == '@') ADD_FAILURE() << csv.substr(i, 20);
    }
    const auto back = parse_assessment(csv, AssessmentFormat::csv);
    EXPECT_EQ(back, a);
}

TEST(CsvReader, InvalidUtf8IsRefusedWithItsPosition) {
    const std::string text = "framework,framework_version,criterion_id\r\nf,1,d.a.\xE9t\xE9\r\n";
    const auto d = only_error(text, AssessmentFormat::csv);
    EXPECT_NE(d.message.find("invalid UTF-8 byte 0xE9"), std::string::npos) << d.message;
    EXPECT_EQ(d.location.line, 2u);
    EXPECT_EQ(d.location.column, 9u);
}

TEST(Suggestions, StillFoundForTyposAndBoundedForHostileIds) {
    const auto framework = load_framework(test::bundled("newham-service"));
    Assessment a = Assessment::blank(framework);
    a.records.clear();
    a.set("readiness.learning.fundamentl.1", Status::met);          // a typo: suggested
    a.set(std::string(200000, 'r'), Status::met);                   // past the id limit: no suggestion
    for (int i = 0; i < 200; ++i) a.set(std::to_string(i) + std::string(100000, 'x'), Status::met);
    const auto problems = a.check(framework);
    ASSERT_EQ(problems.size(), 202u);
    std::size_t suggested = 0;
    for (const auto& d : problems) {
        if (d.message.find("did you mean") == std::string::npos) continue;
        ++suggested;
        EXPECT_NE(d.message.find("did you mean 'readiness.learning.fundamental.1'"), std::string::npos) << d.message;
    }
    EXPECT_EQ(suggested, 1u);
}

class Scratch {
public:
    explicit Scratch(const std::string& name) : path_(test::scratch(name)) {}
    ~Scratch() { fs::remove_all(path_); }
    const fs::path& path() const { return path_; }
    std::set<std::string> entries() const {
        std::set<std::string> out;
        for (const auto& e : fs::directory_iterator(path_)) out.insert(e.path().filename().string());
        return out;
    }

private:
    fs::path path_;
};

TEST(InputFiles, OnlyRegularFilesAreRead) {
    Scratch dir("input-files");
    const auto fifo = dir.path() / "a.toml";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    try {
        (void)read_assessment(fifo);  // would block forever waiting for a writer
        FAIL() << "no IoError";
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find("not a regular file"), std::string::npos) << e.what();
    }
    fs::create_symlink(dir.path() / "loop2.toml", dir.path() / "loop1.toml");
    fs::create_symlink(dir.path() / "loop1.toml", dir.path() / "loop2.toml");
    try {
        (void)load_framework(dir.path() / "loop1.toml");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("symbolic links"), std::string::npos) << e.what();
    }
    EXPECT_THROW((void)load_framework("/proc/self/mem"), Error);  // EIO: an error, not an empty file
}

TEST(AtomicWrite, RefusesAnythingButARegularFileAndWritesThroughSymlinks) {
    Scratch dir("atomic-kinds");
    const auto fifo = dir.path() / "fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    try {
        write_file_atomically(fifo, "x");
        FAIL() << "no IoError";
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find("it is a FIFO"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(fs::is_fifo(fifo));
    EXPECT_THROW(write_file_atomically("/dev/null", "x"), IoError);
    EXPECT_TRUE(fs::is_character_file("/dev/null"));

    test::write(dir.path() / "real.txt", "old");
    fs::create_symlink("real.txt", dir.path() / "link.txt");
    write_file_atomically(dir.path() / "link.txt", "new");
    EXPECT_TRUE(fs::is_symlink(dir.path() / "link.txt"));
    EXPECT_EQ(test::detail_read(dir.path() / "real.txt"), "new");

    fs::create_symlink("nowhere.txt", dir.path() / "dangling.txt");
    EXPECT_THROW(write_file_atomically(dir.path() / "dangling.txt", "x"), IoError);
    fs::create_symlink("fifo", dir.path() / "to-fifo");
    EXPECT_THROW(write_file_atomically(dir.path() / "to-fifo", "x"), IoError);
    EXPECT_EQ(dir.entries(), (std::set<std::string>{"fifo", "real.txt", "link.txt", "dangling.txt", "to-fifo"}));
}

TEST(AtomicWrite, TemporaryFilesOfKilledWritersAreRemovedByTheNextWrite) {
    Scratch dir("atomic-stale");
    // A process that has ended: its pid names a writer that was killed before its rename.
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ASSERT_GT(child, 0);
    ::waitpid(child, nullptr, 0);
    const auto dead = ".out.txt.tmp-" + std::to_string(child) + "-AbC123";
    const auto alive = ".out.txt.tmp-" + std::to_string(::getppid()) + "-AbC123";  // a live writer's
    const auto other = ".other.txt.tmp-" + std::to_string(child) + "-AbC123";      // another file's
    for (const auto& name : {dead, alive, other}) test::write(dir.path() / name, "partial");
    write_file_atomically(dir.path() / "out.txt", "whole");
    EXPECT_EQ(dir.entries(), (std::set<std::string>{"out.txt", alive, other}));
}

}  // namespace

// read_to_end, under read_text_file and the framework cache: the bytes as they are, whatever the size
// fstat gave (a file that grew, a /proc file that says 0), a limit, and a read error.
TEST(InputFiles, ReadToEndGivesTheWholeFileWhateverSizeWasExpected) {
    Scratch dir("read-to-end");
    std::mt19937 random(7);
    for (const std::size_t size : {0u, 1u, 65535u, 65536u, 65537u, 1000003u}) {
        std::string bytes(size, '\0');
        for (auto& b : bytes) b = static_cast<char>(random());
        const auto file = dir.path() / ("f" + std::to_string(size));
        std::ofstream(file, std::ios::binary) << bytes;
        for (const std::size_t expected : {std::size_t{0}, size / 2, size, size + 10}) {
            const int fd = ::open(file.c_str(), O_RDONLY);
            ASSERT_GE(fd, 0);
            std::string out;
            EXPECT_EQ(routemap::detail::read_to_end(fd, expected, 2000000, out), routemap::detail::ReadEnd::whole);
            ::close(fd);
            EXPECT_EQ(out, bytes) << size << " bytes, " << expected << " expected";
        }
        if (size > 1) {
            const int fd = ::open(file.c_str(), O_RDONLY);
            std::string out;
            EXPECT_EQ(routemap::detail::read_to_end(fd, 0, size - 1, out), routemap::detail::ReadEnd::too_big) << size;
            ::close(fd);
        }
    }
    // A /proc file is regular and says it is empty; its text is still read.
    EXPECT_NE(routemap::detail::read_text_file("/proc/self/status").find("Pid:"), std::string::npos);
    const int directory = ::open(dir.path().c_str(), O_RDONLY | O_DIRECTORY);
    ASSERT_GE(directory, 0);
    std::string out;
    EXPECT_EQ(routemap::detail::read_to_end(directory, 10, 100, out), routemap::detail::ReadEnd::failed);
    EXPECT_EQ(errno, EISDIR);
    EXPECT_TRUE(out.empty());
    ::close(directory);
}
