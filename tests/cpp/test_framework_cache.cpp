// The framework cache (framework_cache.hpp): a specification comes back exactly as it was read, for
// that text only, with the locations naming the file it is read for; anything else in the cache
// directory (damaged, cut short, from another build, not a file) is passed over, and no problem with
// the cache ever fails a load.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <routemap/framework_cache.hpp>

#include "framework_cache/spec_codec.hpp"
#include "test_support.hpp"

using namespace routemap;

namespace {

std::vector<std::filesystem::path> framework_files() {
    std::vector<std::filesystem::path> files;
    for (const auto* dir : {"frameworks", "tests/data", "tests/data/versions/frameworks", "fuzz/regressions/framework"}) {
        const auto path = test::source_dir() / dir;
        if (!std::filesystem::exists(path)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(path))
            if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
    }
    return files;
}

std::optional<FrameworkSpec> read_spec(const std::string& text, const std::string& name, std::vector<Diagnostic>* out = nullptr) {
    std::vector<Diagnostic> diagnostics;
    auto spec = read_framework_spec(text, name, diagnostics);
    if (out) *out = diagnostics;
    return spec;
}

// A specification with every member set to something other than its default, so that a member the
// codec forgot cannot pass unseen.
FrameworkSpec every_member_set() {
    const auto at = [](std::uint32_t line) { return SourceLocation{"every.toml", line, line + 1}; };
    FrameworkSpec s;
    s.format_version = 1;
    s.info = {"every", "Every member", "2.0.0", "service", "Publisher", 2025, "A source", "A description", "draft",
              {{"keywords", {"a", "b"}}, {"licence", {"OGL"}}}};
    s.scoring.default_model = "continuous";
    s.scoring.parameters = {{"staged", {{"threshold", 0.75}}}, {"coverage", {{"partial", 0.5}, {"x", -1e-300}}}};
    s.tiers = {{"fundamental", "Fundamental", "First", at(3), at(4)}, {"advanced", "Advanced", "", at(5), {}}};
    AnswerSpec answer{"mostly", "Mostly", "Nearly all", 0.8, Status::partial, at(6), at(7), at(8), at(9)};
    s.answers = {answer, AnswerSpec{"never", "Never", "", 0.0, std::nullopt, at(10), {}, {}, {}}};
    CriterionSpec c;
    c.id = "fundamental.1";
    c.tier = "fundamental";
    c.tier_location = at(20);
    c.text = "Text with \"quotes\", a newline\n and UTF-8: é ✓";
    c.details = {"one", "", "three"};
    c.requires_ids = {"d.a.fundamental.0"};
    c.requires_locations = {at(21)};
    c.weight = 2.5;
    c.tags = {"tag"};
    c.source = "p. 4";
    c.location = at(22);
    c.id_location = at(23);
    c.weight_location = SourceLocation{"another-file.toml", 9, 9};
    AreaSpec area;
    area.id = "a";
    area.name = "Area";
    area.description = "Area description";
    area.implicit = false;
    area.tiers = {"fundamental", "advanced"};
    area.tier_locations = {at(30), at(31)};
    area.tiers_location = at(32);
    area.criteria = {c, c};
    area.location = at(33);
    area.id_location = at(34);
    AreaSpec implicit = area;
    implicit.implicit = true;
    DomainSpec d;
    d.id = "d";
    d.name = "Domain";
    d.step = "S";
    d.summary = "Summary";
    d.description = "Description";
    d.actions = {Action{"Do", {Action{"Nested", {Action{"Deeper", {}, at(40)}}, at(41)}}, at(42)}};
    d.areas = {area, implicit};
    d.location = at(43);
    d.id_location = at(44);
    d.answers = {answer};
    s.domains = {d, d};
    s.file = "every.toml";
    s.location = at(1);
    s.id_location = at(2);
    s.implicit_edges = ImplicitEdges::none;
    return s;
}

void rename_location(SourceLocation& l, const std::string& from, const std::string& to) {
    if (l.file == from) l.file = to;
}

void rename_actions(std::vector<Action>& actions, const std::string& from, const std::string& to) {
    for (auto& a : actions) {
        rename_location(a.location, from, to);
        rename_actions(a.children, from, to);
    }
}

void rename_answers(std::vector<AnswerSpec>& answers, const std::string& from, const std::string& to) {
    for (auto& a : answers)
        for (auto* l : {&a.location, &a.id_location, &a.credit_location, &a.meaning_location}) rename_location(*l, from, to);
}

void rename_locations(FrameworkSpec& s, const std::string& from, const std::string& to) {
    s.file = to;
    rename_location(s.location, from, to);
    rename_location(s.id_location, from, to);
    for (auto& t : s.tiers) {
        rename_location(t.location, from, to);
        rename_location(t.id_location, from, to);
    }
    rename_answers(s.answers, from, to);
    for (auto& d : s.domains) {
        rename_location(d.location, from, to);
        rename_location(d.id_location, from, to);
        rename_actions(d.actions, from, to);
        rename_answers(d.answers, from, to);
        for (auto& a : d.areas) {
            for (auto* l : {&a.location, &a.id_location, &a.tiers_location}) rename_location(*l, from, to);
            for (auto& l : a.tier_locations) rename_location(l, from, to);
            for (auto& c : a.criteria) {
                for (auto* l : {&c.location, &c.id_location, &c.tier_location, &c.weight_location}) rename_location(*l, from, to);
                for (auto& l : c.requires_locations) rename_location(l, from, to);
            }
        }
    }
}

// A big framework (over `min_bytes` of the default options, 1 MiB) that reads cleanly but whose
// build warns (one area skips a tier), so that a diagnostic from the cached path can be checked.
std::string big_framework(int areas = 1500) {
    std::string s = test::header("big") + test::two_tiers();
    s += "[[domains]]\nid = \"d\"\nname = \"Domain\"\n";
    for (int a = 0; a < areas; ++a) {
        s += "[[domains.areas]]\nid = \"a" + std::to_string(a) + "\"\nname = \"Area " + std::to_string(a) + "\"\n";
        for (int c = 0; c < 4; ++c) {
            const bool skip = a == 7;  // area a7 has no advanced criterion: a warning
            s += "[[domains.areas.criteria]]\nid = \"" + std::string(c < 2 || skip ? "fundamental." : "advanced.") +
                 std::to_string(c) + "\"\ntier = \"" + (c < 2 || skip ? "fundamental" : "advanced") +
                 "\"\ntext = \"Criterion " + std::to_string(c) + " of area " + std::to_string(a) +
                 ", long enough to make the file big: the quick brown fox jumps over the lazy dog.\"\n";
        }
    }
    return s;
}

FrameworkCache::Options any_size() {
    FrameworkCache::Options o;
    o.min_bytes = 0;
    return o;
}

std::string slurp(const std::filesystem::path& f) { return test::detail_read(f); }

}  // namespace

// ---- the codec

TEST(SpecCodec, EveryMemberComesBack) {
    const auto spec = every_member_set();
    const auto back = detail::decode_spec(detail::encode_spec(spec), "every.toml");
    ASSERT_TRUE(back);
    EXPECT_TRUE(*back == spec);
}

TEST(SpecCodec, EveryFrameworkFileInTheRepositoryComesBackEqual) {
    const auto files = framework_files();
    ASSERT_GE(files.size(), 15u);
    std::size_t read = 0;
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        const auto spec = read_spec(slurp(file), file.string());
        if (!spec) continue;
        ++read;
        const auto back = detail::decode_spec(detail::encode_spec(*spec), file.string());
        ASSERT_TRUE(back);
        EXPECT_TRUE(*back == *spec);
    }
    EXPECT_GE(read, 10u);
}

TEST(SpecCodec, LocationsNameTheFileTheBytesAreReadFor) {
    for (const auto& id : {"newham-organisation", "larch-remi"}) {
        const auto text = slurp(test::bundled(id));
        const auto spec = read_spec(text, "first/place.toml");
        ASSERT_TRUE(spec);
        auto expected = read_spec(text, "second/place.toml");
        const auto back = detail::decode_spec(detail::encode_spec(*spec), "second/place.toml");
        ASSERT_TRUE(back);
        EXPECT_TRUE(*back == *expected);
        // A location that named another file keeps it.
        auto every = every_member_set();
        const auto moved = detail::decode_spec(detail::encode_spec(every), "moved.toml");
        ASSERT_TRUE(moved);
        rename_locations(every, "every.toml", "moved.toml");
        EXPECT_TRUE(*moved == every);
        EXPECT_EQ(moved->domains[0].areas[0].criteria[0].weight_location.file, "another-file.toml");
    }
}

TEST(SpecCodec, BytesCutShortOrRunningOnAreRefused) {
    const auto bytes = detail::encode_spec(every_member_set());
    for (std::size_t n = 0; n < bytes.size(); ++n) EXPECT_FALSE(detail::decode_spec(bytes.substr(0, n), "f")) << n;
    EXPECT_FALSE(detail::decode_spec(bytes + '\0', "f"));
}

TEST(SpecCodec, DamagedBytesNeverCrashOrAllocateWithoutBound) {
    // Each byte set to a few values: counts become huge, enums go out of range, strings run past the
    // end. Whatever comes back, the decoder must return (under the sanitizers, cleanly).
    const auto bytes = detail::encode_spec(every_member_set());
    std::size_t refused = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i)
        for (const unsigned char v : {0x00, 0x01, 0x07, 0x7f, 0xff}) {
            auto damaged = bytes;
            damaged[i] = static_cast<char>(v);
            if (!detail::decode_spec(damaged, "f")) ++refused;
        }
    EXPECT_GT(refused, bytes.size());  // most damage is noticed; the entry's hash catches the rest
}

// ---- the cache's files

TEST(FrameworkCache, KeepsAndFindsACleanReading) {
    const auto dir = test::scratch("cache-keeps");
    const FrameworkCache cache(dir / "cache", any_size());
    const auto text = slurp(test::bundled("newham-organisation"));
    const auto spec = read_spec(text, "n.toml");
    ASSERT_TRUE(spec);
    EXPECT_FALSE(cache.find(text, "n.toml"));
    cache.store(text, *spec);
    ASSERT_TRUE(std::filesystem::exists(cache.entry_path(text)));
    const auto found = cache.find(text, "n.toml");
    ASSERT_TRUE(found);
    EXPECT_TRUE(*found == *spec);
    // Another text, even one byte longer, is not this entry.
    EXPECT_FALSE(cache.find(text + "\n", "n.toml"));
    EXPECT_NE(cache.entry_path(text), cache.entry_path(text + "\n"));
}

TEST(FrameworkCache, SmallTextsAreNeitherKeptNorLookedUp) {
    const auto dir = test::scratch("cache-small");
    const FrameworkCache cache(dir);  // default: 1 MiB and up
    const auto text = slurp(test::bundled("newham-organisation"));
    ASSERT_LT(text.size(), cache.options().min_bytes);
    cache.store(text, *read_spec(text, "n.toml"));
    EXPECT_FALSE(std::filesystem::exists(cache.entry_path(text)));
    EXPECT_FALSE(cache.find(text, "n.toml"));
}

TEST(FrameworkCache, AnEntryDamagedCutShortOrFromAnotherBuildIsPassedOver) {
    const auto dir = test::scratch("cache-damaged");
    const FrameworkCache cache(dir, any_size());
    const auto text = slurp(test::bundled("larch-remi"));
    const auto spec = read_spec(text, "l.toml");
    cache.store(text, *spec);
    const auto entry = cache.entry_path(text);
    const auto good = slurp(entry);
    ASSERT_TRUE(cache.find(text, "l.toml"));

    const auto put = [&](const std::string& bytes) { test::write(entry, bytes); };
    // A byte of the payload changed: its hash no longer matches, even where the codec would accept it.
    for (const std::size_t at : {good.size() - 1, good.size() / 2, good.size() - 200}) {
        auto damaged = good;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
        put(damaged);
        EXPECT_FALSE(cache.find(text, "l.toml")) << at;
    }
    put(good.substr(0, good.size() / 2));
    EXPECT_FALSE(cache.find(text, "l.toml"));
    put("");
    EXPECT_FALSE(cache.find(text, "l.toml"));
    // Another version of routemap wrote it: the version in the header differs.
    auto other = good;
    const auto version = other.find(version_string);
    ASSERT_NE(version, std::string::npos);
    other[version] = static_cast<char>(other[version] == '9' ? '8' : '9');
    put(other);
    EXPECT_FALSE(cache.find(text, "l.toml"));
    // Storing again replaces it.
    cache.store(text, *spec);
    EXPECT_TRUE(cache.find(text, "l.toml"));
}

TEST(FrameworkCache, AnEntryOthersMayWriteIsNotReadAndANewDirectoryIsTheUsersAlone) {
    const auto dir = test::scratch("cache-permissions");
    const FrameworkCache cache(dir / "cache", any_size());
    const auto text = slurp(test::bundled("newham-organisation"));
    cache.store(text, *read_spec(text, "n.toml"));
    const auto status = std::filesystem::status(dir / "cache");
    EXPECT_EQ(status.permissions() & std::filesystem::perms::all, std::filesystem::perms::owner_all);
    ASSERT_TRUE(cache.find(text, "n.toml"));
    using std::filesystem::perms;
    for (const auto writable : {perms::group_write, perms::others_write}) {
        std::filesystem::permissions(cache.entry_path(text), writable, std::filesystem::perm_options::add);
        EXPECT_FALSE(cache.find(text, "n.toml"));
        std::filesystem::permissions(cache.entry_path(text), writable, std::filesystem::perm_options::remove);
        EXPECT_TRUE(cache.find(text, "n.toml"));
    }
}

TEST(FrameworkCache, SomethingOtherThanAFileAtTheEntrysPlaceIsPassedOverWithoutBlocking) {
    const auto dir = test::scratch("cache-fifo");
    const FrameworkCache cache(dir, any_size());
    const auto text = slurp(test::bundled("newham-organisation"));
    ASSERT_EQ(::mkfifo(cache.entry_path(text).c_str(), 0600), 0);
    EXPECT_FALSE(cache.find(text, "n.toml"));  // returns at once: a FIFO is never read
    std::filesystem::remove(cache.entry_path(text));
    std::filesystem::create_directory(cache.entry_path(text));
    EXPECT_FALSE(cache.find(text, "n.toml"));
    cache.store(text, *read_spec(text, "n.toml"));  // cannot replace a directory: nothing happens
    EXPECT_TRUE(std::filesystem::is_directory(cache.entry_path(text)));
}

TEST(FrameworkCache, ADirectoryThatCannotBeMadeOnlyMeansNoCache) {
    const auto dir = test::scratch("cache-blocked");
    test::write(dir / "file", "not a directory");
    const FrameworkCache cache(dir / "file" / "cache", any_size());
    const auto text = slurp(test::bundled("newham-organisation"));
    cache.store(text, *read_spec(text, "n.toml"));
    EXPECT_FALSE(cache.find(text, "n.toml"));
    const auto loaded = try_load_framework(test::bundled("newham-organisation"), &cache);
    EXPECT_TRUE(loaded.framework);
}

TEST(FrameworkCache, KeepsTheMostRecentlyUsedEntries) {
    const auto dir = test::scratch("cache-prune");
    FrameworkCache::Options options = any_size();
    options.max_entries = 2;
    const FrameworkCache cache(dir, options);
    const auto base = slurp(test::bundled("newham-organisation"));
    const auto spec = read_spec(base, "n.toml");
    std::vector<std::string> texts;
    for (int i = 0; i < 3; ++i) texts.push_back(base + "\n# " + std::to_string(i) + "\n");
    const auto age = [&](const std::string& text, int seconds) {
        std::filesystem::last_write_time(cache.entry_path(text),
                                         std::filesystem::file_time_type::clock::now() - std::chrono::seconds(seconds));
    };
    cache.store(texts[0], *spec);
    age(texts[0], 300);
    cache.store(texts[1], *spec);
    age(texts[1], 200);
    ASSERT_TRUE(cache.find(texts[0], "n.toml"));  // used: now the most recent
    cache.store(texts[2], *spec);  // three entries, room for two: the least recently used goes
    EXPECT_TRUE(std::filesystem::exists(cache.entry_path(texts[0])));
    EXPECT_FALSE(std::filesystem::exists(cache.entry_path(texts[1])));
    EXPECT_TRUE(std::filesystem::exists(cache.entry_path(texts[2])));
}

// ---- loading through the cache

TEST(FrameworkCache, ALoadThroughTheCacheGivesWhatReadingTheTextGives) {
    const auto dir = test::scratch("cache-load");
    const auto text = big_framework();
    ASSERT_GE(text.size(), std::size_t{1} << 20);
    test::write(dir / "one" / "big.toml", text);
    test::write(dir / "two" / "big.toml", text);
    const FrameworkCache cache(dir / "cache");

    const auto uncached = try_load_framework(dir / "one" / "big.toml", nullptr);
    ASSERT_TRUE(uncached.framework);
    ASSERT_EQ(uncached.diagnostics.size(), 1u);  // area a7 skips a tier: a warning from the build
    const auto first = try_load_framework(dir / "one" / "big.toml", &cache);
    ASSERT_TRUE(std::filesystem::exists(cache.entry_path(text)));
    ASSERT_TRUE(cache.find(text, "x"));
    const auto second = try_load_framework(dir / "one" / "big.toml", &cache);
    for (const auto* got : {&first, &second}) {
        ASSERT_TRUE(got->framework);
        EXPECT_TRUE(got->diagnostics == uncached.diagnostics);
        EXPECT_EQ(got->framework->criteria().size(), uncached.framework->criteria().size());
        EXPECT_EQ(got->framework->graph().edges().size(), uncached.framework->graph().edges().size());
        EXPECT_EQ(got->framework->criteria().back().text, uncached.framework->criteria().back().text);
        EXPECT_EQ(got->framework->file(), uncached.framework->file());
    }
    // The same text at another path: the warning names that path, as reading it would.
    const auto elsewhere = try_load_framework(dir / "two" / "big.toml", &cache);
    const auto elsewhere_uncached = try_load_framework(dir / "two" / "big.toml", nullptr);
    ASSERT_EQ(elsewhere.diagnostics.size(), 1u);
    EXPECT_TRUE(elsewhere.diagnostics == elsewhere_uncached.diagnostics);
    EXPECT_EQ(elsewhere.diagnostics[0].location.file, (dir / "two" / "big.toml").string());
    EXPECT_EQ(elsewhere.framework->file(), (dir / "two" / "big.toml").string());
}

TEST(FrameworkCache, AReadingThatReportedAnythingIsNotKept) {
    const auto dir = test::scratch("cache-unclean");
    const FrameworkCache cache(dir / "cache");
    // An unknown key: a warning from reading the text, which must keep coming from the text.
    auto text = big_framework();
    text.insert(text.find("[[tiers]]"), "colour = \"red\"\n");
    test::write(dir / "warns.toml", text);
    const auto loaded = try_load_framework(dir / "warns.toml", &cache);
    ASSERT_FALSE(loaded.diagnostics.empty());
    EXPECT_FALSE(std::filesystem::exists(cache.entry_path(text)));
    // A syntax error: nothing to keep.
    test::write(dir / "broken.toml", big_framework() + "[[domains\n");
    EXPECT_FALSE(try_load_framework(dir / "broken.toml", &cache).framework);
    EXPECT_FALSE(std::filesystem::exists(dir / "cache") && !std::filesystem::is_empty(dir / "cache"));
}

TEST(FrameworkCache, TheEnvironmentNamesTheDirectoryOrTurnsItOff) {
    struct Restore {
        std::vector<std::pair<std::string, std::optional<std::string>>> saved;
        void set(const char* name, const char* value) {
            const char* old = std::getenv(name);
            saved.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
            if (value) ::setenv(name, value, 1);
            else ::unsetenv(name);
        }
        ~Restore() {
            for (auto it = saved.rbegin(); it != saved.rend(); ++it) {
                if (it->second) ::setenv(it->first.c_str(), it->second->c_str(), 1);
                else ::unsetenv(it->first.c_str());
            }
        }
    } env;
    env.set("ROUTEMAP_NO_CACHE", nullptr);
    env.set("ROUTEMAP_CACHE_DIR", "/somewhere/cache");
    env.set("XDG_CACHE_HOME", "/xdg");
    env.set("HOME", "/home/someone");
    EXPECT_EQ(FrameworkCache::from_environment()->directory(), "/somewhere/cache");
    env.set("ROUTEMAP_CACHE_DIR", "");
    EXPECT_EQ(FrameworkCache::from_environment()->directory(), "/xdg/routemap");
    env.set("XDG_CACHE_HOME", nullptr);
    EXPECT_EQ(FrameworkCache::from_environment()->directory(), "/home/someone/.cache/routemap");
    env.set("HOME", nullptr);
    EXPECT_FALSE(FrameworkCache::from_environment());
    env.set("HOME", "/home/someone");
    env.set("ROUTEMAP_NO_CACHE", "0");
    EXPECT_TRUE(FrameworkCache::from_environment());
    env.set("ROUTEMAP_NO_CACHE", "1");
    EXPECT_FALSE(FrameworkCache::from_environment());
}
